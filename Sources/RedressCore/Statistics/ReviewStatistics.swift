/// Reviews of decisions over the period: requests, outcomes and their timeliness.
public struct ReviewStatistics: Sendable, Hashable, Codable {
    /// Reviews asked for in the period.
    public var requested: Int
    /// Of those, asked for after the window and accepted late by the ombudsperson.
    public var acceptedLate: Int
    /// Reviews decided in the period.
    public var decided: Int
    /// Decided in the period, by outcome.
    public var upheld: Int
    public var varied: Int
    public var remitted: Int
    /// Decided in the period on or before the review clock's due date.
    public var decidedOnTime: Int
    /// Decided in the period after it.
    public var decidedLate: Int
    /// Decided on time among those decided in the period.
    public var onTimeRate: Proportion
    /// Asked for by the end of the period and not decided by then.
    public var openAtEnd: Int
    /// Of those, past the review clock's due date at the end.
    public var overdueAtEnd: Int

    /// Makes the reviews section.
    public init(
        requested: Int, acceptedLate: Int, upheld: Int, varied: Int, remitted: Int, decidedOnTime: Int,
        decidedLate: Int, openAtEnd: Int, overdueAtEnd: Int
    ) {
        self.requested = requested
        self.acceptedLate = acceptedLate
        self.decided = upheld + varied + remitted
        self.upheld = upheld
        self.varied = varied
        self.remitted = remitted
        self.decidedOnTime = decidedOnTime
        self.decidedLate = decidedLate
        self.onTimeRate = Proportion(decidedOnTime, of: decidedOnTime + decidedLate)
        self.openAtEnd = openAtEnd
        self.overdueAtEnd = overdueAtEnd
    }

    private enum CodingKeys: String, CodingKey {
        case requested
        case acceptedLate = "accepted_late"
        case decided, upheld, varied, remitted
        case decidedOnTime = "decided_on_time"
        case decidedLate = "decided_late"
        case onTimeRate = "on_time_rate"
        case openAtEnd = "open_at_end"
        case overdueAtEnd = "overdue_at_end"
    }
}
