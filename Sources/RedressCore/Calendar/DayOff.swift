/// A day that is not a working day, and why: a weekend day, a named holiday, or both.
public struct DayOff: Sendable, Hashable, Codable {
    /// The date.
    public var date: LocalDate
    /// Whether its weekday is outside the week mask.
    public var isWeekend: Bool
    /// The holidays on that date, in every calendar (empty for a plain weekend day).
    public var holidays: [Holiday]

    /// Makes a day off.
    public init(date: LocalDate, isWeekend: Bool, holidays: [Holiday]) {
        self.date = date
        self.isWeekend = isWeekend
        self.holidays = holidays
    }

    private enum CodingKeys: String, CodingKey {
        case date
        case isWeekend = "is_weekend"
        case holidays
    }
}
