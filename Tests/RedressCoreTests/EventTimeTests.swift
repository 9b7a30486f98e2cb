import Foundation
import Testing

@testable import RedressCore

@Suite struct EventTimeTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test(arguments: [
        ("2026-03-02", "2026-03-02T03:00:00Z"),
        ("2026-03-02T09:30", "2026-03-02T00:30:00Z"),
        ("2026-03-02 09:30:15", "2026-03-02T00:30:15Z"),
        ("2026-03-02T00:30:00Z", "2026-03-02T00:30:00Z"),
        ("2026-03-02T09:30+09:00", "2026-03-02T00:30:00Z"),
        ("2026-03-01T20:30:00-0500", "2026-03-02T01:30:00Z"),
    ])
    func readsDatesAndInstantsInTheOfficeZone(text: String, expected: String) throws {
        #expect(try EventTime.instant(parsing: text, timeZone: seoul) == instant(expected))
    }

    @Test func aBareDateIsNoonSoItsLocalDateIsTheDateWritten() throws {
        let at = try EventTime.instant(parsing: "2026-11-01", timeZone: newYork)
        #expect(LocalDate(instant: at, in: newYork) == d("2026-11-01"))
        #expect(at == instant("2026-11-01T17:00:00Z"))
    }

    @Test func localTimesFollowDaylightSaving() throws {
        #expect(
            try EventTime.instant(parsing: "2026-07-01T09:00", timeZone: newYork) == instant("2026-07-01T13:00:00Z"))
        #expect(
            try EventTime.instant(parsing: "2026-01-05T09:00", timeZone: newYork) == instant("2026-01-05T14:00:00Z"))
    }

    @Test func anImpossibleDateIsNamedAsSuch() {
        #expect(throws: CalendarError.invalidDate("2026-02-30")) {
            try EventTime.instant(parsing: "2026-02-30", timeZone: seoul)
        }
        #expect(throws: CalendarError.invalidDate("2026-02-30")) {
            try EventTime.instant(parsing: "2026-02-30T10:00Z", timeZone: seoul)
        }
    }

    @Test(arguments: [
        "", "yesterday", "2026/03/02", "2026-03-02T25:00", "2026-03-02T10", "2026-03-02T10:00Q",
        "2026-03-02T10:00:00+9",
    ])
    func refusesWhatIsNotISO8601(text: String) {
        #expect(throws: CalendarError.invalidInstant(text)) {
            try EventTime.instant(parsing: text, timeZone: seoul)
        }
    }
}
