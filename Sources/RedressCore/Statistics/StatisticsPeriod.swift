/// The dates a statistics report covers, both included, in the office's local calendar.
///
/// Every figure is taken as it stood at the end of `to`: events dated later are left out, so
/// the report for a past period does not change when later events are recorded.
public struct StatisticsPeriod: Sendable, Hashable, Codable {
    /// The first day of the period.
    public let from: LocalDate
    /// The last day of the period.
    public let to: LocalDate

    /// Makes a period, refusing one that ends before it starts.
    public init(from: LocalDate, to: LocalDate) throws {
        guard from <= to else { throw StatisticsError.periodEndsBeforeStart(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// The day after the period, the first day it no longer covers.
    public var end: LocalDate { to + 1 }

    /// The number of days in the period.
    public var days: Int { to - from + 1 }

    /// Whether `date` falls inside the period.
    public func contains(_ date: LocalDate) -> Bool {
        from <= date && date <= to
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            from: container.decode(LocalDate.self, forKey: .from), to: container.decode(LocalDate.self, forKey: .to))
    }

    private enum CodingKeys: String, CodingKey {
        case from
        case to
    }
}

extension StatisticsPeriod: CustomStringConvertible {
    /// "2026-01-01 to 2026-12-31".
    public var description: String { "\(from.iso) to \(to.iso)" }
}
