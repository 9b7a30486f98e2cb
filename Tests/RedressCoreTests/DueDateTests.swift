import Foundation
import Testing

@testable import RedressCore

/// One hand-worked due date: start date, allowance, calendar and the expected result.
struct DueCase: CustomTestStringConvertible, Sendable {
    let label: String
    let start: String
    let allowance: Allowance
    let calendar: String
    let due: String

    var testDescription: String { "\(label): \(start) + \(allowance) on \(calendar) = \(due)" }
}

@Suite("Due dates, worked by hand")
struct DueDateTests {
    static let cases: [DueCase] = [
        // Working days: Friday 9 January 2026 is a Friday.
        DueCase(
            label: "received Friday", start: "2026-01-09", allowance: .workingDays(3), calendar: "plain",
            due: "2026-01-14"),
        DueCase(
            label: "received Saturday", start: "2026-01-10", allowance: .workingDays(3), calendar: "plain",
            due: "2026-01-15"),
        DueCase(
            label: "received Sunday, zero days is the roll", start: "2026-01-11", allowance: .workingDays(0),
            calendar: "plain", due: "2026-01-12"),
        DueCase(
            label: "zero days on a working day", start: "2026-01-07", allowance: .workingDays(0), calendar: "plain",
            due: "2026-01-07"),
        DueCase(
            label: "ten days spans two weekends", start: "2026-01-05", allowance: .workingDays(10), calendar: "plain",
            due: "2026-01-19"),
        DueCase(
            label: "holiday Monday after a weekend", start: "2026-05-22", allowance: .workingDays(1), calendar: "korea",
            due: "2026-05-26"),
        DueCase(
            label: "start on a holiday", start: "2026-05-25", allowance: .workingDays(3), calendar: "korea",
            due: "2026-05-29"),
        DueCase(
            label: "start Saturday before a Sunday and a substitute Monday", start: "2026-02-28",
            allowance: .workingDays(3), calendar: "korea", due: "2026-03-06"),
        DueCase(
            label: "three-day Seollal", start: "2026-02-13", allowance: .workingDays(1), calendar: "korea",
            due: "2026-02-19"),
        DueCase(
            label: "election day midweek", start: "2026-06-02", allowance: .workingDays(1), calendar: "korea",
            due: "2026-06-04"),
        DueCase(
            label: "Gwangju calendar's own day", start: "2026-05-15", allowance: .workingDays(1), calendar: "korea",
            due: "2026-05-19"),
        DueCase(
            label: "Christmas Friday", start: "2026-12-23", allowance: .workingDays(2), calendar: "korea",
            due: "2026-12-28"),
        DueCase(
            label: "year boundary with New Year holiday", start: "2026-12-29", allowance: .workingDays(5),
            calendar: "korea", due: "2027-01-06"),
        DueCase(
            label: "year boundary without holidays", start: "2026-12-29", allowance: .workingDays(5), calendar: "plain",
            due: "2027-01-05"),
        DueCase(
            label: "onto 29 February 2028", start: "2028-02-28", allowance: .workingDays(1), calendar: "plain",
            due: "2028-02-29"),
        DueCase(
            label: "over 29 February 2028", start: "2028-02-25", allowance: .workingDays(3), calendar: "plain",
            due: "2028-03-01"),
        // Calendar days count weekends and holidays; only the last day rolls.
        DueCase(
            label: "calendar days landing on Children's Day", start: "2026-04-20", allowance: .calendarDays(15),
            calendar: "korea", due: "2026-05-06"),
        DueCase(
            label: "calendar days landing on Hangul Day Friday", start: "2026-09-09", allowance: .calendarDays(30),
            calendar: "korea", due: "2026-10-12"),
        DueCase(
            label: "calendar days landing on Saturday", start: "2026-01-01", allowance: .calendarDays(30),
            calendar: "plain", due: "2026-02-02"),
        DueCase(
            label: "calendar days from a Saturday are not rolled at the start", start: "2026-01-03",
            allowance: .calendarDays(30), calendar: "plain", due: "2026-02-02"),
        DueCase(
            label: "calendar days onto 29 February 2028", start: "2028-02-27", allowance: .calendarDays(2),
            calendar: "plain", due: "2028-02-29"),
        DueCase(
            label: "calendar days onto New Year 2027", start: "2026-12-02", allowance: .calendarDays(30),
            calendar: "korea", due: "2027-01-04"),
        // Months clamp to the end of a shorter month, then roll.
        DueCase(
            label: "31 January + 1 month is Saturday 28 February", start: "2026-01-31", allowance: .months(1),
            calendar: "plain", due: "2026-03-02"),
        DueCase(
            label: "31 January + 1 month, then past the substitute holiday", start: "2026-01-31", allowance: .months(1),
            calendar: "korea", due: "2026-03-03"),
        DueCase(
            label: "31 January 2028 + 1 month is 29 February", start: "2028-01-31", allowance: .months(1),
            calendar: "plain", due: "2028-02-29"),
        DueCase(
            label: "29 February 2028 + 12 months", start: "2028-02-29", allowance: .months(12), calendar: "plain",
            due: "2029-02-28"),
        DueCase(
            label: "31 August + 6 months lands on Sunday", start: "2026-08-31", allowance: .months(6),
            calendar: "plain", due: "2027-03-01"),
        DueCase(
            label: "months across the year", start: "2025-11-30", allowance: .months(3), calendar: "plain",
            due: "2026-03-02"),
        DueCase(
            label: "months on a working day", start: "2026-03-15", allowance: .months(3), calendar: "plain",
            due: "2026-06-15"),
    ]

