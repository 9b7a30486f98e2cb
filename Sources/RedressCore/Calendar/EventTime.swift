public import Foundation

/// Reads the times people give on the command line (`--at`, `--received-at`) as instants.
///
/// - `2026-03-02`: a date alone means that date at 12:00 in the office time zone, so that its
///   office-local date is the date written whatever the zone.
/// - `2026-03-02T09:30`, `2026-03-02 09:30:15`: a local time in the office time zone.
/// - `2026-03-02T00:30:00Z`, `2026-03-02T09:30+09:00`: that instant.
public enum EventTime {
    /// The hour of the office day that a bare date stands for.
    public static let hourOfBareDate = 12

    /// The instant `text` names, reading dates and local times in `timeZone`.
    ///
    /// Throws `CalendarError.invalidDate` for a well-formed but impossible date (2026-02-30)
    /// and `CalendarError.invalidInstant` for anything else that is not ISO 8601.
    public static func instant(parsing text: String, timeZone: TimeZone) throws -> Date {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw CalendarError.invalidInstant(text)
        }
        var index = 0
        func number(_ width: Int) throws -> Int {
            guard index + width <= bytes.count else { throw CalendarError.invalidInstant(text) }
            var value = 0
            for byte in bytes[index..<(index + width)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    throw CalendarError.invalidInstant(text)
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func expect(_ character: Character) throws {
            guard index < bytes.count, bytes[index] == character.asciiValue! else {
                throw CalendarError.invalidInstant(text)
            }
            index += 1
        }
        let year = try number(4)
        try expect("-")
        let month = try number(2)
        try expect("-")
        let day = try number(2)
        guard let date = try? LocalDate(year: year, month: month, day: day) else {
            throw CalendarError.invalidDate(String(text.prefix(10)))
        }
        if index == bytes.count {
            return localInstant(date, hour: hourOfBareDate, minute: 0, second: 0, fraction: 0, in: timeZone)
        }
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else {
            throw CalendarError.invalidInstant(text)
        }
        index += 1
        let hour = try number(2)
        try expect(":")
        let minute = try number(2)
        var second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            second = try number(2)
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { throw CalendarError.invalidInstant(text) }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw CalendarError.invalidInstant(text) }
        if index == bytes.count {
            return localInstant(date, hour: hour, minute: minute, second: second, fraction: fraction, in: timeZone)
        }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let hours = try number(2)
            var minutes = 0
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: ":") { index += 1 }
                minutes = try number(2)
            }
            guard hours <= 18, minutes < 60 else { throw CalendarError.invalidInstant(text) }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            throw CalendarError.invalidInstant(text)
        }
        guard index == bytes.count else { throw CalendarError.invalidInstant(text) }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The instant of a wall-clock time on `date` in `timeZone`.
    ///
    /// A time that does not exist (skipped by a daylight-saving change) is read with the offset
    /// in force just before the change.
    static func localInstant(
        _ date: LocalDate, hour: Int, minute: Int, second: Int, fraction: Double, in timeZone: TimeZone
    ) -> Date {
        let wall = Double(date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second) + fraction
        // The offset at the wall time read as UTC is right except near a change; one more step settles it.
        var guess = wall - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall)))
        guess = wall - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
        return Date(timeIntervalSince1970: guess)
    }
}

extension EventTime {
    /// How far ahead of this machine's clock a time may be, for clocks that run a little apart.
    public static let allowedSkew: TimeInterval = 5 * 60

    /// Refuses a time no event can have: later than `now` plus the allowed skew, or on an office
    /// date before `earliest`. One typo in a year would otherwise freeze a case (every later
    /// change must come after it) or date a complaint decades back.
    public static func checkPlausible(_ instant: Date, now: Date, earliest: LocalDate, clock: OfficeClock) throws {
        if instant > now.addingTimeInterval(allowedSkew) {
            throw CalendarError.instantInFuture(
                instant.formatted(.iso8601), latest: now.addingTimeInterval(allowedSkew).formatted(.iso8601))
        }
        if clock.date(at: instant) < earliest {
            throw CalendarError.instantTooEarly(instant.formatted(.iso8601), earliest: earliest)
        }
    }
}
