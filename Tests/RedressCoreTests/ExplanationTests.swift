import Foundation
import Testing

@testable import RedressCore

@Suite("Explanations")
struct ExplanationTests {
    /// The example in `Explanation`'s documentation.
    static func exampleClock() throws -> Clock {
        var clock = Policy.default.makeClock(
            kind: .triage, startInstant: instant("2026-02-27T16:00:00Z"), calendar: Fixtures.korea)
        try clock.pause(from: d("2026-03-09"), reason: "awaiting_info")
        try clock.resume(on: d("2026-03-11"))
        try Policy.default.grantExtension(
            to: &clock, amount: 5, reason: "the respondent's records arrived late",
            by: [.supervisor], login: "mlee", on: d("2026-03-16"), consent: false, calendar: Fixtures.korea
        )
        return clock
    }

    /// The text of the example in `Explanation`'s documentation, exactly.
    @Test func documentedExample() throws {
        let expected = """
            Clock:      triage: 10 working days, policy version 1
            Started:    complaint received at 2026-02-27T16:00:00Z
            Local date: 2026-02-28 (Saturday, 01:00) in Asia/Seoul
            Calendar:   working days Mon-Fri; holidays from Gwangju and KR national
            Counting:   working days from 2026-03-03 (the first working day after 2026-02-28)
            Skipped:    2026-02-28 Saturday  weekend
                        2026-03-01 Sunday    weekend; Independence Movement Day (KR national)
                        2026-03-02 Monday    Substitute holiday for Independence Movement Day (KR national)
                        2026-03-07 Saturday  weekend
                        2026-03-08 Sunday    weekend
                        2026-03-14 Saturday  weekend
                        2026-03-15 Sunday    weekend
                        2026-03-21 Saturday  weekend
                        2026-03-22 Sunday    weekend
            Pauses:     2026-03-09, resumed 2026-03-11 (awaiting_info): +2 working days
            Extensions: 2026-03-16 +5 working days approved by mlee (supervisor): the respondent's records arrived late
            Due:        busday_offset(2026-02-28, 10 + 5 + 2 = 17, roll='forward') = 2026-03-26 (Thursday)
            Status:     running on 2026-03-20

            """
        let explanation = try Self.exampleClock().explain(on: Fixtures.korea, asOf: d("2026-03-20"))
        #expect(explanation.render() == expected)
        #expect(explanation.dueDate == d("2026-03-26"))
        #expect(explanation.countedFrom == d("2026-03-03"))
        #expect(explanation.pausedTotal == 2)
        #expect(explanation.pauses.map(\.added) == [2])
        #expect(explanation.skipped.filter { !$0.holidays.isEmpty }.map(\.date) == [d("2026-03-01"), d("2026-03-02")])
        #expect(explanation.status == .running)
    }

    @Test func explanationEncodesWithSnakeCaseKeys() throws {
        let data = try JSONEncoder().encode(try Self.exampleClock().explain(on: Fixtures.korea))
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"start_event\"", "\"start_date\":\"2026-02-28\"", "\"due_date\":\"2026-03-26\"", "\"policy_version\":1",
            "\"is_weekend\"", "\"approved_by\":\"mlee\"",
        ] {
            #expect(text.contains(key), "\(key)")
        }
    }

    @Test func calendarDayClockShowsTheRoll() {
        // 20 Apr + 15 days is Children's Day, Tuesday 5 May: rolled to Wednesday 6 May.
        let clock = Policy.default.makeClock(
            kind: .respondentReply, startInstant: instant("2026-04-20T01:00:00Z"), calendar: Fixtures.korea,
            urgent: true)
        let explanation = clock.explain(on: Fixtures.korea)
        #expect(explanation.unrolledDate == d("2026-05-05"))
        #expect(explanation.skipped.map(\.date) == [d("2026-05-05")])
        let text = explanation.render()
        #expect(text.contains("Clock:      respondent_reply: 15 calendar days, urgent profile, policy version 1\n"))
        #expect(text.contains("Skipped:    2026-05-05 Tuesday   Children's Day (KR national)\n"))
        #expect(
            text.contains(
                "Due:        2026-04-20 + (15 + 0 + 0 = 15 days) = 2026-05-05, rolled forward to 2026-05-06 (Wednesday)\n"
            ))
    }

    @Test func monthClockShowsTheClamp() {
        let clock = Fixtures.clock(.remedy, start: "2026-01-31", .months(1))
        let text = clock.explain(on: Fixtures.korea).render()
        #expect(
            text.contains(
                "Due:        2026-01-31 + 1 month = 2026-02-28, + 0 paused days = 2026-02-28, rolled forward to 2026-03-03 (Tuesday)\n"
            ))
        #expect(
            text.contains(
                "            2026-03-02 Monday    Substitute holiday for Independence Movement Day (KR national)\n"))
    }

    @Test func openPauseHasNoDueDate() throws {
        var clock = Fixtures.clock(.investigation, start: "2026-04-27", .workingDays(60))
        try clock.pause(from: d("2026-05-04"), reason: "on_hold")
        let explanation = clock.explain(on: Fixtures.korea, asOf: d("2026-05-08"))
        #expect(explanation.dueDate == nil)
        #expect(explanation.status == .paused)
        let text = explanation.render()
        #expect(text.contains("Pauses:     2026-05-04, still open (on_hold): 3 working days so far on 2026-05-08\n"))
        #expect(text.contains("Due:        none while paused; the clock resumes with the time paused added\n"))
        #expect(text.contains("Status:     paused on 2026-05-08\n"))
    }
}