    @Test(arguments: cases)
    func dueDate(_ row: DueCase) {
        let clock = Fixtures.clock(start: row.start, row.allowance)
        #expect(clock.dueDate(on: Fixtures.calendar(row.calendar)) == d(row.due))
    }

    /// An instant near midnight, the office zone, its local date, and a 3 working-day due date.
    struct InstantCase: CustomTestStringConvertible, Sendable {
        let instant: String
        let calendar: String
        let localDate: String
        let due: String
        var testDescription: String { "\(instant) in \(calendar) is \(localDate); +3 WD = \(due)" }
    }

    static let instants: [InstantCase] = [
        // Seoul is UTC+9 all year: 16:00Z is 01:00 the next day.
        InstantCase(instant: "2026-03-01T16:00:00Z", calendar: "korea", localDate: "2026-03-02", due: "2026-03-06"),
        InstantCase(instant: "2026-03-01T14:59:59Z", calendar: "korea", localDate: "2026-03-01", due: "2026-03-06"),
        InstantCase(instant: "2026-03-01T15:00:00Z", calendar: "korea", localDate: "2026-03-02", due: "2026-03-06"),
        InstantCase(instant: "2026-03-01T16:00:00Z", calendar: "newYork", localDate: "2026-03-01", due: "2026-03-05"),
        InstantCase(instant: "2026-03-01T16:00:00Z", calendar: "plain", localDate: "2026-03-01", due: "2026-03-05"),
        // New York: EST (UTC−5) until 2026-03-08 07:00Z, EDT (UTC−4) until 2026-11-01 06:00Z.
        InstantCase(instant: "2026-03-08T04:59:59Z", calendar: "newYork", localDate: "2026-03-07", due: "2026-03-12"),
        InstantCase(instant: "2026-03-08T05:00:00Z", calendar: "newYork", localDate: "2026-03-08", due: "2026-03-12"),
        InstantCase(instant: "2026-03-09T03:59:59Z", calendar: "newYork", localDate: "2026-03-08", due: "2026-03-12"),
        InstantCase(instant: "2026-03-09T04:00:00Z", calendar: "newYork", localDate: "2026-03-09", due: "2026-03-12"),
        InstantCase(instant: "2026-03-10T03:59:59Z", calendar: "newYork", localDate: "2026-03-09", due: "2026-03-12"),
        InstantCase(instant: "2026-03-10T04:00:00Z", calendar: "newYork", localDate: "2026-03-10", due: "2026-03-13"),
        InstantCase(instant: "2026-10-31T03:59:59Z", calendar: "newYork", localDate: "2026-10-30", due: "2026-11-04"),
        InstantCase(instant: "2026-11-01T03:59:59Z", calendar: "newYork", localDate: "2026-10-31", due: "2026-11-05"),
        InstantCase(instant: "2026-11-02T04:59:59Z", calendar: "newYork", localDate: "2026-11-01", due: "2026-11-05"),
        InstantCase(instant: "2026-11-02T05:00:00Z", calendar: "newYork", localDate: "2026-11-02", due: "2026-11-05"),
        // London: GMT until 2026-03-29 01:00Z, BST (UTC+1) until 2026-10-25 01:00Z.
        InstantCase(instant: "2026-03-27T23:30:00Z", calendar: "london", localDate: "2026-03-27", due: "2026-04-01"),
        InstantCase(instant: "2026-03-28T23:30:00Z", calendar: "london", localDate: "2026-03-28", due: "2026-04-02"),
        InstantCase(instant: "2026-03-29T22:59:59Z", calendar: "london", localDate: "2026-03-29", due: "2026-04-02"),
        InstantCase(instant: "2026-03-29T23:30:00Z", calendar: "london", localDate: "2026-03-30", due: "2026-04-02"),
        InstantCase(instant: "2026-10-23T23:30:00Z", calendar: "london", localDate: "2026-10-24", due: "2026-10-29"),
        InstantCase(instant: "2026-10-23T22:30:00Z", calendar: "london", localDate: "2026-10-23", due: "2026-10-28"),
        InstantCase(instant: "2026-10-25T23:30:00Z", calendar: "london", localDate: "2026-10-25", due: "2026-10-29"),
    ]

