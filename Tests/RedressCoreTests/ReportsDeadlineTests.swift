import Foundation
import Testing

@testable import RedressCore

@Suite("Deadline report: where each clock stands")
struct ReportsDeadlineTests {
    static func clock(_ kind: ClockKind, start: String = "2026-01-05") -> Clock {
        Policy.default.makeClock(kind: kind, startInstant: noon(start), calendar: Fixtures.plain)
    }

    static func report(_ asOf: String, within: Int = 5) throws -> DeadlineReport {
        try DeadlineReport(asOf: d(asOf), withinWorkingDays: within, calendar: Fixtures.plain)
    }

    // Triage from Monday 5 January 2026: 10 working days, due Monday 19 January.
    @Test(arguments: [
        ("2026-01-09", nil as DeadlineFinding?),
        ("2026-01-12", DeadlineFinding(section: .dueSoon, dueDate: d("2026-01-19"), workingDaysLeft: 5)),
        ("2026-01-19", DeadlineFinding(section: .dueSoon, dueDate: d("2026-01-19"), workingDaysLeft: 0)),
        (
            "2026-01-20",
            DeadlineFinding(section: .newlyBreached, dueDate: d("2026-01-19"), daysOverdue: 1, workingDaysOverdue: 1)
        ),
        (
            "2026-01-21",
            DeadlineFinding(section: .overdue, dueDate: d("2026-01-19"), daysOverdue: 2, workingDaysOverdue: 2)
        ),
        (
            "2026-02-02",
            DeadlineFinding(section: .overdue, dueDate: d("2026-01-19"), daysOverdue: 14, workingDaysOverdue: 10)
        ),
    ])
    func triageOnEachDay(asOf: String, expected: DeadlineFinding?) throws {
        #expect(try Self.report(asOf).finding(for: Self.clock(.triage)) == expected)
    }

    @Test func horizonOfZeroListsOnlyWhatIsDueToday() throws {
        #expect(try Self.report("2026-01-16", within: 0).finding(for: Self.clock(.triage)) == nil)
        #expect(try Self.report("2026-01-19", within: 0).finding(for: Self.clock(.triage))?.section == .dueSoon)
    }

    /// Due on a Friday: on the Saturday and on the Monday it is newly breached; on Tuesday it is overdue.
    @Test(arguments: [
        ("2026-01-17", DeadlineSection.newlyBreached, 1, 0),
        ("2026-01-19", .newlyBreached, 3, 1),
        ("2026-01-20", .overdue, 4, 2),
    ])
    func breachOverTheWeekend(asOf: String, section: DeadlineSection, days: Int, workingDays: Int) throws {
        let clock = Self.clock(.triage, start: "2026-01-02")
        #expect(clock.dueDate(on: Fixtures.plain) == d("2026-01-16"))
        let finding = try Self.report(asOf).finding(for: clock)
        #expect(finding?.section == section)
        #expect(finding?.daysOverdue == days)
        #expect(finding?.workingDaysOverdue == workingDays)
    }

    /// On a Saturday, Monday is the first working day after the report date: "within 5 working
    /// days" reaches the Friday, and nothing listed has more than 5 working days left.
    @Test func aSaturdayReportLooksAheadFiveWorkingDaysFromMonday() throws {
        let report = try Self.report("2026-01-10")
        #expect(report.horizon == d("2026-01-16"))
        let friday = report.finding(for: Self.clock(.triage, start: "2026-01-02"))
        #expect(friday == DeadlineFinding(section: .dueSoon, dueDate: d("2026-01-16"), workingDaysLeft: 5))
        #expect(report.finding(for: Self.clock(.triage)) == nil, "due Monday 19 January: 6 working days left")
        #expect(try Self.report("2026-01-10", within: 0).horizon == d("2026-01-09"))
    }

    /// A holiday is not a working day: the day before a Monday holiday's Tuesday is the Friday.
    @Test func previousWorkingDaySkipsHolidays() throws {
        let calendar = try WorkCalendar(
            timeZone: "UTC", holidays: [Holiday(date: d("2026-01-19"), name: "Office day", calendar: "local")])
        let report = try DeadlineReport(asOf: d("2026-01-20"), calendar: calendar)
        #expect(report.previousWorkingDay == d("2026-01-16"))
        #expect(report.horizon == d("2026-01-27"))
    }

