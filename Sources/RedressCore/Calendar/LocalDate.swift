/// A calendar date with no time of day and no time zone, in the proleptic Gregorian calendar.
///
/// Stored as a day number (days since 1970-01-01) so that every deadline computation is
/// plain integer arithmetic: the nightly sweep evaluates about a million clocks and must not
/// go through Foundation's `Calendar` for each one.
public struct LocalDate: Sendable, Hashable, Comparable, Strideable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// Makes the date that is `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Makes a date from its parts, refusing dates that do not exist such as 2026-02-30.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else {
            throw CalendarError.invalidDate(LocalDate.format(year: year, month: month, day: day))
        }
        self.dayNumber = LocalDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD`; anything else gives `nil`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let date = try? LocalDate(year: year, month: month, day: day)
        else { return nil }
        self = date
    }

    // MARK: Parts

    /// The year, month and day of this date.
    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days: exact for every Int day number in range.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The year, e.g. 2026.
    public var year: Int { parts.year }
    /// The month, 1 (January) to 12 (December).
    public var month: Int { parts.month }
    /// The day of the month, 1 to 31.
    public var day: Int { parts.day }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        LocalDate.isoWeekday(ofDayNumber: dayNumber)
    }

    /// The date as `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = parts
        return LocalDate.format(year: year, month: month, day: day)
    }

    // MARK: Arithmetic

    /// The date `months` months later (or earlier when negative), clamped to the last day of the
    /// target month: 2026-01-31 plus one month is 2026-02-28.
    public func adding(months: Int) -> LocalDate {
        let (year, month, day) = parts
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, LocalDate.daysIn(month: newMonth, year: newYear))
        return LocalDate(dayNumber: LocalDate.dayNumber(year: newYear, month: newMonth, day: newDay))
    }

    /// The date `days` days later.
    public static func + (date: LocalDate, days: Int) -> LocalDate {
        LocalDate(dayNumber: date.dayNumber + days)
    }

    /// The date `days` days earlier.
    public static func - (date: LocalDate, days: Int) -> LocalDate {
        LocalDate(dayNumber: date.dayNumber - days)
    }

    /// The number of days from `rhs` to `lhs` (positive when `lhs` is later).
    public static func - (lhs: LocalDate, rhs: LocalDate) -> Int {
        lhs.dayNumber - rhs.dayNumber
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    public func distance(to other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    public func advanced(by days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    // MARK: Helpers

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The ISO weekday (1 = Monday … 7 = Sunday) of a day number.
    @inline(__always)
    static func isoWeekday(ofDayNumber dayNumber: Int) -> Int {
        // Shift so Monday is 0, then take a floor modulus that works before 1970 too.
        let shifted = (dayNumber + 3) % 7
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// Howard Hinnant's days_from_civil.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            return value < 0 ? "-" + padded : padded
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension LocalDate: CustomStringConvertible {
    public var description: String { iso }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a date as YYYY-MM-DD, got \"\(text)\"."
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
