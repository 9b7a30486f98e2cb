import Foundation
import Testing

@testable import RedressCore

@Suite("Clocks")
struct ClockTests {
    /// Triage from Monday 5 January 2026: 10 working days, due Monday 19 January.
    static func triage() -> Clock {
        Fixtures.clock(.triage, start: "2026-01-05", .workingDays(10))
    }

    @Test(arguments: [
        ("2026-01-05", ClockStatus.running), ("2026-01-19", .running), ("2026-01-20", .breached),
        ("2026-03-01", .breached),
    ])
    func runningUntilTheDueDateThenBreached(asOf: String, expected: ClockStatus) {
        #expect(Self.triage().status(asOf: d(asOf), calendar: Fixtures.plain) == expected)
    }

    @Test(arguments: [("2026-01-16", ClockStatus.met), ("2026-01-19", .met), ("2026-01-20", .metLate)])
    func metOnOrBeforeTheDueDate(endedOn: String, expected: ClockStatus) throws {
        var clock = Self.triage()
        try clock.end(on: d(endedOn))
        #expect(clock.status(asOf: d("2026-06-01"), calendar: Fixtures.plain) == expected)
        #expect(clock.status(asOf: d("2026-01-15"), calendar: Fixtures.plain) == .running)
    }

    @Test func endingDuringAPauseClosesItThatDay() throws {
        var clock = Self.triage()
        try clock.pause(from: d("2026-01-15"), reason: "on_hold")
        try clock.end(on: d("2026-02-20"))
        #expect(clock.pauses == [Clock.Pause(from: d("2026-01-15"), to: d("2026-02-20"), reason: "on_hold")])
        #expect(clock.status(asOf: d("2026-03-01"), calendar: Fixtures.plain) == .met)
        #expect(clock.status(asOf: d("2026-02-01"), calendar: Fixtures.plain) == .paused)
    }

    @Test func asOfViewLeavesOutLaterFacts() throws {
        var clock = Self.triage()
        try Policy.default.grantExtension(
            to: &clock, amount: 5, reason: "complex", by: [.supervisor], login: "mlee",
            on: d("2026-01-16"), consent: false, calendar: Fixtures.plain)
        try clock.pause(from: d("2026-01-21"), reason: "awaiting_info")
        try clock.resume(on: d("2026-01-23"))
        let early = clock.snapshot(asOf: d("2026-01-15"))
        #expect(early.extensions.isEmpty && early.pauses.isEmpty)
        #expect(
            clock.snapshot(asOf: d("2026-01-22")).pauses == [
                Clock.Pause(from: d("2026-01-21"), reason: "awaiting_info")
            ])
        #expect(clock.snapshot(asOf: d("2026-01-23")) == clock)
        #expect(clock.status(asOf: d("2026-01-22"), calendar: Fixtures.plain) == .paused)
        // 15 WD + 2 paused (21, 22 Jan) = 17 WD: Wednesday 28 January.
        #expect(clock.dueDate(on: Fixtures.plain) == d("2026-01-28"))
    }

    @Test func refusedChanges() throws {
        var clock = Self.triage()
        #expect(throws: ClockError.notPaused(.triage)) { try clock.resume(on: d("2026-01-07")) }
        #expect(throws: ClockError.beforeStart(.triage, date: d("2026-01-02"), start: d("2026-01-05"))) {
            try clock.pause(from: d("2026-01-02"), reason: "on_hold")
        }
        #expect(throws: ClockError.missingReason(.triage)) { try clock.pause(from: d("2026-01-07"), reason: "") }
        try clock.pause(from: d("2026-01-07"), reason: "on_hold")
        #expect(throws: ClockError.alreadyPaused(.triage, since: d("2026-01-07"))) {
            try clock.pause(from: d("2026-01-08"), reason: "on_hold")
        }
        #expect(throws: ClockError.resumeBeforePause(.triage, pausedOn: d("2026-01-07"), resumeOn: d("2026-01-06"))) {
            try clock.resume(on: d("2026-01-06"))
        }
        try clock.resume(on: d("2026-01-09"))
        #expect(throws: ClockError.pauseOverlaps(.triage, date: d("2026-01-08"), previousEnd: d("2026-01-09"))) {
            try clock.pause(from: d("2026-01-08"), reason: "on_hold")
        }
        try clock.end(on: d("2026-01-12"))
        #expect(throws: ClockError.ended(.triage, on: d("2026-01-12"))) {
            try clock.pause(from: d("2026-01-13"), reason: "on_hold")
        }
        var cancelled = Self.triage()
        try cancelled.cancel(on: d("2026-01-06"))
        #expect(cancelled.status(asOf: d("2026-01-06"), calendar: Fixtures.plain) == .cancelled)
        #expect(throws: ClockError.cancelled(.triage)) { try cancelled.end(on: d("2026-01-07")) }
    }

    @Test func clockRoundTripsThroughJSON() throws {
        var clock = try ExplanationTests.exampleClock()
        try clock.pause(from: d("2026-03-18"), reason: "on_hold")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(clock)
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            #""start_date":"2026-02-28""#, #""policy_version":1"#, #""allowance":{"amount":10,"unit":"working_days"}"#,
            #""to":"2026-03-11""#, #""kind":"triage""#,
        ] {
            #expect(text.contains(key), "\(key) in \(text)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Clock.self, from: data) == clock)
    }

    @Test func clockKindCodes() {
        #expect(
            ClockKind.allCases.map(\.rawValue) == [
                "acknowledge", "triage", "info_response", "early_resolution", "mediation_acceptance", "mediation",
                "respondent_response", "investigation", "arbitration_award", "arbitration_overall", "respondent_reply",
                "remedy", "verification", "parallel_review", "complainant_update", "review",
            ])
        #expect(AllowanceUnit.allCases.map(\.rawValue) == ["working_days", "calendar_days", "months"])
        #expect(
            ClockStatus.allCases.map(\.rawValue) == ["running", "paused", "met", "met_late", "breached", "cancelled"])
        #expect(Allowance.workingDays(1).description == "1 working day")
        #expect(Allowance.months(6).description == "6 months")
    }
}
