/// A named day off in one of the office's holiday calendars.
public struct Holiday: Sendable, Hashable, Codable {
    /// The local date of the holiday.
    public var date: LocalDate
    /// What the day is called, as explanations print it ("Children's Day").
    public var name: String
    /// The holiday calendar it comes from ("KR national", "Gwangju"); an office may use several.
    public var calendar: String

    /// Makes a holiday on `date` called `name` in the calendar named `calendar`.
    public init(date: LocalDate, name: String, calendar: String) {
        self.date = date
        self.name = name
        self.calendar = calendar
    }
}

extension Holiday: Comparable {
    /// Orders by date, then calendar, then name, so listings are stable.
    public static func < (lhs: Holiday, rhs: Holiday) -> Bool {
        (lhs.date, lhs.calendar, lhs.name) < (rhs.date, rhs.calendar, rhs.name)
    }
}

extension Holiday: CustomStringConvertible {
    public var description: String { "\(date.iso) \(name) (\(calendar))" }
}
