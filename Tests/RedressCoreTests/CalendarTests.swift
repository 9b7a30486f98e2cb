import Foundation
import Testing

@testable import RedressCore

@Suite("Local dates")
struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2026-03-02", 20514, 1), ("2028-02-29", 21243, 2), ("2000-02-29", 11016, 2),
        ("1969-12-31", -1, 3), ("1900-03-01", -25508, 4), ("2026-12-31", 20818, 4),
    ])
    func dayNumberAndWeekday(iso: String, dayNumber: Int, weekday: Int) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(date.iso == iso)
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00"])
    func impossibleDatesAreRefused(_ iso: String) {
        let parts = iso.split(separator: "-").map { Int($0)! }
        #expect(throws: CalendarError.invalidDate(iso)) {
            try LocalDate(year: parts[0], month: parts[1], day: parts[2])
        }
        #expect(LocalDate(iso: iso) == nil)
    }

    @Test(arguments: [
        "2026-3-02", "2026-03-2", " 2026-03-02", "2026-03-02 ", "2026/03/02", "20260302", "2026-03-02T00:00", "",
        "+026-03-02", "2026-0a-02",
    ])
    func isoParsingIsStrict(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-05-31", 1, "2026-06-30"), ("2026-12-15", 1, "2027-01-15"), ("2026-01-15", -1, "2025-12-15"),
        ("2028-02-29", 12, "2029-02-28"), ("2028-02-29", 48, "2032-02-29"), ("2026-08-31", 6, "2027-02-28"),
        ("2026-01-10", 0, "2026-01-10"),
    ])
    func addingMonthsClamps(start: String, months: Int, expected: String) {
        #expect(d(start).adding(months: months) == d(expected))
    }

    @Test func arithmeticAndCoding() throws {
        #expect(d("2026-12-31") + 1 == d("2027-01-01"))
        #expect(d("2026-03-01") - 1 == d("2026-02-28"))
        #expect(d("2027-01-01") - d("2026-01-01") == 365)
        #expect(d("2028-03-01") - d("2028-02-01") == 29)
        #expect(Array(d("2026-01-01")..<d("2026-01-04")).map(\.iso) == ["2026-01-01", "2026-01-02", "2026-01-03"])
        #expect(d("2026-01-01") < d("2026-01-02"))
        let json = try JSONEncoder().encode([d("2026-03-02")])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-03-02"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [d("2026-03-02")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}

@Suite("Week masks")
struct WeekMaskTests {
    @Test(arguments: [
        ("Mon-Fri", [1, 2, 3, 4, 5], "Mon-Fri"),
        ("Sun-Thu", [7, 1, 2, 3, 4], "Sun-Thu"),
        ("Mon,Tue,Thu", [1, 2, 4], "Mon,Tue,Thu"),
        ("mon - wed, FRI", [1, 2, 3, 5], "Mon-Wed,Fri"),
        ("Saturday-Monday", [6, 7, 1], "Sat-Mon"),
        ("Sat,Sun", [6, 7], "Sat,Sun"),
        ("Mon-Sun", [1, 2, 3, 4, 5, 6, 7], "Mon-Sun"),
        ("Wed-Wed", [3], "Wed"),
        ("1111100", [1, 2, 3, 4, 5], "Mon-Fri"),
        ("0111111", [2, 3, 4, 5, 6, 7], "Tue-Sun"),
    ])
    func parseAndFormat(text: String, days: [Int], formatted: String) throws {
        let mask = try WeekMask(parsing: text)
        #expect(mask.isoWeekdays == days.sorted())
        #expect(mask.formatted == formatted)
        #expect(mask == (try WeekMask(isoWeekdays: Set(days))))
    }

    @Test(arguments: ["", "Monday-", "Mon-Fry", "Mo", "Mon--Fri", "Mon,,Fri", "1111", "Funday"])
    func badMasksAreRefused(_ text: String) {
        #expect(throws: CalendarError.self) { try WeekMask(parsing: text) }
    }

    @Test func emptyMaskIsRefused() {
        #expect(throws: CalendarError.emptyWeekMask) { try WeekMask(parsing: "0000000") }
        #expect(throws: CalendarError.emptyWeekMask) { try WeekMask(isoWeekdays: []) }
        #expect(throws: CalendarError.invalidWeekMask("0,8")) { try WeekMask(isoWeekdays: [0, 8]) }
    }
}

@Suite("Work calendars")
struct WorkCalendarTests {
    @Test(arguments: ["Asia/Seoul", "Europe/London", "America/New_York", "UTC", "Etc/GMT-9"])
    func realZonesAreAccepted(_ name: String) throws {
        let calendar = try WorkCalendar(timeZone: name)
        #expect(calendar.timeZoneIdentifier == name)
    }

    @Test(arguments: ["Mars/Olympus", "", "GMT+9", "UTC-05:00", "asia/seoul ", " Asia/Seoul"])
    func unknownZonesAreRefused(_ name: String) {
        #expect(throws: CalendarError.unknownTimeZone(name)) { try WorkCalendar(timeZone: name) }
    }

    @Test func unknownZoneMessage() {
        #expect(
            CalendarError.unknownTimeZone("Mars/Olympus").description
                == "\"Mars/Olympus\" is not a known IANA time zone; use a name such as Asia/Seoul or Europe/London.")
    }

    @Test func holidaysFromSeveralCalendars() throws {
        let calendar = Fixtures.korea
        #expect(calendar.calendarNames == ["Gwangju", "KR national"])
        #expect(!calendar.isWorkingDay(d("2026-05-18")))
        #expect(calendar.isHoliday(d("2026-03-01")))
        #expect(!calendar.isWorkingDay(d("2026-03-01")))
        #expect(calendar.isWorkingDay(d("2026-03-03")))
        // The same date in two calendars counts once.
        let doubled = try calendar.adding(holidays: [
            Holiday(date: d("2026-05-05"), name: "Children's Day", calendar: "Gwangju")
        ])
        #expect(doubled.holidays(on: d("2026-05-05")).count == 2)
        #expect(doubled.busdayCount(from: d("2026-05-04"), to: d("2026-05-08")) == 3)
        let removed = try calendar.removingHolidays(on: d("2026-05-05"))
        #expect(removed.isWorkingDay(d("2026-05-05")))
        #expect(throws: CalendarError.unnamedHoliday(d("2026-05-06"))) {
            try calendar.adding(holidays: [Holiday(date: d("2026-05-06"), name: " ", calendar: "Gwangju")])
        }
    }

    @Test func holidaysOnWeekendsChangeNoCount() throws {
        // 6 June 2026 (Memorial Day) is a Saturday.
        let with = Fixtures.korea
        let without = try Fixtures.korea.removingHolidays(on: d("2026-06-06"))
        #expect(
            with.busdayCount(from: d("2026-06-01"), to: d("2026-06-15"))
                == without.busdayCount(from: d("2026-06-01"), to: d("2026-06-15")))
        #expect(with.busdayCount(from: d("2026-06-01"), to: d("2026-06-15")) == 9) // 3 June is election day
    }

    @Test(arguments: [
        // numpy: busday_count counts [a, b); when b < a it is −(working days in (b, a]).
        ("2026-01-05", "2026-01-10", 5), ("2026-01-10", "2026-01-05", -4), ("2026-01-09", "2026-01-05", -4),
        ("2026-01-05", "2026-01-05", 0), ("2026-01-03", "2026-01-05", 0), ("2026-01-05", "2026-01-19", 10),
    ])
    func busdayCountSemantics(from: String, to: String, expected: Int) {
        #expect(Fixtures.plain.busdayCount(from: d(from), to: d(to)) == expected)
    }

    @Test(arguments: [
        ("2026-01-03", -1, "2026-01-02"), ("2026-01-05", -1, "2026-01-02"), ("2026-01-07", -5, "2025-12-31"),
        ("2026-01-10", 0, "2026-01-12"), ("2026-01-09", 5, "2026-01-16"),
    ])
    func busdayOffsetSemantics(start: String, n: Int, expected: String) {
        #expect(Fixtures.plain.busdayOffset(d(start), n) == d(expected))
    }

    @Test func sixDayWeekAndSundayToThursday() throws {
        let sixDays = try WorkCalendar(timeZone: "Asia/Seoul", weekMask: WeekMask(parsing: "Mon-Sat"))
        #expect(sixDays.busdayOffset(d("2026-01-09"), 3) == d("2026-01-13")) // Sat 10, Mon 12, Tue 13
        let sunThu = try WorkCalendar(timeZone: "Asia/Jerusalem", weekMask: WeekMask(parsing: "Sun-Thu"))
        #expect(sunThu.busdayOffset(d("2026-01-08"), 1) == d("2026-01-11")) // Thu → Sun
        #expect(sunThu.rollForward(d("2026-01-09")) == d("2026-01-11"))
        #expect(sunThu.rollBackward(d("2026-01-10")) == d("2026-01-08")) // Sat → Thu
        #expect(sunThu.rollBackward(d("2026-01-11")) == d("2026-01-11"))
    }

    @Test func calendarRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(Fixtures.korea)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""time_zone":"Asia\/Seoul""#) || text.contains(#""time_zone":"Asia/Seoul""#))
        #expect(text.contains(#""week_mask":"Mon-Fri""#))
        #expect(try JSONDecoder().decode(WorkCalendar.self, from: data) == Fixtures.korea)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorkCalendar.self, from: Data(#"{"time_zone":"Mars/Olympus"}"#.utf8))
        }
    }

    @Test func daysOffInASpan() {
        let days = Fixtures.korea.nonWorkingDays(from: d("2026-02-28"), to: d("2026-03-04"))
        #expect(days.map(\.date.iso) == ["2026-02-28", "2026-03-01", "2026-03-02"])
        #expect(days.map(\.isWeekend) == [true, true, false])
        #expect(days[1].holidays.map(\.name) == ["Independence Movement Day"])
    }
}

