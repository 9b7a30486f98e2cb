import Crypto
public import Foundation
public import Postgres
public import RedressCore
import RedressNotices

/// What became of a message `mail receive` was given.
public struct MailReceipt: Sendable, Encodable {
    /// `filed`, `unmatched`, `quarantined`, `duplicate` (received before: nothing written) or
    /// `ignored` (one of Redress's own messages came back: nothing written).
    public var outcome: String
    /// Its number (`mail list`, `mail file`), when it was stored.
    public var number: Int?
    /// `reply`, `auto_reply` or `bounce`.
    public var kind: String?
    public var reference: String?
    /// How it found its case: `notice`, `subject`, `intake` or `hand`.
    public var matchedBy: String?
    /// The notice it answers or reports on.
    public var notice: Int?
    /// The diagnostic a bounce recorded on its notice.
    public var bounce: String?
    /// It answers an information request of a case waiting for that information.
    public var possibleAnswer = false
    /// The numbers of the documents its attachments became.
    public var documents: [Int] = []
    /// One sentence per attachment over the size limit.
    public var refused: [String] = []
    /// What could not be read as it should.
    public var problems: [String] = []

    enum CodingKeys: String, CodingKey {
        case outcome, number, kind, reference
        case matchedBy = "matched_by"
        case notice, bounce
        case possibleAnswer = "possible_answer"
        case documents, refused, problems
    }
}

/// A received message as `mail list` shows it.
public struct MailSummary: Sendable, Encodable {
    public var number: Int
    public var receivedAt: Date
    public var state: String
    public var kind: String
    public var reference: String?
    public var sender: String?
    public var subject: String?
    public var problem: String?

    enum CodingKeys: String, CodingKey {
        case number
        case receivedAt = "received_at"
        case state, kind, reference, sender, subject, problem
    }
}

