public import Foundation
import Postgres
import RedressNotices

/// One item of a case's correspondence (`case show`): a notice sent, a message received, a
/// contact logged or a document attached, with the way it went.
public struct CorrespondenceEntry: Sendable, Encodable {
    public var at: Date
    /// `in` (to the office) or `out` (from it).
    public var direction: String
    /// `notice`, `message`, `contact` or `document`.
    public var type: String
    /// The notice's id, the message's or document's number.
    public var number: Int?
    /// What it is, in a few words: the notice's kind and audience, the message's kind, the
    /// contact's channel and party, the document's title.
    public var summary: String
    /// A notice's delivery state (`sent`, `failed`, …), a message's kind.
    public var state: String?
    /// Why a notice failed ("bounced: 550 user unknown").
    public var error: String?
    /// A message's subject and sender, a contact's summary: only for readers who may see who
    /// complained, and never of a message they may not read.
    public var subject: String?
    public var from: String?
    /// The new text of a reply (without the quoted message), or a contact's summary.
    public var text: String?
    /// A reply to an information request while the case waits for that information.
    public var possibleAnswer: Bool?
    /// The documents a message's attachments became.
    public var documents: [Int]?

    enum CodingKeys: String, CodingKey {
        case at, direction, type, number, summary, state, error, subject, from, text
        case possibleAnswer = "possible_answer"
        case documents
    }
}

extension CaseStore {
    /// The case's correspondence in time order: notices, messages filed to it (bounces are shown
    /// on their notice), contacts and the documents attached by hand.
    func correspondence(caseID: Int, awaitingInfo: Bool, confidential: Bool, showIdentity: Bool) throws
        -> [CorrespondenceEntry]
    {
        var entries: [CorrespondenceEntry] = []
        for row in try connection.query(
            """
            SELECT id, kind, audience, channel, state, coalesce(sent_at, created_at), last_error FROM notice
            WHERE case_id = \(caseID)
            """)
        {
            let kind = try row.decode(String.self, at: 1)
            let audience = try row.decode(String.self, at: 2)
            entries.append(
                CorrespondenceEntry(
                    at: try row.decode(Date.self, at: 5), direction: "out", type: "notice",
                    number: try row.decode(Int.self, at: 0),
                    summary: "\(kind) to the \(audience) by \(try row.decode(String.self, at: 3))",
                    state: try row.decode(String.self, at: 4), error: try row.decode(String?.self, at: 6)))
        }
        for row in try connection.query(
            """
            SELECT m.id, m.received_at, m.kind, m.subject, m.sender, m.text_body, n.kind,
                (SELECT coalesce(string_agg(d.number::text, ',' ORDER BY d.number), '') FROM case_document d
                    WHERE d.mail_message_id = m.id)
            FROM mail_message m LEFT JOIN notice n ON n.id = m.notice_id
            WHERE m.case_id = \(caseID) AND m.kind <> 'bounce'
            """)
        {
            let kind = try row.decode(String.self, at: 2)
            let answers = try row.decode(String?.self, at: 6)
            let documents = try row.decode(String.self, at: 7).split(separator: ",").compactMap { Int($0) }
            let text = try row.decode(String?.self, at: 5).map { InboundMessage.replyText($0) }
            entries.append(
                CorrespondenceEntry(
                    at: try row.decode(Date.self, at: 1), direction: "in", type: "message",
                    number: try row.decode(Int.self, at: 0),
                    summary: kind == "auto_reply" ? "automatic reply" : answers.map { "reply to \($0)" } ?? "message",
                    state: kind, subject: showIdentity ? try row.decode(String?.self, at: 3) : nil,
                    from: showIdentity ? try row.decode(String?.self, at: 4) : nil,
                    text: showIdentity ? text : nil,
                    possibleAnswer: kind == "reply" && answers == "information_request" && awaitingInfo ? true : nil,
                    documents: documents.isEmpty ? nil : documents))
        }
        for contact in try contacts(caseID: caseID) {
            entries.append(
                CorrespondenceEntry(
                    at: contact.at, direction: contact.direction.rawValue, type: "contact", number: nil,
                    summary:
                        "\(contact.channel.rawValue.replacingOccurrences(of: "_", with: " ")) \(contact.direction == .in ? "from" : "with") the \(contact.party.rawValue) (\(contact.by))",
                    text: showIdentity ? contact.summary : nil))
        }
        for document in try DocumentStore(connection).documents(caseID: caseID)
        where document.source == "attached" && (showIdentity || !(confidential || document.confidential)) {
            entries.append(
                CorrespondenceEntry(
                    at: document.addedAt, direction: "in", type: "document", number: document.number,
                    summary: "\(document.title) (\(document.contentType), \(DocumentStore.describe(document.size)))"))
        }
        return entries.sorted { ($0.at, $0.type) < ($1.at, $1.type) }
    }
}
