/// Which years a span of dates reaches, and how many holidays the office has loaded for each.
///
/// A year with none is almost always a year whose holidays were not loaded yet, and every
/// weekday of it then counts as a working day: due dates that reach it come early. Commands
/// that compute due dates, `calendar status` and the deadline report name such years.
public struct HolidayCoverage: Sendable, Hashable {
    /// The first date of the span, nil when there is none (no clock is running).
    public var from: LocalDate?
    /// The last date of the span.
    public var through: LocalDate?
    /// Each year of the span and the holidays loaded for it, in every calendar.
    public var years: [Year]

    /// A year of the span.
    public struct Year: Sendable, Hashable, Codable {
        public var year: Int
        public var holidays: Int
    }

    /// The coverage of `span` (none when nil) by the holidays of `calendar`.
    public init(span: ClosedRange<LocalDate>?, calendar: WorkCalendar) {
        from = span?.lowerBound
        through = span?.upperBound
        guard let span else {
            years = []
            return
        }
        var counts: [Int: Int] = [:]
        for holiday in calendar.holidays where (span.lowerBound.year...span.upperBound.year).contains(holiday.date.year)
        {
            counts[holiday.date.year, default: 0] += 1
        }
        years = (span.lowerBound.year...span.upperBound.year).map { Year(year: $0, holidays: counts[$0] ?? 0) }
    }

    /// The coverage of the dates `clocks` run over: from the earliest start to the latest due
    /// date (a paused clock, which has none, counts its start).
    public init(reachedBy clocks: [Clock], calendar: WorkCalendar) {
        let starts = clocks.map(\.startDate)
        let ends = clocks.map { $0.dueDate(on: calendar) ?? $0.startDate }
        guard let first = starts.min(), let last = ends.max() else {
            self.init(span: nil, calendar: calendar)
            return
        }
        self.init(span: first...max(first, last), calendar: calendar)
    }

    /// The years of the span with no holiday loaded.
    public var yearsWithoutHolidays: [Int] {
        years.filter { $0.holidays == 0 }.map(\.year)
    }

    /// One sentence naming `years` (without holidays) and what that does to due dates, or nil
    /// when there are none: "No holidays are loaded for 2027, so every weekday in it counts as
    /// a working day."
    public static func warning(yearsWithoutHolidays years: [Int]) -> String? {
        guard !years.isEmpty else { return nil }
        let list = years.map(String.init).joinedAsList(conjunction: "and")
        return
            "No holidays are loaded for \(list), so every weekday in \(years.count == 1 ? "it" : "them") counts as a working day."
    }
}

extension HolidayCoverage: Codable {
    private enum CodingKeys: String, CodingKey {
        case from, through, years
        case yearsWithoutHolidays = "years_without_holidays"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeIfPresent(LocalDate.self, forKey: .from)
        through = try container.decodeIfPresent(LocalDate.self, forKey: .through)
        years = try container.decode([Year].self, forKey: .years)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(through, forKey: .through)
        try container.encode(years, forKey: .years)
        try container.encode(yearsWithoutHolidays, forKey: .yearsWithoutHolidays)
    }
}
