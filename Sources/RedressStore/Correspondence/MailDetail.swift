public import Foundation
import Postgres
import RedressCore
import RedressNotices

/// One received message as `mail show` shows it: where it was filed or why it waits, its
/// header fields, its decoded text and its attachments.
public struct MailDetail: Sendable, Encodable {
    public struct Header: Sendable, Encodable {
        public var name: String
        public var value: String
    }

    public struct Attachment: Sendable, Encodable {
        public var filename: String?
        /// The content type the sender declared.
        public var type: String
        public var size: Int
        /// SHA-256 of its decoded bytes, hexadecimal.
        public var sha256: String?
        /// The case document it became, if it was kept.
        public var document: Int?
        /// Over the size limit: not kept as a document, its bytes left out of the stored message.
        public var refused: Bool

        enum CodingKeys: String, CodingKey {
            case filename, type, size, sha256, document, refused
        }
    }

    public var number: Int
    public var receivedAt: Date
    public var receivedBy: String
    public var state: String
    public var kind: String
    public var reference: String?
    public var matchedBy: String?
    public var notice: Int?
    public var filedAt: Date?
    public var filedBy: String?
    /// Why it was quarantined, or what of it was refused.
    public var problem: String?
    /// The stored bytes: their size and SHA-256 (hexadecimal).
    public var size: Int
    public var sha256: String
    public var headers: [Header]
    public var text: String?
    public var attachments: [Attachment]

    enum CodingKeys: String, CodingKey {
        case number
        case receivedAt = "received_at"
        case receivedBy = "received_by"
        case state, kind, reference
        case matchedBy = "matched_by"
        case notice
        case filedAt = "filed_at"
        case filedBy = "filed_by"
        case problem, size, sha256, headers, text, attachments
    }

    /// The header fields `mail show` lists, in this order, when the message has them.
    static let shownFields = [
        "From", "To", "Cc", "Reply-To", "Date", "Subject", "Message-ID", "In-Reply-To", "References", "Return-Path",
        "Auto-Submitted", "Precedence",
    ]
}

extension MailStore {
    /// Message `number`, if `actor` may read it: a message of a confidential case (or of no
    /// case) only for those who may see who complained. Reading one of a confidential case is
    /// audited.
    public func show(number: Int, actor: Actor, at instant: Date) throws -> MailDetail {
        try actor.require(.read)
        guard
            let row = try connection.query(
                """
                SELECT m.received_at, m.received_by, m.state, m.kind, c.reference, m.matched_by, m.notice_id,
                    m.filed_at, m.filed_by, m.problem, m.size, m.sha256, m.text_body, m.case_id,
                    coalesce(c.confidential, false), redress_may_read_content(m.case_id, false)
                FROM mail_message m LEFT JOIN complaint_case c ON c.id = m.case_id
                WHERE m.id = \(number)
                """
            ).first
        else {
            // The database hides a message its reader may not read; its audit row says it exists.
            if try connection.query(
                """
                SELECT 1 FROM case_event
                WHERE kind IN ('mail_received', 'notice_bounced', 'mail_unmatched', 'mail_quarantined')
                    AND data->>'message' = \(String(number)) LIMIT 1
                """
            ).first != nil {
                throw Self.hidden(number)
            }
            throw StoreError.messageNotFound(number)
        }
        let caseID = try row.decode(Int?.self, at: 13)
        // The service's login is trusted by the database: the rule is kept here too.
        // Trusted sessions (the owner) read every message; staff logins by the rule of
        // `redress_may_read_content`, which also hides the row itself from them.
        guard try row.decode(Bool.self, at: 15) else { throw Self.hidden(number) }
        if let caseID, try row.decode(Bool.self, at: 14) {
            try AuditLog(connection).record(
                caseID: caseID, actor: actor.login, at: instant, kind: "case_viewed",
                data: ["purpose": .string("message"), "message": .int(number)])
        }
        let digest = try row.decode([UInt8].self, at: 11)
        let raw = try ContentStore(connection: connection).bytes(digest: digest)
        let limit = try OfficeStore(connection).settings().documentSizeLimit
        let message = try? InboundMessage.parse(raw, attachmentLimit: limit)
        var documents: [(number: Int, digest: [UInt8])] = []
        if caseID != nil {
            documents = try connection.query(
                "SELECT number, sha256 FROM case_document WHERE mail_message_id = \(number) ORDER BY number"
            ).map { (number: try $0.decode(Int.self, at: 0), digest: try $0.decode([UInt8].self, at: 1)) }
        }
        var headers: [MailDetail.Header] = []
        for name in MailDetail.shownFields {
            for value in message?.headers.all(name) ?? [] {
                headers.append(
                    .init(
                        name: name,
                        value: Self.line(EncodedWords.decode(value.trimmingCharacters(in: .whitespaces)), limit: 2000)))
            }
        }
        let attachments = (message?.attachments ?? []).map { attachment -> MailDetail.Attachment in
            let digest = attachment.bytes.map { ContentStore.digest(of: $0) }
            return MailDetail.Attachment(
                filename: attachment.filename.map { Self.line($0, limit: 255) },
                type: Self.line(attachment.declaredType, limit: 100), size: attachment.size,
                sha256: digest.map { ContentStore.hex($0) } ?? attachment.leftOutSHA256,
                document: digest.flatMap { digest in documents.first { $0.digest == digest }?.number },
                refused: attachment.bytes == nil)
        }
        return MailDetail(
            number: number, receivedAt: try row.decode(Date.self, at: 0),
            receivedBy: try row.decode(String.self, at: 1),
            state: try row.decode(String.self, at: 2), kind: try row.decode(String.self, at: 3),
            reference: try row.decode(String?.self, at: 4), matchedBy: try row.decode(String?.self, at: 5),
            notice: try row.decode(Int?.self, at: 6), filedAt: try row.decode(Date?.self, at: 7),
            filedBy: try row.decode(String?.self, at: 8), problem: try row.decode(String?.self, at: 9),
            size: try row.decode(Int.self, at: 10), sha256: ContentStore.hex(digest), headers: headers,
            text: try row.decode(String?.self, at: 12), attachments: attachments)
    }

    /// Hands the stored bytes of message `number` to `body` a chunk at a time, under the rules
    /// of `show`.
    public func raw(number: Int, actor: Actor, at instant: Date, _ body: ([UInt8]) throws -> Void) throws {
        _ = try show(number: number, actor: actor, at: instant)
        let row = try connection.query(
            """
            SELECT c.sha256, c.chunks FROM mail_message m JOIN document_content c ON c.sha256 = m.sha256
            WHERE m.id = \(number)
            """
        ).first
        guard let row else { throw StoreError.messageNotFound(number) }
        try ContentStore(connection: connection).read(
            digest: try row.decode([UInt8].self, at: 0), chunks: try row.decode(Int.self, at: 1), body)
    }

    static func hidden(_ number: Int) -> StoreError {
        .refused(
            "Message \(number) is kept with a confidential case or waits for a case; only those who may see who complained read it (the case's assignee, supervisors, the ombudsperson)."
        )
    }
}
