/// How many cases came in, went out and stayed open over the period (DOMAIN.md §d.1).
///
/// The figures balance: `openAtStart + received + reopened − closed = openAtEnd`, because
/// `closed` counts closings (a case closed, reopened and closed again in the period counts twice).
public struct VolumeStatistics: Sendable, Hashable, Codable {
    /// Cases received in the period.
    public var received: Int
    /// Closings in the period.
    public var closed: Int
    /// Reopenings in the period.
    public var reopened: Int
    /// Cases open at the start of the period, carried over from before it.
    public var openAtStart: Int
    /// Cases open at the end of the period, carried over to the next.
    public var openAtEnd: Int
    /// The same figures by channel of receipt.
    public var byChannel: [VolumeRow]
    /// By rights category; a case in several categories counts in each.
    public var byCategory: [VolumeRow]
    /// By respondent body.
    public var byRespondent: [VolumeRow]

    /// Makes the volume section.
    public init(
        received: Int, closed: Int, reopened: Int, openAtStart: Int, openAtEnd: Int,
        byChannel: [VolumeRow] = [], byCategory: [VolumeRow] = [], byRespondent: [VolumeRow] = []
    ) {
        self.received = received
        self.closed = closed
        self.reopened = reopened
        self.openAtStart = openAtStart
        self.openAtEnd = openAtEnd
        self.byChannel = byChannel
        self.byCategory = byCategory
        self.byRespondent = byRespondent
    }

    /// Whether the figures balance (see the type's summary).
    public var balances: Bool {
        openAtStart + received + reopened - closed == openAtEnd
    }

    private enum CodingKeys: String, CodingKey {
        case received
        case closed
        case reopened
        case openAtStart = "open_at_start"
        case openAtEnd = "open_at_end"
        case byChannel = "by_channel"
        case byCategory = "by_category"
        case byRespondent = "by_respondent"
    }
}

/// Volume figures for one channel, category or respondent.
public struct VolumeRow: Sendable, Hashable, Codable {
    /// The channel, category or respondent.
    public var key: String
    /// Cases received in the period.
    public var received: Int
    /// Closings in the period.
    public var closed: Int
    /// Cases open at the end of the period.
    public var openAtEnd: Int

    /// Makes a row.
    public init(key: String, received: Int, closed: Int, openAtEnd: Int) {
        self.key = key
        self.received = received
        self.closed = closed
        self.openAtEnd = openAtEnd
    }

    private enum CodingKeys: String, CodingKey {
        case key
        case received
        case closed
        case openAtEnd = "open_at_end"
    }
}

/// A count with its share of a whole: one outcome among all closings, one remedy kind among all remedies.
public struct CountRow: Sendable, Hashable, Codable {
    /// What is counted.
    public var key: String
    /// The count and its share.
    public var share: Proportion

    /// Makes a row of `count` out of `total`.
    public init(key: String, count: Int, of total: Int) {
        self.key = key
        self.share = Proportion(count, of: total)
    }

    /// The count.
    public var count: Int { share.count }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.decode(String.self, forKey: .key)
        let share = try Proportion(from: decoder)
        self.init(key: key, count: share.count, of: share.total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try share.encode(to: encoder)
    }

    private enum CodingKeys: String, CodingKey {
        case key
    }
}
