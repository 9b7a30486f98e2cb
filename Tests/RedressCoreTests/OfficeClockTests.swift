import Foundation
import RedressCore
import Testing

@Suite struct OfficeClockTests {
    /// The office date of an instant follows the zone's offset at that instant.
    @Test(arguments: [
        ("Asia/Seoul", "2026-03-01T16:00:00Z", "2026-03-02"),
        ("America/New_York", "2026-03-01T16:00:00Z", "2026-03-01"),
        ("Asia/Seoul", "2026-03-01T14:59:59Z", "2026-03-01"),
        ("Europe/London", "2026-03-29T23:30:00Z", "2026-03-30"),
        ("Europe/London", "2026-01-29T23:30:00Z", "2026-01-29"),
    ])
    func dateAtAnInstant(zone: String, instant: String, date: String) throws {
        let clock = try OfficeClock(timeZone: zone)
        let at = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(clock.date(at: at).iso == date)
    }

    /// An instant printed for people reads as the office's wall clock with the offset then in
    /// force, across daylight saving and west of Greenwich.
    @Test(arguments: [
        ("Asia/Seoul", "2026-03-01T16:05:09Z", "2026-03-02 01:05:09 +09:00"),
        ("America/New_York", "2026-03-01T03:00:00Z", "2026-02-28 22:00:00 -05:00"),
        ("America/New_York", "2026-07-01T03:00:00Z", "2026-06-30 23:00:00 -04:00"),
        ("Asia/Kolkata", "2026-12-31T18:29:59Z", "2026-12-31 23:59:59 +05:30"),
        ("UTC", "1969-12-31T23:59:59Z", "1969-12-31 23:59:59 +00:00"),
    ])
    func localTimeOfAnInstant(zone: String, instant: String, text: String) throws {
        let clock = try OfficeClock(timeZone: zone)
        let at = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(clock.localTime(at: at) == text)
    }

    /// No fallback: a zone that is not an IANA zone is refused, never read as GMT.
    @Test(arguments: ["Mars/Olympus", "", "GMT+9", "UTC-05:00", " Asia/Seoul"])
    func unknownZonesAreRefused(_ name: String) {
        #expect(throws: CalendarError.unknownTimeZone(name)) { try OfficeClock(timeZone: name) }
    }

    @Test func timesAreReadInOfficeTime() throws {
        let clock = try OfficeClock(timeZone: "Asia/Seoul")
        let at = try clock.instant(parsing: "2026-03-02T09:30")
        #expect(at == ISO8601DateFormatter().date(from: "2026-03-02T00:30:00Z"))
        #expect(clock.date(at: at).iso == "2026-03-02")
    }

    /// The calendar carries the same clock, so a rule's event date and the edges' today agree.
    @Test func theCalendarCarriesTheClock() throws {
        let calendar = try WorkCalendar(timeZone: "Asia/Seoul")
        #expect(calendar.clock == (try OfficeClock(timeZone: "Asia/Seoul")))
        let at = Date(timeIntervalSince1970: 1_772_380_800) // 2026-03-01T16:00Z
        #expect(calendar.localDate(of: at) == calendar.clock.date(at: at))
    }
}
