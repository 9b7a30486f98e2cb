public import Postgres
public import RedressCore

/// A notice to queue; rendering and sending belong to `redress notices`.
public struct NoticeRequest: Sendable, Hashable {
    /// snake_case: acknowledgement, information_request, route_decision, extension_letter, closure, …
    public var kind: String
    public var audience: NoticeAudience
    /// An email address, or nil when none is known.
    public var recipient: String?
    public var channel: NoticeChannel
    public var language: String
    public var automatic: Bool
    /// Facts the template needs that are not on the case.
    public var data: [String: JSONValue]

    public init(
        kind: String, audience: NoticeAudience, recipient: String?, channel: NoticeChannel, language: String,
        automatic: Bool = true, data: [String: JSONValue] = [:]
    ) {
        self.kind = kind
        self.audience = audience
        self.recipient = recipient
        self.channel = channel
        self.language = language
        self.automatic = automatic
        self.data = data
    }

    /// A notice of `kind` to `address` (see `NoticeRouting`).
    public init(kind: String, address: NoticeAddress, data: [String: JSONValue] = [:]) {
        self.init(
            kind: kind, audience: address.audience, recipient: address.recipient, channel: address.channel,
            language: address.language, data: data)
    }
}

/// The notice outbox (`notice`): rows queued in the transaction of the event that causes them.
public struct Outbox {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Queues a notice; returns its id.
    @discardableResult
    public func queue(caseID: Int?, _ notice: NoticeRequest) throws -> Int {
        try connection.query(
            """
            INSERT INTO notice (case_id, kind, audience, recipient, channel, language, automatic, data)
            VALUES (\(caseID), \(notice.kind), \(notice.audience.rawValue), \(notice.recipient), \(notice.channel.rawValue),
                    \(notice.language), \(notice.automatic), \(PostgresJSON(notice.data)))
            RETURNING id
            """
        ).first!.decode(Int.self, at: 0)
    }
}
