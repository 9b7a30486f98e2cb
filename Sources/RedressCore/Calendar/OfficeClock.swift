public import Foundation

/// The office's time zone and the date it is there at an instant: the one place Redress turns
/// an instant into an office date ("today at the office") or reads a time written in office time.
///
/// A zone that is not a real IANA zone is refused when the clock is made; there is no fallback
/// to GMT, which would move every date near midnight by a day without saying so.
public struct OfficeClock: Sendable, Hashable {
    /// The IANA name of the office time zone, as it was given ("Asia/Seoul").
    public let timeZoneIdentifier: String
    /// The office time zone.
    public let timeZone: TimeZone

    /// The clock of the zone named `identifier`; throws `CalendarError.unknownTimeZone` for a
    /// name that is not an IANA zone, or for a bare offset such as "GMT+9".
    public init(timeZone identifier: String) throws {
        let upper = identifier.uppercased()
        // Foundation also accepts offsets such as "GMT+9"; those follow no daylight-saving rules
        // of a real place, so an office must name its zone.
        let isBareOffset = ["GMT+", "GMT-", "UTC+", "UTC-"].contains { upper.hasPrefix($0) }
        guard !identifier.isEmpty, !isBareOffset, identifier.trimmingWhitespace() == identifier,
            let zone = TimeZone(identifier: identifier)
        else { throw CalendarError.unknownTimeZone(identifier) }
        timeZoneIdentifier = identifier
        timeZone = zone
    }

    /// The office date at `instant`.
    public func date(at instant: Date) -> LocalDate {
        LocalDate(instant: instant, in: timeZone)
    }

    /// The office date now.
    public var today: LocalDate {
        date(at: Date())
    }

    /// `instant` as the office's wall clock shows it, with the offset in force then:
    /// "2026-12-07 15:30:12 +09:00". How `redress` prints an instant to people.
    public func localTime(at instant: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let timeOfDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let clock = "\(two(timeOfDay / 3600)):\(two(timeOfDay / 60 % 60)):\(two(timeOfDay % 60))"
        let zone = "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
        return "\(date(at: instant).iso) \(clock) \(zone)"
    }

    /// The instant `text` names (`--at`, a request's `at`): a date, or a local time read in
    /// the office time zone, or an instant with Z or an offset (`EventTime.instant`).
    public func instant(parsing text: String) throws -> Date {
        try EventTime.instant(parsing: text, timeZone: timeZone)
    }
}
