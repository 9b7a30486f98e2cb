/// The key figures for each respondent, category, channel or assignee (`--by`): the
/// per-respondent tables of an annual report.
public struct GroupStatistics: Sendable, Hashable, Codable {
    /// What the rows are grouped by.
    public var grouping: StatisticsGrouping
    /// One row per group, most received first.
    public var rows: [GroupRow]

    /// Makes the table.
    public init(grouping: StatisticsGrouping, rows: [GroupRow]) {
        self.grouping = grouping
        self.rows = rows
    }
}

/// The key figures of one group.
public struct GroupRow: Sendable, Hashable, Codable {
    /// The respondent, category, channel or assignee; "(none)" for cases without one.
    public var key: String
    /// Cases received in the period.
    public var received: Int
    /// Closings in the period.
    public var closed: Int
    /// Cases open at the end of the period.
    public var openAtEnd: Int
    /// Of those, open more than 12 months.
    public var openOver12Months: Int
    /// Upheld or partly upheld among the investigated outcomes of the period.
    public var upheld: Proportion
    /// Clocks met on or before their due date among those that ended in the period.
    public var clocksWithinAllowance: Proportion
    /// The median working days from the local date of receipt to that of closing
    /// (`busday_count(received, closed)`), over the closings of the period.
    public var medianWorkingDaysToClose: Double?

    /// Makes a row.
    public init(
        key: String, received: Int, closed: Int, openAtEnd: Int, openOver12Months: Int,
        upheld: Proportion, clocksWithinAllowance: Proportion, medianWorkingDaysToClose: Double?
    ) {
        self.key = key
        self.received = received
        self.closed = closed
        self.openAtEnd = openAtEnd
        self.openOver12Months = openOver12Months
        self.upheld = upheld
        self.clocksWithinAllowance = clocksWithinAllowance
        self.medianWorkingDaysToClose = medianWorkingDaysToClose
    }

    private enum CodingKeys: String, CodingKey {
        case key
        case received
        case closed
        case openAtEnd = "open_at_end"
        case openOver12Months = "open_over_12_months"
        case upheld
        case clocksWithinAllowance = "clocks_within_allowance"
        case medianWorkingDaysToClose = "median_working_days_to_close"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(received, forKey: .received)
        try container.encode(closed, forKey: .closed)
        try container.encode(openAtEnd, forKey: .openAtEnd)
        try container.encode(openOver12Months, forKey: .openOver12Months)
        try container.encode(upheld, forKey: .upheld)
        try container.encode(clocksWithinAllowance, forKey: .clocksWithinAllowance)
        try container.encode(medianWorkingDaysToClose, forKey: .medianWorkingDaysToClose)
    }
}