/// Messages that come in by mail (`mail receive`): each is kept exactly, once, and filed to its
/// case by the notice it answers or the reference in its subject; otherwise it opens an intake
/// or waits in the unmatched queue. A delivery report marks its notice failed. Automatic
/// messages are filed and trigger nothing.
public struct MailStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The summary and respondent of a case opened from a message that names none.
    public static let intakeRespondent = "Respondent to be identified"

    /// A message read and made ready to store: parsed, hashed, and with any attachment over the
    /// limit left out. Done before the transaction opens, since a large message takes longer to
    /// read than a transaction may wait idle.
    public struct Prepared: Sendable {
        /// The bytes as received and their SHA-256.
        var raw: [UInt8]
        var digest: [UInt8]
        var message: Result<InboundMessage, InboundMessageError>
        /// The bytes to store (the received ones, or with parts left out) and their SHA-256.
        var stored: [UInt8]
        var storedDigest: [UInt8]
        var limit: Int
    }

    /// Reads `raw` for `receive`, with attachments over `attachmentLimit` bytes left out.
    public static func prepare(_ raw: [UInt8], attachmentLimit: Int) -> Prepared {
        let digest = ContentStore.digest(of: raw)
        var parsed: Result<InboundMessage, InboundMessageError>
        do {
            parsed = .success(try InboundMessage.parse(raw, attachmentLimit: attachmentLimit))
        } catch {
            parsed = .failure(error)
        }
        var stored = raw
        var storedDigest = digest
        // An attachment over the limit is not kept: the message is stored without its bytes,
        // a note in its place (the same note for the same message, so a retry is recognised).
        if case .success(var message) = parsed, let kept = leavingOut(raw, &message, limit: attachmentLimit) {
            parsed = .success(message)
            stored = kept
            storedDigest = ContentStore.digest(of: kept)
        }
        return Prepared(
            raw: raw, digest: digest, message: parsed, stored: stored, storedDigest: storedDigest,
            limit: attachmentLimit)
    }

    /// Receives one message as `actor` at `instant`. Call inside a transaction.
    public func receive(_ raw: [UInt8], actor: Actor, at instant: Date) throws -> MailReceipt {
        let limit = try OfficeStore(connection).settings().documentSizeLimit
        return try receive(Self.prepare(raw, attachmentLimit: limit), actor: actor, at: instant)
    }

    /// Receives a prepared message as `actor` at `instant`. Call inside a transaction.
    public func receive(_ prepared: Prepared, actor: Actor, at instant: Date) throws -> MailReceipt {
        try actor.require(.acknowledge)
        let settings = try OfficeStore(connection).settings()
        let (raw, digest) = (prepared.raw, prepared.digest)
        // One receipt of a message at a time: the mail system may deliver it twice at once.
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(ContentStore.hex(digest)), 25))")
        let message: InboundMessage
        switch prepared.message {
        case .success(let parsed): message = parsed
        case .failure(let error):
            if try isKnown(messageID: nil, digest: digest) { return MailReceipt(outcome: "duplicate") }
            return try keep(
                raw, digest: digest, messageID: nil, state: "quarantined", kind: "reply", message: nil,
                problem: "Not readable as a message: \(error.description).", actor: actor, at: instant)
        }
        let messageID = message.messageID.map { String($0.prefix(998)) }
        if let messageID, Self.isOwn(messageID, domain: settings.mailDomain) {
            return MailReceipt(outcome: "ignored")
        }
        let (stored, storedDigest) = (prepared.stored, prepared.storedDigest)
        if try isKnown(messageID: messageID, digest: storedDigest) { return MailReceipt(outcome: "duplicate") }
        let kind = message.report != nil ? "bounce" : message.isAutomatic ? "auto_reply" : "reply"
        var target = try match(message, settings: settings)
        var instant = instant
        if target == nil, kind == "reply", settings.mailOpensIntake {
            let opened = try openIntake(message, actor: actor, at: instant)
            target = Target(reference: opened.reference, matchedBy: "intake", notice: nil)
            // Filed at the receipt the case records (to the microsecond), never before it.
            instant = opened.receivedAt
        }
        guard let target else {
            var receipt = try keep(
                stored, digest: storedDigest, messageID: messageID, state: "unmatched", kind: kind, message: message,
                problem: nil, actor: actor, at: instant)
            if receipt.outcome == "unmatched" {
                receipt.refused = message.attachments.filter { $0.bytes == nil }.map {
                    Self.refusal($0, limit: prepared.limit)
                }
            }
            return receipt
        }
        return try file(
            stored, digest: storedDigest, messageID: messageID, kind: kind, message: message, target: target,
            limit: prepared.limit, actor: actor, at: instant)
    }

    /// Whether this message (by Message-ID and bytes) was received before.
    func isKnown(messageID: String?, digest: [UInt8]) throws -> Bool {
        try connection.query(
            "SELECT 1 FROM mail_message WHERE message_id IS NOT DISTINCT FROM \(messageID) AND sha256 = \(digest)"
        ).first != nil
    }

    /// A Message-ID Redress itself makes (`NoticeRenderer.messageID`, the thread root, reports).
    static func isOwn(_ id: String, domain: String) -> Bool {
        guard id.lowercased().hasSuffix("@" + domain.lowercased()) else { return false }
        return ["notice-", "case.", "deadline-report."].contains { id.hasPrefix($0) }
    }

    struct Target {
        var reference: String
        var matchedBy: String
        var notice: (id: Int, kind: String)?
    }

    /// The case a message belongs to: by a notice's Message-ID it answers (or, for a bounce,
    /// reports on), else by a case reference in its subject.
    func match(_ message: InboundMessage, settings: OfficeSettings) throws -> Target? {
        var ids = message.inReplyTo + message.references.reversed()
        if let original = message.report?.originalMessageID { ids.insert(original, at: 0) }
        let suffix = "@" + settings.mailDomain.lowercased()
        for id in ids where id.lowercased().hasSuffix(suffix) {
            let left = id.dropLast(suffix.count)
            if left.hasPrefix("notice-"), let dot = left.firstIndex(of: "."),
                let number = Int(left[left.index(left.startIndex, offsetBy: 7)..<dot])
            {
                let reference = String(left[left.index(after: dot)...])
                if let row = try connection.query(
                    """
                    SELECT n.kind FROM notice n JOIN complaint_case c ON c.id = n.case_id
                    WHERE n.id = \(number) AND c.reference = \(reference)
                    """
                ).first {
                    return Target(
                        reference: reference, matchedBy: "notice", notice: (number, try row.decode(String.self, at: 0)))
                }
            } else if left.hasPrefix("case.") {
                let reference = String(left.dropFirst(5))
                if try CaseStore(connection).find(reference: reference) != nil {
                    return Target(reference: reference, matchedBy: "notice", notice: nil)
                }
            }
        }
        if let subject = message.subject,
            let range = subject.range(
                of: "\(settings.referencePrefix)-[0-9]{4}-[0-9]{6}", options: [.regularExpression, .caseInsensitive])
        {
            let reference = subject[range].uppercased()
            if try CaseStore(connection).find(reference: reference) != nil {
                return Target(reference: reference, matchedBy: "subject", notice: nil)
            }
        }
        return nil
    }

    /// A new unassigned intake, by email, from the message's sender.
    func openIntake(_ message: InboundMessage, actor: Actor, at instant: Date) throws -> CaseRecord {
        let address = message.fromAddress.flatMap { Mailbox.isValidAddress($0) ? $0 : nil }
        let name = Self.line(message.fromName ?? address ?? "Unknown sender", limit: 200)
        let subject = Self.line(message.subject ?? "", limit: 500)
        let new = NewCase(
            receivedAt: instant, channel: .email, complainants: [Party(name: name, email: address)],
            respondent: RespondentBody(name: Self.intakeRespondent),
            summary: subject.isBlankText ? "Message received by email" : subject)
        return try CaseStore(connection).open(new, actor: actor)
    }

    /// Text for a one-line field: control characters dropped, at most `limit` characters.
    static func line(_ text: String, limit: Int) -> String {
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return String(clean.trimmingCharacters(in: .whitespaces).prefix(limit))
    }

    /// Free text as stored: without NUL and other controls but line breaks and tabs, at most
    /// `limit` characters.
    static func body(_ text: String?, limit: Int = 100_000) -> String? {
        guard let text else { return nil }
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    $0.properties.generalCategory != .control || ["\n", "\t"].contains($0)
                }))
        return String(clean.prefix(limit))
    }

    /// Keeps a message that goes to no case (unmatched or quarantined), with an office-wide
    /// audit row.
    func keep(
        _ raw: [UInt8], digest: [UInt8], messageID: String?, state: String, kind: String, message: InboundMessage?,
        problem: String?, actor: Actor, at instant: Date
    ) throws -> MailReceipt {
        try ContentStore(connection: connection).store(BytesSource(raw), digest: digest)
        guard
            let number = try insertMessage(
                raw, digest: digest, messageID: messageID, state: state, kind: kind, message: message, caseID: nil,
                notice: nil, matchedBy: nil, problem: problem, actor: actor, at: instant)
        else { return MailReceipt(outcome: "duplicate") }
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "mail_" + state,
            data: ["message": .int(number), "kind": .string(kind)])
        var receipt = MailReceipt(outcome: state, number: number, kind: kind)
        receipt.problems = (problem.map { [$0] } ?? []) + (message?.problems ?? [])
        return receipt
    }

    func insertMessage(
        _ raw: [UInt8], digest: [UInt8], messageID: String?, state: String, kind: String, message: InboundMessage?,
        caseID: Int?, notice: Int?, matchedBy: String?, problem: String?, actor: Actor, at instant: Date
    ) throws -> Int? {
        let filed = caseID != nil
        return try connection.query(
            """
            INSERT INTO mail_message (message_id, sha256, size, received_at, case_id, notice_id, state, kind, matched_by,
                sender, subject, sent_date, in_reply_to, text_body, problem, received_by, filed_by, filed_at)
            VALUES (\(messageID), \(digest), \(raw.count), \(instant), \(caseID), \(notice), \(state), \(kind), \(matchedBy),
                \(message?.from.map { Self.line($0, limit: 1000) }), \(message?.subject.map { Self.line($0, limit: 1000) }),
                \(message?.date.map { Self.line($0, limit: 200) }), \(message?.inReplyTo.first.map { Self.line($0, limit: 998) }),
                \(Self.body(message?.text)), \(problem), \(actor.login), \(filed ? actor.login : nil), \(filed ? instant : nil))
            ON CONFLICT ON CONSTRAINT mail_message_received_once DO NOTHING
            RETURNING id
            """
        ).first?.decode(Int.self, at: 0)
    }

    /// Files a message to its case: the message, its attachments as documents (those over the
    /// limit refused by name), a bounce's failure on its notice, and the case's audit row.
    func file(
        _ raw: [UInt8], digest: [UInt8], messageID: String?, kind: String, message: InboundMessage, target: Target,
        limit: Int, actor: Actor, at instant: Date
    ) throws -> MailReceipt {
        try ContentStore(connection: connection).store(BytesSource(raw), digest: digest)
        var receipt = MailReceipt(
            outcome: "filed", kind: kind, reference: target.reference, matchedBy: target.matchedBy,
            notice: target.notice?.id)
        receipt.problems = message.problems
        receipt.refused = message.attachments.filter { $0.bytes == nil }.map {
            Self.refusal($0, limit: limit)
        }
        let bounce = kind == "bounce" && target.notice != nil && (message.report?.failed ?? false)
        let diagnostic = message.report.map { "bounced: " + Self.line($0.diagnostic, limit: 900) }
        _ = try CaseStore(connection).change(
            reference: target.reference, expectVersion: nil, actor: actor, permission: .acknowledge, at: instant,
            { record, _, _ in
                receipt.possibleAnswer =
                    kind == "reply" && target.notice?.kind == "information_request" && record.state == .awaitingInfo
                var data: [String: JSONValue] = [
                    "kind": .string(kind), "matched_by": .string(target.matchedBy),
                ]
                if let notice = target.notice { data["notice"] = .int(notice.id) }
                if receipt.possibleAnswer { data["possible_answer"] = true }
                if bounce, let diagnostic { data["diagnostic"] = .string(diagnostic) }
                return (bounce ? "notice_bounced" : "mail_received", data, ClockEffects(), [])
            },
            afterClaim: { record in
                let problem = (receipt.refused + message.problems).joined(separator: " ")
                guard
                    let number = try insertMessage(
                        raw, digest: digest, messageID: messageID, state: "filed", kind: kind, message: message,
                        caseID: record.id, notice: target.notice?.id, matchedBy: target.matchedBy,
                        problem: problem.isEmpty ? nil : String(problem.prefix(4000)), actor: actor, at: instant)
                else { throw StoreError.refused("This message was received already.") }
                receipt.number = number
                if bounce, let notice = target.notice, let diagnostic {
                    try connection.execute(
                        """
                        UPDATE notice SET state = 'failed', sent_at = NULL, last_error = \(diagnostic)
                        WHERE id = \(notice.id) AND state IN ('sent', 'pending')
                        """)
                    receipt.bounce = diagnostic
                }
                receipt.documents = try addAttachments(
                    message, caseID: record.id, number: number, actor: actor, at: instant)
                var data: [String: JSONValue] = ["message": .int(number)]
                if !receipt.documents.isEmpty { data["documents"] = .array(receipt.documents.map { .int($0) }) }
                if !receipt.refused.isEmpty { data["attachments_refused"] = .int(receipt.refused.count) }
                return data
            })
        return receipt
    }

    /// The sentence for an attachment over the size limit.
    static func refusal(_ attachment: InboundAttachment, limit: Int) -> String {
        let name = attachment.filename.map { "\"\(Self.line($0, limit: 200))\"" } ?? "without a name"
        let size = DocumentStore.describe(attachment.size)
        let over = "The attachment \(name) is \(size), over the limit of \(DocumentStore.describe(limit)) a document"
        guard let digest = attachment.leftOutSHA256 else { return over + "; it was not kept as a document." }
        return over + "; it was left out of the stored message (SHA-256 \(digest))."
    }

    /// The message's bytes with each attachment over the limit (inside a multipart) replaced by
    /// a note that names it, gives its size and the SHA-256 of its decoded bytes; nil when no
    /// attachment is left out. The note's digest is recorded on the attachment.
    static func leavingOut(_ raw: [UInt8], _ message: inout InboundMessage, limit: Int) -> [UInt8]? {
        let refused = message.attachments.indices.filter {
            message.attachments[$0].bytes == nil && message.attachments[$0].part != nil
                && message.attachments[$0].body != nil
        }.sorted { message.attachments[$0].part!.lowerBound < message.attachments[$1].part!.lowerBound }
        guard !refused.isEmpty else { return nil }
        let newline: [UInt8] = raw.prefix(1000).contains(13) ? [13, 10] : [10]
        var kept: [UInt8] = []
        var position = 0
        for index in refused {
            let attachment = message.attachments[index]
            guard let part = attachment.part, let body = attachment.body, part.lowerBound >= position else { continue }
            let (sha256, size) = decodedDigest(raw, body, encoding: attachment.encoding)
            let digest = ContentStore.hex(sha256)
            message.attachments[index].leftOutSHA256 = digest
            message.attachments[index].size = size
            kept += raw[position..<part.lowerBound]
            let name = attachment.filename.map { Self.line($0, limit: 200) } ?? ""
            let quoted = String(name.unicodeScalars.filter { $0 != "\"" && $0 != "\\" }.map(Character.init))
            let type = Self.line(attachment.declaredType, limit: 100).filter { $0 != "\"" && $0 != "\\" }
            let lines = [
                "Content-Type: text/plain; charset=utf-8",
                "\(InboundMessage.leftOutField): attachment; filename=\"\(quoted)\"; type=\"\(type)\"; size=\(size); sha256=\(digest)",
                "",
                "Redress left out the attachment \(name.isEmpty ? "without a name" : "\"\(name)\"") (\(type), \(DocumentStore.describe(size)), SHA-256 \(digest)): it is over the document size limit of \(DocumentStore.describe(limit)).",
            ]
            kept += Array(lines.joined(separator: String(decoding: newline, as: UTF8.self)).utf8)
            position = part.upperBound
        }
        kept += raw[position...]
        return kept
    }

    /// The SHA-256 and size of a part's body as decoded, worked out a piece at a time so a
    /// large body is never decoded whole.
    static func decodedDigest(_ raw: [UInt8], _ body: Range<Int>, encoding: String) -> (digest: [UInt8], size: Int) {
        var hasher = SHA256()
        var size = 0
        func add<D: DataProtocol>(_ bytes: D) {
            hasher.update(data: bytes)
            size += bytes.count
        }
        let piece = ContentStore.chunkSize
        switch encoding {
        case "base64":
            // Whole groups of four symbols decode alike apart or together.
            var symbols: [UInt8] = []
            symbols.reserveCapacity(piece + 4)
            for byte in raw[body] {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"),
                    UInt8(ascii: "_"), UInt8(ascii: "="):
                    symbols.append(byte)
                    if symbols.count == piece {
                        add(TransferDecoding.base64(symbols))
                        symbols.removeAll(keepingCapacity: true)
                    }
                default: continue
                }
            }
            add(TransferDecoding.base64(symbols))
        case "quoted-printable":
            // Pieces end after a line break, so no soft line break or escape is split.
            var start = body.lowerBound
            while start < body.upperBound {
                var end = min(body.upperBound, start + piece)
                while end < body.upperBound, raw[end - 1] != 10 { end += 1 }
                add(TransferDecoding.quotedPrintable(raw[start..<end]))
                start = end
            }
        default:
            var start = body.lowerBound
            while start < body.upperBound {
                let end = min(body.upperBound, start + piece)
                add(raw[start..<end])
                start = end
            }
        }
        return (Array(hasher.finalize()), size)
    }

    /// The attachments of a message, as documents of case `caseID`.
    func addAttachments(_ message: InboundMessage, caseID: Int, number: Int, actor: Actor, at instant: Date) throws
        -> [Int]
    {
        var documents: [Int] = []
        for attachment in message.attachments {
            guard let bytes = attachment.bytes else { continue }
            let added = try DocumentStore(connection).add(
                caseID: caseID, BytesSource(bytes), digest: ContentStore.digest(of: bytes),
                prefix: Array(bytes.prefix(ContentSniffer.prefixLength)),
                details: DocumentDetails(
                    title: attachment.filename.map { Self.line($0, limit: 500) }.flatMap { $0.isEmpty ? nil : $0 }
                        ?? "Attachment of message \(number)",
                    filename: attachment.filename.map { Self.line($0, limit: 255) }),
                origin: number, actor: actor, at: instant)
            documents.append(added.number)
        }
        return documents
    }

    // MARK: The unmatched queue

    /// Received messages, newest first: those waiting (unmatched or quarantined) when `waiting`.
    public func list(waiting: Bool, actor: Actor) throws -> [MailSummary] {
        try actor.require(.read)
        return try connection.query(
            """
            SELECT m.id, m.received_at, m.state, m.kind, c.reference, m.sender, m.subject, m.problem
            FROM mail_message m LEFT JOIN complaint_case c ON c.id = m.case_id
            WHERE NOT \(waiting) OR m.state <> 'filed'
            ORDER BY m.id DESC LIMIT 1000
            """
        ).map { row in
            MailSummary(
                number: try row.decode(Int.self, at: 0), receivedAt: try row.decode(Date.self, at: 1),
                state: try row.decode(String.self, at: 2), kind: try row.decode(String.self, at: 3),
                reference: try row.decode(String?.self, at: 4), sender: try row.decode(String?.self, at: 5),
                subject: try row.decode(String?.self, at: 6), problem: try row.decode(String?.self, at: 7))
        }
    }

    /// Files an unmatched message to a case by hand, its attachments becoming documents. A
    /// delivery report on one of the case's notices (one that matched nothing when it came, say
    /// because the office's mail domain changed since) marks that notice failed instead, as
    /// `mail receive` does, and is not shown as correspondence.
    public func file(number: Int, into reference: String, actor: Actor, at instant: Date) throws -> MailReceipt {
        guard
            let row = try connection.query(
                "SELECT state, kind, sha256 FROM mail_message WHERE id = \(number) FOR UPDATE"
            ).first
        else { throw StoreError.messageNotFound(number) }
        let state = try row.decode(String.self, at: 0)
        guard state == "unmatched" else {
            throw StoreError.refused(
                "Message \(number) is \(state), not unmatched; only a message in the unmatched queue is filed by hand.")
        }
        let kind = try row.decode(String.self, at: 1)
        let digest = try row.decode([UInt8].self, at: 2)
        let limit = try OfficeStore(connection).settings().documentSizeLimit
        let raw = try ContentStore(connection: connection).bytes(digest: digest)
        let message = try? InboundMessage.parse(raw, attachmentLimit: limit)
        var receipt = MailReceipt(outcome: "filed", number: number, kind: kind, matchedBy: "hand")
        let report = kind == "bounce" ? message?.report : nil
        let notice = try report.flatMap { try reportedNotice($0, message: message, reference: reference) }
        let bounce = notice != nil && (report?.failed ?? false)
        let diagnostic = report.map { "bounced: " + Self.line($0.diagnostic, limit: 900) }
        let change = try CaseStore(connection).change(
            reference: reference, expectVersion: nil, actor: actor, permission: .acknowledge, at: instant,
            { _, _, _ in
                var data: [String: JSONValue] = [
                    "kind": .string(kind), "matched_by": "hand", "message": .int(number),
                ]
                if let notice { data["notice"] = .int(notice) }
                if bounce, let diagnostic { data["diagnostic"] = .string(diagnostic) }
                return (bounce ? "notice_bounced" : "mail_received", data, ClockEffects(), [])
            },
            afterClaim: { record in
                try connection.execute(
                    """
                    UPDATE mail_message SET case_id = \(record.id), state = 'filed', matched_by = 'hand',
                        filed_by = \(actor.login), filed_at = \(instant)
                    WHERE id = \(number)
                    """)
                if bounce, let notice, let diagnostic {
                    try connection.execute(
                        """
                        UPDATE notice SET state = 'failed', sent_at = NULL, last_error = \(diagnostic)
                        WHERE id = \(notice) AND state IN ('sent', 'pending')
                        """)
                    receipt.notice = notice
                    receipt.bounce = diagnostic
                }
                if let message {
                    receipt.documents = try addAttachments(
                        message, caseID: record.id, number: number, actor: actor, at: instant)
                }
                return receipt.documents.isEmpty ? [:] : ["documents": .array(receipt.documents.map { .int($0) })]
            })
        receipt.reference = change.record.reference
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "mail_filed",
            data: ["message": .int(number), "reference": .string(change.record.reference)])
        return receipt
    }

    /// The notice of case `reference` a delivery report is about: the returned message's
    /// Message-ID (or the report's own threading headers) names it, whatever the domain.
    func reportedNotice(_ report: DeliveryReport, message: InboundMessage?, reference: String) throws -> Int? {
        let ids =
            [report.originalMessageID].compactMap { $0 } + (message?.inReplyTo ?? [])
            + (message?.references ?? [])
        for id in ids {
            let local = id.split(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
            guard local.hasPrefix("notice-"), let dot = local.firstIndex(of: "."),
                let candidate = Int(local[local.index(local.startIndex, offsetBy: 7)..<dot]),
                local[local.index(after: dot)...].uppercased() == reference.uppercased()
            else { continue }
            if try connection.query(
                """
                SELECT 1 FROM notice n JOIN complaint_case c ON c.id = n.case_id
                WHERE n.id = \(candidate) AND c.reference = \(reference)
                """
            ).first != nil {
                return candidate
            }
        }
        return nil
    }

    /// When message `number`, filed on case `reference`, arrived.
    public func arrival(of number: Int, on reference: String) throws -> Date {
        guard
            let row = try connection.query(
                """
                SELECT m.received_at, c.reference FROM mail_message m LEFT JOIN complaint_case c ON c.id = m.case_id
                WHERE m.id = \(number)
                """
            ).first
        else { throw StoreError.messageNotFound(number) }
        let filedOn = try row.decode(String?.self, at: 1)
        guard filedOn == reference else {
            throw StoreError.refused(
                "Message \(number) is \(filedOn.map { "filed on \($0)" } ?? "not filed on a case"), not on \(reference); file it first with 'mail file \(number) \(reference)'."
            )
        }
        return try row.decode(Date.self, at: 0)
    }
}
