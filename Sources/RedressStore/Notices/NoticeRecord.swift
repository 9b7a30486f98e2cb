public import Foundation
public import RedressCore

/// Where a notice is in its delivery.
public enum NoticeState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting to be sent (again, after `next_attempt_at`, when an attempt failed).
    case pending
    /// Handed to the mail command or written out; never sent again.
    case sent
    /// Given up after the most attempts allowed; kept with its last error.
    case failed
    /// Withdrawn by staff before it went out.
    case cancelled
}

/// One row of the outbox (`notice`), with its case's reference.
public struct NoticeRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var caseID: Int?
    /// The reference of its case, if it has one.
    public var reference: String?
    /// snake_case: `acknowledgement`, `extension_letter`, … (`RedressNotices.NoticeKind`).
    public var kind: String
    public var audience: NoticeAudience
    /// An email address, or nil when none is known.
    public var recipient: String?
    public var channel: NoticeChannel
    public var language: String
    public var state: NoticeState
    /// Queued by Redress on its own rather than by a person's action.
    public var automatic: Bool
    /// Facts of the event that caused it, for its template.
    public var data: [String: JSONValue]
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Date
    public var createdAt: Date
    public var sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case id
        case caseID = "case_id"
        case reference, kind, audience, recipient, channel, language, state, automatic, data, attempts
        case lastError = "last_error"
        case nextAttemptAt = "next_attempt_at"
        case createdAt = "created_at"
        case sentAt = "sent_at"
    }

    /// Every key is written, null included, so scripts can rely on the shape (`--format json`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(reference, forKey: .reference)
        try container.encode(kind, forKey: .kind)
        try container.encode(audience, forKey: .audience)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(channel, forKey: .channel)
        try container.encode(language, forKey: .language)
        try container.encode(state, forKey: .state)
        try container.encode(automatic, forKey: .automatic)
        try container.encode(data, forKey: .data)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(sentAt, forKey: .sentAt)
    }

    /// Whether the recipient is the complainant's side (`NoticeAudience.isComplainantSide`).
    public var isComplainantSide: Bool { audience.isComplainantSide }
}

/// Which notices `NoticeStore.list` returns.
public struct NoticeFilter: Sendable, Hashable {
    public var state: NoticeState?
    /// A case reference.
    public var reference: String?
    public var limit: Int?

    public init(state: NoticeState? = nil, reference: String? = nil, limit: Int? = nil) {
        self.state = state
        self.reference = reference
        self.limit = limit
    }
}
