import Foundation
import Testing

@testable import RedressCore

@Suite("Holiday coverage")
struct HolidayCoverageTests {
    static let calendar = try! WorkCalendar(
        timeZone: "Asia/Seoul",
        holidays: [
            Holiday(date: d("2026-12-25"), name: "Christmas Day", calendar: "KR national"),
            Holiday(date: d("2026-10-09"), name: "Hangul Day", calendar: "KR national"),
            Holiday(date: d("2028-01-01"), name: "New Year's Day", calendar: "KR national"),
        ])

    @Test func yearsInTheSpanWithNoHolidayAreNamed() {
        let coverage = HolidayCoverage(span: d("2026-11-20")...d("2028-03-02"), calendar: Self.calendar)
        #expect(
            coverage.years == [
                .init(year: 2026, holidays: 2), .init(year: 2027, holidays: 0), .init(year: 2028, holidays: 1),
            ])
        #expect(coverage.yearsWithoutHolidays == [2027])
        #expect(
            HolidayCoverage.warning(yearsWithoutHolidays: [2027])
                == "No holidays are loaded for 2027, so every weekday in it counts as a working day.")
        #expect(
            HolidayCoverage.warning(yearsWithoutHolidays: [2027, 2029])
                == "No holidays are loaded for 2027 and 2029, so every weekday in them counts as a working day.")
        #expect(HolidayCoverage.warning(yearsWithoutHolidays: []) == nil)
    }

    @Test func noSpanNamesNoYear() throws {
        let coverage = HolidayCoverage(span: nil, calendar: Self.calendar)
        #expect(coverage.years.isEmpty && coverage.yearsWithoutHolidays.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(coverage), as: UTF8.self)
        #expect(json.contains("\"years_without_holidays\":[]") && json.contains("\"from\":null"))
    }

    @Test func clocksReachFromTheirStartToTheirDueDate() throws {
        let investigation = Fixtures.clock(.investigation, start: "2026-12-01", .workingDays(60))
        let acknowledge = Fixtures.clock(.acknowledge, start: "2026-12-01", .workingDays(3))
        let reached = HolidayCoverage(reachedBy: [acknowledge, investigation], calendar: Self.calendar)
        #expect(reached.from == d("2026-12-01"))
        #expect(reached.through == investigation.dueDate(on: Self.calendar))
        #expect(reached.yearsWithoutHolidays == [2027])
        #expect(HolidayCoverage(reachedBy: [acknowledge], calendar: Self.calendar).yearsWithoutHolidays == [])
        var paused = investigation
        paused.pauses = [Clock.Pause(from: d("2026-12-02"), reason: "on hold")]
        #expect(HolidayCoverage(reachedBy: [paused], calendar: Self.calendar).years.map(\.year) == [2026])
        let json = try JSONEncoder().encode(reached)
        let decoded = try JSONDecoder().decode(HolidayCoverage.self, from: json)
        #expect(decoded == reached)
    }
}