    @Test(arguments: instants)
    func localDateAndDue(_ row: InstantCase) {
        let calendar = Fixtures.calendar(row.calendar)
        #expect(calendar.localDate(of: instant(row.instant)) == d(row.localDate))
        let clock = Clock(
            kind: .acknowledge, startInstant: instant(row.instant), calendar: calendar, allowance: .workingDays(3),
            policyVersion: 1)
        #expect(clock.startDate == d(row.localDate))
        #expect(clock.dueDate(on: calendar) == d(row.due))
    }

    /// A clock with pauses and extensions and its hand-worked due date.
    struct HistoryCase: CustomTestStringConvertible, Sendable {
        let label: String
        let clock: Clock
        let calendar: String
        let paused: Int
        let due: String?
        var testDescription: String { label }
    }

    static func clock(
        _ start: String, _ allowance: Allowance, pauses: [(String, String?)] = [], extensions: [(Int, String)] = []
    ) -> Clock {
        var clock = Fixtures.clock(start: start, allowance)
        clock.pauses = pauses.map { Clock.Pause(from: d($0.0), to: $0.1.map(d), reason: "awaiting_info") }
        clock.extensions = extensions.map {
            Clock.Extension(
                amount: $0.0, reason: "complex", approverRole: .supervisor, approvedBy: "mlee", onDate: d($0.1))
        }
        return clock
    }

    static let histories: [HistoryCase] = [
        // Mon 27 Apr + 10 WD is 12 May (5 May is a holiday); the pause [4 May, 7 May) holds
        // 4 and 6 May, 2 working days, so 12 WD: 14 May.
        HistoryCase(
            label: "pause spanning a holiday",
            clock: clock("2026-04-27", .workingDays(10), pauses: [("2026-05-04", "2026-05-07")]),
            calendar: "korea", paused: 2, due: "2026-05-14"),
        HistoryCase(
            label: "open pause has no due date",
            clock: clock("2026-04-27", .workingDays(10), pauses: [("2026-05-04", nil)]),
            calendar: "korea", paused: 0, due: nil),
        // Mon 5 Jan + 10 WD is 19 Jan; pauses [7, 9) and [10, 14) add 2 + 2: 23 Jan.
        HistoryCase(
            label: "two pauses",
            clock: clock(
                "2026-01-05", .workingDays(10), pauses: [("2026-01-07", "2026-01-09"), ("2026-01-10", "2026-01-14")]),
            calendar: "plain", paused: 4, due: "2026-01-23"),
        HistoryCase(
            label: "a pause over a weekend adds only working days",
            clock: clock("2026-01-05", .workingDays(10), pauses: [("2026-01-09", "2026-01-13")]),
            calendar: "plain", paused: 2, due: "2026-01-21"),
        HistoryCase(
            label: "a pause of zero days",
            clock: clock("2026-01-05", .workingDays(10), pauses: [("2026-01-09", "2026-01-09")]),
            calendar: "plain", paused: 0, due: "2026-01-19"),
        // 10 + 5 = 15 WD is 26 Jan; the later pause [20, 22) adds 2: 28 Jan.
        HistoryCase(
            label: "extension followed by a pause",
            clock: clock(
                "2026-01-05", .workingDays(10), pauses: [("2026-01-20", "2026-01-22")], extensions: [(5, "2026-01-12")]),
            calendar: "plain", paused: 2, due: "2026-01-28"),
        HistoryCase(
            label: "two extensions",
            clock: clock("2026-01-05", .workingDays(10), extensions: [(5, "2026-01-12"), (5, "2026-01-20")]),
            calendar: "plain", paused: 0, due: "2026-02-02"),
        // Calendar days: 6 Apr + 30 = 6 May; the pause [10, 13) adds 3 days: Sat 9 May rolls to Mon 11 May.
        HistoryCase(
            label: "calendar clock pause adds days",
            clock: clock("2026-04-06", .calendarDays(30), pauses: [("2026-04-10", "2026-04-13")]),
            calendar: "korea", paused: 3, due: "2026-05-11"),
        // Months: 31 Jan + 1 month = 28 Feb, + 2 paused days = 2 Mar (a holiday in Korea): 3 Mar.
        HistoryCase(
            label: "month clock pause adds days after the months",
            clock: clock("2026-01-31", .months(1), pauses: [("2026-02-02", "2026-02-04")]),
            calendar: "korea", paused: 2, due: "2026-03-03"),
        HistoryCase(
            label: "month clock extension adds months",
            clock: clock("2026-01-31", .months(1), extensions: [(2, "2026-02-10")]),
            calendar: "plain", paused: 0, due: "2026-04-30"),
    ]

