import Testing

@testable import RedressCore

@Suite("Escalation")
struct EscalationTests {
    /// A clock of `kind` from Monday 5 January 2026 on the plain calendar.
    static func clock(_ kind: ClockKind, scale: RemedyScale = .personal) -> Clock {
        Policy.default.makeClock(kind: kind, scale: scale, startInstant: noon("2026-01-05"), calendar: Fixtures.plain)
    }

    @Test func respondentClockThresholds() {
        // 20 WD from Mon 5 Jan is Mon 2 Feb; 80% is 16 WD, Tue 27 Jan; +10 WD is 16 Feb; +30 WD is 16 Mar.
        let thresholds = Escalation.thresholds(for: Self.clock(.respondentResponse), calendar: Fixtures.plain)
        #expect(
            thresholds == [
                EscalationThreshold(step: .warning, date: d("2026-01-27")),
                EscalationThreshold(step: .breach, date: d("2026-02-03")),
                EscalationThreshold(step: .respondentReminder, date: d("2026-02-03")),
                EscalationThreshold(step: .ombudspersonList, date: d("2026-02-16")),
                EscalationThreshold(step: .headOfBodyLetter, date: d("2026-02-16")),
                EscalationThreshold(step: .nonCompliance, date: d("2026-03-16")),
            ])
    }

    @Test(arguments: [
        ("2026-01-26", [EscalationStep]()),
        ("2026-01-27", [.warning]),
        ("2026-02-02", [.warning]),
        ("2026-02-03", [.warning, .breach, .respondentReminder]),
        ("2026-02-13", [.warning, .breach, .respondentReminder]),
        ("2026-02-16", [.warning, .breach, .respondentReminder, .ombudspersonList, .headOfBodyLetter]),
        ("2026-03-13", [.warning, .breach, .respondentReminder, .ombudspersonList, .headOfBodyLetter]),
        ("2026-03-16", [.warning, .breach, .respondentReminder, .ombudspersonList, .headOfBodyLetter, .nonCompliance]),
    ])
    func respondentStepsDueByDate(asOf: String, expected: [EscalationStep]) {
        #expect(
            Escalation.dueSteps(
                for: Self.clock(.respondentResponse), taken: [], asOf: d(asOf), calendar: Fixtures.plain) == expected)
    }

    /// Sweeping every day from the start, each step fires exactly once, on its threshold date, in ladder order.
    @Test(arguments: [
        (
            ClockKind.respondentResponse, RemedyScale.personal,
            [
                ("2026-01-27", EscalationStep.warning), ("2026-02-03", .breach), ("2026-02-03", .respondentReminder),
                ("2026-02-16", .ombudspersonList), ("2026-02-16", .headOfBodyLetter), ("2026-03-16", .nonCompliance),
            ]
        ),
        // Triage: 10 WD due Mon 19 Jan; 80% is 8 WD, Thu 15 Jan; +10 WD is Mon 2 Feb.
        (.triage, .personal, [("2026-01-15", .warning), ("2026-01-20", .breach), ("2026-02-02", .ombudspersonList)]),
        // A complainant update is due on the 20th working day itself.
        (.complainantUpdate, .personal, [("2026-02-02", .complainantUpdate)]),
        // Respondent reply, 30 CD: due Wed 4 Feb; 80% is 24 days, Thu 29 Jan.
        (
            .respondentReply, .personal,
            [
                ("2026-01-29", .warning), ("2026-02-05", .breach), ("2026-02-05", .respondentReminder),
                ("2026-02-18", .ombudspersonList), ("2026-02-18", .headOfBodyLetter), ("2026-03-18", .nonCompliance),
            ]
        ),
        // Service remedy, 3 months: 5 Apr is a Sunday, due Mon 6 Apr; 80% of the 90 days is 72, Wed 18 Mar.
        (
            .remedy, .service,
            [
                ("2026-03-18", .warning), ("2026-04-07", .breach), ("2026-04-07", .respondentReminder),
                ("2026-04-20", .ombudspersonList), ("2026-04-20", .headOfBodyLetter), ("2026-05-18", .nonCompliance),
            ]
        ),
    ])
    func dailySweepFiresEachStepOnce(kind: ClockKind, scale: RemedyScale, expected: [(String, EscalationStep)]) {
        let clock = Self.clock(kind, scale: scale)
        var fired: [(String, EscalationStep)] = []
        var taken = Set<EscalationStep>()
        for offset in 0..<200 {
            let day = d("2026-01-05") + offset
            // A second sweep on the same day must find nothing new.
            let steps = Escalation.dueSteps(for: clock, taken: taken, asOf: day, calendar: Fixtures.plain)
            taken.formUnion(steps)
            #expect(Escalation.dueSteps(for: clock, taken: taken, asOf: day, calendar: Fixtures.plain).isEmpty)
            fired += steps.map { (day.iso, $0) }
        }
        #expect(fired.map(\.0) == expected.map(\.0))
        #expect(fired.map(\.1) == expected.map(\.1))
    }

    @Test func takenStepsAreNeverRepeated() {
        let steps = Escalation.dueSteps(
            for: Self.clock(.respondentResponse), taken: [.warning, .breach], asOf: d("2026-02-16"),
            calendar: Fixtures.plain)
        #expect(steps == [.respondentReminder, .ombudspersonList, .headOfBodyLetter])
    }

    @Test func pausedClocksEscalateNothing() throws {
        var clock = Self.clock(.respondentResponse)
        try clock.pause(from: d("2026-01-20"), reason: "on_hold")
        #expect(Escalation.dueSteps(for: clock, taken: [], asOf: d("2026-06-01"), calendar: Fixtures.plain).isEmpty)
        // Before the pause, the clock was running and its warning was not yet due; after it
        // resumes, the ladder picks up with the paused days added.
        #expect(Escalation.dueSteps(for: clock, taken: [], asOf: d("2026-01-19"), calendar: Fixtures.plain).isEmpty)
        try clock.resume(on: d("2026-02-03")) // [20 Jan, 3 Feb) holds 10 working days: due 16 Feb, warning 10 Feb
        #expect(clock.dueDate(on: Fixtures.plain) == d("2026-02-16"))
        #expect(
            Escalation.dueSteps(for: clock, taken: [], asOf: d("2026-02-16"), calendar: Fixtures.plain) == [.warning])
        #expect(
            Escalation.dueSteps(for: clock, taken: [.warning], asOf: d("2026-02-17"), calendar: Fixtures.plain) == [
                .breach, .respondentReminder,
            ])
    }

    @Test func metAndCancelledClocksEscalateNothing() throws {
        var met = Self.clock(.respondentResponse)
        try met.end(on: d("2026-01-30"))
        #expect(met.status(asOf: d("2026-06-01"), calendar: Fixtures.plain) == .met)
        #expect(Escalation.dueSteps(for: met, taken: [], asOf: d("2026-06-01"), calendar: Fixtures.plain).isEmpty)

        var late = Self.clock(.respondentResponse)
        try late.end(on: d("2026-02-10"))
        #expect(late.status(asOf: d("2026-06-01"), calendar: Fixtures.plain) == .metLate)
        #expect(Escalation.dueSteps(for: late, taken: [], asOf: d("2026-06-01"), calendar: Fixtures.plain).isEmpty)
        // Swept as of a date before it ended, it reproduces what was due then.
        #expect(late.status(asOf: d("2026-02-05"), calendar: Fixtures.plain) == .breached)
        #expect(
            Escalation.dueSteps(for: late, taken: [], asOf: d("2026-02-05"), calendar: Fixtures.plain) == [
                .warning, .breach, .respondentReminder,
            ])

        var cancelled = Self.clock(.triage)
        try cancelled.cancel(on: d("2026-01-08"))
        #expect(Escalation.dueSteps(for: cancelled, taken: [], asOf: d("2026-06-01"), calendar: Fixtures.plain).isEmpty)
        #expect(Escalation.dueSteps(for: cancelled, taken: [], asOf: d("2026-01-07"), calendar: Fixtures.plain).isEmpty)
        #expect(cancelled.status(asOf: d("2026-01-07"), calendar: Fixtures.plain) == .running)
    }

    @Test func wholeCaseSweep() throws {
        var met = Self.clock(.acknowledge)
        try met.end(on: d("2026-01-06"))
        let clocks: [(id: String, clock: Clock)] = [
            ("ack", met), ("triage", Self.clock(.triage)), ("update", Self.clock(.complainantUpdate)),
        ]
        let due = Escalation.dueSteps(
            for: clocks, taken: ["triage": [.warning]], asOf: d("2026-01-20"), calendar: Fixtures.plain)
        #expect(due == [EscalationDue(clockID: "triage", kind: .triage, steps: [.breach])])
    }

    @Test func stepCodes() {
        #expect(
            EscalationStep.allCases.map(\.rawValue) == [
                "warning", "breach", "respondent_reminder", "ombudsperson_list", "head_of_body_letter",
                "non_compliance", "complainant_update",
            ])
    }
}