    // Respondent response from 5 January: due 2 February, non-compliant from 16 March.
    @Test func respondentNonCompliance() throws {
        let clock = Self.clock(.respondentResponse)
        #expect(try Self.report("2026-03-13").finding(for: clock)?.section == .overdue)
        let finding = try Self.report("2026-03-16").finding(for: clock)
        #expect(
            finding
                == DeadlineFinding(
                    section: .nonCompliance, dueDate: d("2026-02-02"), daysOverdue: 42, workingDaysOverdue: 30,
                    nonCompliantSince: d("2026-03-16")))
        // An office clock that late is only overdue: non-compliance is the respondent's.
        let investigation = Self.clock(.triage)
        #expect(try Self.report("2026-06-01").finding(for: investigation)?.section == .overdue)
    }

    @Test func pausedClocksShowReasonAndAge() throws {
        var clock = Self.clock(.triage)
        try clock.pause(from: d("2026-01-08"), reason: "awaiting_info")
        #expect(
            try Self.report("2026-01-22").finding(for: clock)
                == DeadlineFinding(
                    section: .paused, pausedSince: d("2026-01-08"), pauseReason: "awaiting_info", pausedDays: 14))
    }

    @Test func metAndCancelledClocksAreNotListed() throws {
        var met = Self.clock(.triage)
        try met.end(on: d("2026-01-15"))
        var late = Self.clock(.triage)
        try late.end(on: d("2026-01-26"))
        var cancelled = Self.clock(.triage)
        try cancelled.cancel(on: d("2026-01-07"))
        let report = try Self.report("2026-01-28")
        #expect(report.finding(for: met) == nil)
        #expect(report.finding(for: late) == nil)
        #expect(report.finding(for: cancelled) == nil)
        // As of a date before it ended, the late clock was overdue.
        #expect(try Self.report("2026-01-23").finding(for: late)?.section == .overdue)
    }

    /// What is recorded after the report date does not change the report for that date.
    @Test func laterFactsDoNotChangeAnEarlierReport() throws {
        let report = try Self.report("2026-01-14")
        var clock = Self.clock(.triage)
        let before = report.finding(for: clock)
        #expect(before?.section == .dueSoon)
        try Policy.default.grantExtension(
            to: &clock, amount: 5, reason: "records arrived late", by: [.supervisor], login: "mlee",
            on: d("2026-01-15"), consent: false, calendar: Fixtures.plain)
        #expect(report.finding(for: clock) == before)
        try clock.pause(from: d("2026-01-23"), reason: "on_hold")
        try clock.resume(on: d("2026-01-26"))
        try clock.end(on: d("2026-01-27"))
        #expect(report.finding(for: clock) == before)
        #expect(try Self.report("2026-01-28").finding(for: clock) == nil)
        // Run for a date after the extension, the report sees it: due 26 January, then the
        // pause of 23 January stops it.
        #expect(try Self.report("2026-01-22").finding(for: clock)?.dueDate == d("2026-01-26"))
        #expect(try Self.report("2026-01-23").finding(for: clock)?.section == .paused)
    }

    @Test(arguments: [-1, 261])
    func horizonOutOfRangeIsRefused(days: Int) {
        #expect(throws: ReportError.invalidHorizon(days, maximum: 260)) {
            try DeadlineReport(asOf: d("2026-01-05"), withinWorkingDays: days, calendar: Fixtures.plain)
        }
    }

    @Test func totalsCountEachList() {
        var totals = DeadlineTotals()
        totals.add(.overdue)
        totals.add(.overdue)
        totals.add(.paused)
        var more = DeadlineTotals([.overdue: 1, .nonCompliance: 2])
        more.add(totals)
        #expect(more[.overdue] == 3)
        #expect(more[.paused] == 1)
        #expect(more[.nonCompliance] == 2)
        #expect(more[.dueSoon] == 0)
        #expect(more.all == 6)
    }
}