    @Test(arguments: histories)
    func history(_ row: HistoryCase) {
        let calendar = Fixtures.calendar(row.calendar)
        #expect(row.clock.dueDate(on: calendar) == row.due.map(d))
        #expect(row.clock.pausedDays(on: calendar) == row.paused)
    }

    @Test func openPauseShowsPausedAndHowLong() {
        let clock = Self.clock("2026-04-27", .workingDays(10), pauses: [("2026-05-04", nil)])
        #expect(clock.status(asOf: d("2026-05-08"), calendar: Fixtures.korea) == .paused)
        // 4, 6 and 7 May are working days in [4 May, 8 May).
        #expect(clock.pausedDays(on: Fixtures.korea, asOf: d("2026-05-08")) == 3)
        #expect(clock.dueDate(on: Fixtures.korea, resumingOn: d("2026-05-08")) == d("2026-05-15"))
    }

    /// The urgent profile halves each allowance, rounding up.
    @Test(arguments: [
        (ClockKind.acknowledge, RemedyScale.personal, Allowance.workingDays(2)),
        (.triage, .personal, .workingDays(5)),
        (.infoResponse, .personal, .workingDays(5)),
        (.respondentResponse, .personal, .workingDays(10)),
        (.mediation, .personal, .workingDays(15)),
        (.investigation, .personal, .workingDays(30)),
        (.respondentReply, .personal, .calendarDays(15)),
        (.arbitrationOverall, .personal, .months(3)),
        (.remedy, .personal, .workingDays(10)),
        (.remedy, .service, .months(2)),
        (.remedy, .systemic, .months(3)),
    ])
    func urgentProfile(kind: ClockKind, scale: RemedyScale, expected: Allowance) {
        #expect(Policy.default.allowance(for: kind, scale: scale, urgent: true) == expected)
    }

    @Test func urgentClockDueDate() {
        // Friday 9 Jan, urgent acknowledgement: ceil(3 / 2) = 2 working days, Tuesday 13 Jan.
        let clock = Policy.default.makeClock(
            kind: .acknowledge, startInstant: noon("2026-01-09"), calendar: Fixtures.plain, urgent: true)
        #expect(clock.allowance == .workingDays(2))
        #expect(clock.urgent)
        #expect(clock.dueDate(on: Fixtures.plain) == d("2026-01-13"))
    }

    @Test func urgentRoundingWithAnotherPercentage() throws {
        let policy = try Policy(
            version: 2, effectiveFrom: d("2027-01-01"), rules: Policy.default.rules, urgentPercent: 40,
            pausedClocks: [:])
        // 40% of 3 is 1.2 → 2; of 10 is 4; of 30 calendar days 12.
        #expect(policy.allowance(for: .acknowledge, urgent: true) == .workingDays(2))
        #expect(policy.allowance(for: .triage, urgent: true) == .workingDays(4))
        #expect(policy.allowance(for: .respondentReply, urgent: true) == .calendarDays(12))
        #expect(policy.allowance(for: .triage, urgent: false) == .workingDays(10))
    }
}
