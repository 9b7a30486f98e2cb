import Foundation
import Testing

@testable import RedressCore

@Suite("Resolution: remedy items")
struct ResolutionRemedyTests {
    @Test func vocabularies() {
        #expect(
            RemedyKind.allCases.map(\.rawValue) == [
                "apology", "explanation", "decision_retaken", "record_amended", "service_provided", "financial",
                "stop_violation", "policy_change", "training", "preventive_measure", "others_affected", "other",
            ])
        #expect(RemedyClass.allCases.map(\.rawValue) == ["personal", "learning", "complaint_handling"])
        #expect(
            RemedyState.allCases.map(\.rawValue) == [
                "proposed", "accepted", "rejected", "in_progress", "evidence_submitted", "verified", "partial",
                "not_implemented", "superseded",
            ])
        #expect(
            RemedyState.allCases.filter(\.isTerminal) == [.rejected, .verified, .partial, .notImplemented, .superseded])
        #expect(RemedyKind.systemic == [.policyChange, .preventiveMeasure])
    }

    /// Which policy rule times each kind, and its default reporting class.
    @Test(arguments: [
        (RemedyKind.apology, RemedyScale.personal, RemedyClass.personal),
        (.explanation, .personal, .personal),
        (.decisionRetaken, .personal, .personal),
        (.recordAmended, .personal, .personal),
        (.financial, .personal, .personal),
        (.stopViolation, .personal, .personal),
        (.other, .personal, .personal),
        (.serviceProvided, .service, .personal),
        (.othersAffected, .service, .personal),
        (.training, .service, .learning),
        (.policyChange, .systemic, .learning),
        (.preventiveMeasure, .systemic, .learning),
    ])
    func kindDefaults(kind: RemedyKind, scale: RemedyScale, remedyClass: RemedyClass) throws {
        #expect(kind.defaultScale == scale)
        #expect(kind.defaultClass == remedyClass)
        let amount = kind == .financial ? try Money(amount: "10", currency: "EUR") : nil
        let spec = try RemedySpec(kind: kind, text: "do it", amount: amount)
        #expect(spec.scale == scale && spec.remedyClass == remedyClass)
    }

    /// Each scale's policy allowance from an acceptance on Monday 2 March 2026 (plain Mon–Fri):
    /// personal 20 WD → Monday 30 March (four whole weeks); service 3 months → 2 June (Tuesday);
    /// systemic 6 months → 2 September (Wednesday).
    @Test(arguments: [
        (RemedyScale.personal, "2026-03-30"), (.service, "2026-06-02"), (.systemic, "2026-09-02"),
    ])
    func remedyClockByScale(scale: RemedyScale, due: String) throws {
        var item = RemedyItem(number: 1, spec: try RemedySpec(kind: .other, text: "x", scale: scale))
        var board = ClockBoard()
        try board.apply(item.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        #expect(item.state == .accepted)
        #expect(board[.remedy, 1]?.remedyScale == scale)
        #expect(board.due(.remedy, 1) == d(due))
    }

    /// A due date set by hand: accepted Monday 2 March, due Sunday 15 March by hand. The clock
    /// counts 13 calendar days to the 15th, a Sunday, which rolls forward to Monday 16 March.
    @Test func handSetDueDate() throws {
        var item = RemedyItem(number: 2, spec: try RemedySpec(kind: .apology, text: "letter", dueOn: d("2026-03-15")))
        var board = ClockBoard()
        try board.apply(item.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        #expect(board[.remedy, 2]?.allowance == .calendarDays(13))
        #expect(board.due(.remedy, 2) == d("2026-03-16"))
        var early = RemedyItem(number: 3, spec: try RemedySpec(kind: .apology, text: "letter", dueOn: d("2026-03-01")))
        #expect(throws: ResolutionError.dueBeforeAcceptance(3, due: d("2026-03-01"), accepted: d("2026-03-02"))) {
            try early.perform(.accept, at: noon("2026-03-02"), calendar: Fixtures.plain)
        }
        #expect(early.state == .proposed)
    }

    /// The allowed actions from every state, and that every other one is refused.
    @Test(arguments: RemedyState.allCases)
    func transitions(from state: RemedyState) throws {
        let expected: [RemedyState: [RemedyAction]] = [
            .proposed: [.accept, .reject, .supersede],
            .accepted: [.progress, .evidence, .notImplemented, .supersede],
            .inProgress: [.progress, .evidence, .notImplemented, .supersede],
            .evidenceSubmitted: [.evidence, .verify, .verifyPartial, .notImplemented, .supersede],
        ]
        let allowed = expected[state] ?? []
        #expect(RemedyItem.allowedActions(from: state) == allowed)
        for action in RemedyAction.allCases {
            var item = RemedyItem(number: 7, spec: try RemedySpec(kind: .training, text: "train staff"), state: state)
            let run = { try item.perform(action, at: noon("2026-03-02"), calendar: Fixtures.plain, text: "because") }
            if allowed.contains(action) {
                _ = try run()
                #expect(item.state == action.target)
            } else if action == .verify || action == .verifyPartial, state == .accepted || state == .inProgress {
                #expect(throws: ResolutionError.remedyWithoutEvidence(7)) { try run() }
                #expect(item.state == state)
            } else {
                #expect(throws: ResolutionError.remedyActionNotAllowed(7, action, state: state, allowed: allowed)) {
                    try run()
                }
                #expect(item.state == state)
            }
        }
    }

    @Test(arguments: [RemedyAction.reject, .progress, .evidence, .notImplemented, .supersede])
    func actionsThatNeedWords(action: RemedyAction) throws {
        let state: RemedyState = action == .reject ? .proposed : .accepted
        var item = RemedyItem(number: 4, spec: try RemedySpec(kind: .apology, text: "letter"), state: state)
        #expect(throws: ResolutionError.remedyTextRequired(4, action)) {
            try item.perform(action, at: noon("2026-03-02"), calendar: Fixtures.plain, text: "  \n")
        }
        #expect(item.state == state)
    }

    /// Accepted Monday 2 March (personal: due Monday 30 March). Evidence on Friday 20 March ends
    /// the remedy clock, met, and starts verification: 10 WD from Friday 20 March is Friday
    /// 3 April. Verified on Wednesday 1 April: on time, verification met.
    @Test func evidenceThenVerifiedOnTime() throws {
        var item = RemedyItem(number: 1, spec: try RemedySpec(kind: .apology, text: "letter"))
        var board = ClockBoard()
        try board.apply(item.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        try board.apply(item.perform(.progress, at: noon("2026-03-10"), calendar: board.calendar, text: "drafted"))
        #expect(item.state == .inProgress)
        try board.apply(
            item.perform(.evidence, at: noon("2026-03-20"), calendar: board.calendar, text: "copy of the letter"))
        #expect(board.status(.remedy, 1, asOf: "2026-06-01") == .met)
        #expect(board.due(.verification, 1) == d("2026-04-03"))
        // More evidence adds to the file without restarting anything.
        let more = try item.perform(.evidence, at: noon("2026-03-25"), calendar: board.calendar, text: "signed receipt")
        #expect(more.isEmpty && item.state == .evidenceSubmitted)
        try board.apply(
            item.perform(
                .verify, at: noon("2026-04-01"), calendar: board.calendar,
                remedyClockStatus: board.status(.remedy, 1, asOf: "2026-04-01")))
        #expect(item.state == .verified && item.late == false)
        #expect(board.status(.verification, 1, asOf: "2026-06-01") == .met)
        #expect(
            !RemedyItem.isOverdue(
                remedyClock: board[.remedy, 1], verificationClock: board[.verification, 1],
                asOf: d("2026-06-01"), calendar: board.calendar))
    }

    /// Accepted Monday 2 March, due Monday 30 March; overdue from Tuesday 31 March. Evidence on
    /// Thursday 2 April is late (met_late) and ends the overdue listing; verification (10 WD
    /// from Thursday 2 April: Thursday 16 April) then runs, and verifying marks the item late.
    @Test func lateEvidenceIsVerifiedLate() throws {
        var item = RemedyItem(
            number: 3,
            spec: try RemedySpec(kind: .financial, text: "pay", amount: Money(amount: "250000", currency: "KRW")))
        var board = ClockBoard()
        try board.apply(item.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        let overdue = { (asOf: String) in
            RemedyItem.isOverdue(
                remedyClock: board[.remedy, 3], verificationClock: board[.verification, 3], asOf: d(asOf),
                calendar: board.calendar)
        }
        #expect(!overdue("2026-03-30"))
        #expect(overdue("2026-03-31"))
        try board.apply(
            item.perform(.evidence, at: noon("2026-04-02"), calendar: board.calendar, text: "bank transfer"))
        #expect(!overdue("2026-04-02"))
        #expect(board.status(.remedy, 3, asOf: "2026-04-02") == .metLate)
        #expect(board.due(.verification, 3) == d("2026-04-16"))
        #expect(overdue("2026-04-17"))
        try board.apply(
            item.perform(
                .verifyPartial, at: noon("2026-04-20"), calendar: board.calendar,
                remedyClockStatus: board.status(.remedy, 3, asOf: "2026-04-20")))
        #expect(item.state == .partial && item.late == true)
        #expect(board.status(.verification, 3, asOf: "2026-04-20") == .metLate)
        #expect(!overdue("2026-04-20"))
    }

    @Test func notImplementedAndSupersededStopTheClocks() throws {
        var board = ClockBoard()
        var running = RemedyItem(number: 1, spec: try RemedySpec(kind: .training, text: "train"))
        try board.apply(running.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        try board.apply(
            running.perform(.notImplemented, at: noon("2026-07-01"), calendar: board.calendar, text: "refused"))
        #expect(board.status(.remedy, 1, asOf: "2026-07-01") == .cancelled)
        var verifying = RemedyItem(number: 2, spec: try RemedySpec(kind: .apology, text: "letter"))
        try board.apply(verifying.perform(.accept, at: noon("2026-03-02"), calendar: board.calendar))
        try board.apply(verifying.perform(.evidence, at: noon("2026-03-04"), calendar: board.calendar, text: "letter"))
        try board.apply(
            verifying.perform(.supersede, at: noon("2026-03-05"), calendar: board.calendar, text: "replaced by item 3"))
        #expect(verifying.state == .superseded)
        #expect(board.status(.remedy, 2, asOf: "2026-03-05") == .met)
        #expect(board.status(.verification, 2, asOf: "2026-03-05") == .met)
        var proposed = RemedyItem(number: 4, spec: try RemedySpec(kind: .apology, text: "letter"))
        #expect(
            try proposed.perform(.reject, at: noon("2026-03-02"), calendar: board.calendar, text: "no fault found")
                .isEmpty)
    }

    @Test(arguments: [
        ("1500", "1500.00"), ("1500.5", "1500.50"), ("1500.05", "1500.05"), ("0.01", "0.01"),
        ("999999999999.99", "999999999999.99"),
    ])
    func money(text: String, formatted: String) throws {
        let money = try Money(amount: text, currency: "EUR")
        #expect(money.amount == formatted)
        #expect(money.description == "\(formatted) EUR")
        let round = try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money))
        #expect(round == money)
    }

    @Test(arguments: [
        "", "0", "0.00", "-5", "1.234", "1,500", "1e5", "12.", ".5", "1000000000000", "１２", "5; DROP TABLE remedy",
    ])
    func badAmounts(text: String) {
        #expect(throws: ResolutionError.invalidAmount(text)) { try Money(amount: text, currency: "EUR") }
    }

    @Test(arguments: ["eur", "EURO", "E1R", "", "€"])
    func badCurrencies(code: String) {
        #expect(throws: ResolutionError.invalidCurrency(code)) { try Money(amount: "5", currency: code) }
    }

    @Test func specsFromTheCommandLine() throws {
        let apology = try RemedySpec(parsing: "apology: A written apology from the director")
        #expect(apology.kind == .apology && apology.text == "A written apology from the director")
        let pay = try RemedySpec(parsing: "Financial 250000 krw: compensation for lost benefit")
        let wonAmount = try Money(amount: "250000", currency: "KRW")
        #expect(pay.kind == .financial && pay.amount == wonAmount)
        let plain = try RemedySpec(parsing: "The council repairs the ramp by May.")
        #expect(plain.kind == .other && plain.text == "The council repairs the ramp by May.")
        let sentence = try RemedySpec(parsing: "Note from the parties: the ramp is repaired")
        #expect(sentence.kind == .other && sentence.text == "Note from the parties: the ramp is repaired")
        let policy = try RemedySpec(parsing: "policy_change: revise the eviction notice procedure")
        #expect(policy.kind == .policyChange && policy.scale == .systemic && policy.remedyClass == .learning)
        #expect(throws: ResolutionError.unknownRemedyKind("apolgy")) { try RemedySpec(parsing: "apolgy: a letter") }
        #expect(throws: ResolutionError.amountMissing) { try RemedySpec(parsing: "financial: pay her") }
        #expect(throws: ResolutionError.amountMissing) { try RemedySpec(parsing: "financial 100: pay her") }
        #expect(throws: ResolutionError.remedyTextMissing(.apology)) { try RemedySpec(parsing: "apology:  ") }
        #expect(throws: ResolutionError.remedyTextMissing(.other)) { try RemedySpec(parsing: "   ") }
        #expect(throws: ResolutionError.amountNotAllowed(.apology)) {
            try RemedySpec(kind: .apology, text: "x", amount: Money(amount: "1", currency: "EUR"))
        }
        #expect(throws: ResolutionError.blankBody) { try RemedySpec(kind: .apology, text: "x", body: " ") }
    }

    /// Where a case goes by itself as its items move.
    @Test(arguments: [
        (CaseState.decided, [RemedyState.proposed, .accepted], CaseState?.none),
        (.decided, [.accepted, .rejected], .remedy),
        (.decided, [.rejected, .rejected], .closed),
        (.decided, [], nil),
        (.remedy, [.verified, .inProgress], nil),
        (.remedy, [.verified, .partial, .notImplemented, .superseded, .rejected], .closed),
        (.investigation, [.verified], nil),
        (.closed, [.verified], nil),
    ])
    func automaticMoves(state: CaseState, items: [RemedyState], expected: CaseState?) {
        #expect(RemedyLedger.automaticMove(from: state, items: items) == expected)
    }

    @Test func closingWithOpenItems() throws {
        let items: [(number: Int, state: RemedyState)] = [(1, .verified), (2, .inProgress), (3, .proposed)]
        #expect(throws: ResolutionError.openRemedies([2, 3])) {
            try RemedyLedger.checkClosing(outcome: .upheld, items: items)
        }
        #expect(throws: ResolutionError.openRemedies([2, 3])) {
            try RemedyLedger.checkClosing(outcome: .transferred, items: items)
        }
        try RemedyLedger.checkClosing(outcome: .withdrawn, items: items)
        try RemedyLedger.checkClosing(outcome: .upheld, items: [(1, .verified), (2, .rejected)])
        #expect(ResolutionError.openRemedies([2, 3]).description.contains("open remedy items 2 and 3"))
    }
}