@Suite("Case references")
struct CaseReferenceTests {
    @Test(arguments: [
        ("HRC-2026-000042", "HRC", 2026, 42), ("GJ1-2027-999999", "GJ1", 2027, 999_999),
        ("x-2026-000001", "x", 2026, 1),
    ])
    func parseAndFormat(text: String, prefix: String, year: Int, number: Int) throws {
        let reference = try CaseReference(parsing: text)
        #expect(reference.prefix == prefix && reference.year == year && reference.number == number)
        #expect(reference.formatted == text)
        #expect(try CaseReference(prefix: prefix, year: year, number: number).description == text)
    }

    @Test(arguments: [
        "HRC-2026-42", "HRC-26-000042", "HRC-2026-0000042", "HRC2026000042", "H-R-2026-000042", "-2026-000042",
        "HRC-2026-000000", "HRC-2026-00004a", "HR C-2026-000042", "인권-2026-000042", "",
    ])
    func badReferencesAreRefused(_ text: String) {
        #expect(throws: CaseError.invalidReference(text)) { try CaseReference(parsing: text) }
        #expect(CaseReference(text) == nil)
    }

    @Test func numbersArePaddedAndOrdered() throws {
        #expect(try CaseReference(prefix: "HRC", year: 2026, number: 7).formatted == "HRC-2026-000007")
        #expect(throws: CaseError.self) { try CaseReference(prefix: "HRC", year: 2026, number: 1_000_000) }
        #expect(try CaseReference(parsing: "HRC-2026-000009") < CaseReference(parsing: "HRC-2026-000010"))
        let json = try JSONEncoder().encode(["ref": CaseReference(parsing: "HRC-2026-000042")])
        #expect(String(decoding: json, as: UTF8.self) == #"{"ref":"HRC-2026-000042"}"#)
    }
}
