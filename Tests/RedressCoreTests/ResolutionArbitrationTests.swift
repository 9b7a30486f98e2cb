import Foundation
import Testing

@testable import RedressCore

@Suite("Resolution: arbitration, investigation and decisions")
struct ResolutionArbitrationTests {
    /// Both consent; the panel is constituted on Monday 2 March 2026 (arbitration_overall, 6
    /// months → Wednesday 2 September); a hearing; the hearing closes on Wednesday 1 April
    /// (arbitration_award, 20 WD → Wednesday 29 April); a binding award on Friday 24 April meets
    /// both clocks.
    @Test func fullArbitration() throws {
        var board = ClockBoard()
        var arbitration = Arbitration()
        #expect(arbitration.status == .seekingConsent)
        try Arbitration.checkConsent(caseState: .mediation, mediation: nil)
        try arbitration.consent(.complainant, at: noon("2026-02-23"), calendar: board.calendar)
        #expect(throws: ResolutionError.alreadyConsented(.complainant, on: d("2026-02-23"))) {
            try arbitration.consent(.complainant, at: noon("2026-02-24"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.consentMissing("appointing arbitrators", missing: [.respondent])) {
            try arbitration.appoint(["Park Ji-won"], at: noon("2026-02-25"), calendar: board.calendar)
        }
        try arbitration.consent(.respondent, at: noon("2026-02-26"), calendar: board.calendar)
        #expect(arbitration.status == .consented)
        try board.apply(Arbitration.entryEffects(at: noon("2026-02-26"), calendar: board.calendar))
        #expect(throws: ResolutionError.panelNotConstituted) {
            try arbitration.addHearing(at: noon("2026-03-10"), place: "room 2")
        }
        try board.apply(
            arbitration.appoint(["Park Ji-won", "Choi Min-ho"], at: noon("2026-03-02"), calendar: board.calendar))
        #expect(board.due(.arbitrationOverall) == d("2026-09-02"))
        #expect(throws: ResolutionError.arbitratorAlreadyAppointed("Choi Min-ho")) {
            try arbitration.appoint(["Choi Min-ho"], at: noon("2026-03-03"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.arbitratorAlreadyAppointed("Lee")) {
            try arbitration.appoint(["Lee", "Lee"], at: noon("2026-03-03"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.arbitratorMissing) {
            try arbitration.appoint([" "], at: noon("2026-03-03"), calendar: board.calendar)
        }
        // A third arbitrator later joins the panel without restarting its clock.
        #expect(try arbitration.appoint(["Lee Soo-jin"], at: noon("2026-03-04"), calendar: board.calendar).isEmpty)
        #expect(arbitration.arbitrators == ["Park Ji-won", "Choi Min-ho", "Lee Soo-jin"])
        #expect(throws: ResolutionError.noHearing) {
            try arbitration.closeHearing(at: noon("2026-03-20"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.hearingNotClosed) {
            try arbitration.makeAward(text: "x", binding: true, at: noon("2026-03-20"), calendar: board.calendar)
        }
        try arbitration.addHearing(at: instant("2026-03-25T01:00:00Z"), place: "Gwangju City Hall, hearing room")
        #expect(arbitration.status == .hearing)
        try board.apply(arbitration.closeHearing(at: noon("2026-04-01"), calendar: board.calendar))
        #expect(board.due(.arbitrationAward) == d("2026-04-29"))
        #expect(throws: ResolutionError.arbitrationStage(.hearingClosed, action: "schedule a hearing")) {
            try arbitration.addHearing(at: noon("2026-04-02"), place: "room")
        }
        #expect(throws: ResolutionError.awardTextMissing) {
            try arbitration.makeAward(text: "", binding: true, at: noon("2026-04-24"), calendar: board.calendar)
        }
        try board.apply(
            arbitration.makeAward(
                text: "The respondent restores the supply.", binding: true, at: noon("2026-04-24"),
                calendar: board.calendar))
        #expect(arbitration.status == .awarded)
        #expect(board.status(.arbitrationAward, asOf: "2026-04-24") == .met)
        #expect(board.status(.arbitrationOverall, asOf: "2026-04-24") == .met)
    }

    /// An award is refused without both consents before anything else is looked at.
    @Test func awardWithoutBothConsents() throws {
        var arbitration = Arbitration()
        try arbitration.consent(.respondent, at: noon("2026-03-02"), calendar: Fixtures.plain)
        #expect(throws: ResolutionError.consentMissing("an award", missing: [.complainant])) {
            try arbitration.makeAward(text: "award", binding: true, at: noon("2026-03-03"), calendar: Fixtures.plain)
        }
        #expect(
            ResolutionError.consentMissing("an award", missing: [.complainant]).description
                == "An award needs both parties' consent to arbitration, and the complainant has not consented; record the consent first."
        )
        #expect(arbitration.award == nil)
    }

    @Test func arbitrationOnlyOutOfMediation() throws {
        #expect(
            throws: ResolutionError.wrongState(action: "go to arbitration", state: .investigation, needed: [.mediation])
        ) {
            try Arbitration.checkConsent(caseState: .investigation, mediation: nil)
        }
        var settled = Mediation(offeredAt: noon("2026-03-02"), calendar: Fixtures.plain)
        settled.outcome = .settled
        #expect(throws: ResolutionError.mediationEnded(.settled)) {
            try Arbitration.checkConsent(caseState: .mediation, mediation: settled)
        }
    }

    /// A decision issued on Wednesday 1 April 2026: investigation ends, respondent_reply starts,
    /// 30 CD → Friday 1 May.
    @Test func decisionStartsTheRespondentReply() throws {
        var board = ClockBoard()
        try board.apply(Investigation.openingEffects(at: noon("2026-03-02"), existing: []))
        let decision = Decision(
            kind: .decision, outcome: .upheld, text: "The eviction notice was unlawful.", issuedAt: noon("2026-04-01"))
        #expect(decision.initialItemState == .proposed)
        try board.apply(decision.issue(from: .investigation, itemCount: 3, calendar: board.calendar))
        #expect(board.status(.investigation, asOf: "2026-04-01") == .met)
        #expect(board.status(.respondentResponse, asOf: "2026-04-01") == .cancelled)
        #expect(board.due(.respondentReply) == d("2026-05-01"))
        #expect(board.status(.respondentReply, asOf: "2026-04-01") == .running)
    }

    /// On the Gwangju calendar a decision on Saturday 18 April gives 30 CD to Monday 18 May,
    /// Gwangju's memorial day, so the reply is due Tuesday 19 May.
    @Test func respondentReplyRollsPastAHoliday() throws {
        var board = ClockBoard(calendar: Fixtures.korea)
        let decision = Decision(
            kind: .decision, outcome: .partlyUpheld, text: "findings", issuedAt: instant("2026-04-18T01:00:00Z"))
        try board.apply(decision.issue(from: .investigation, itemCount: 1, calendar: board.calendar))
        #expect(board.due(.respondentReply) == d("2026-05-19"))
    }

    /// Settlement terms and a binding award's remedies start accepted, so respondent_reply
    /// starts and is met the same day; an advisory award waits for the respondent.
    @Test(arguments: [
        (DecisionKind.settlement, Outcome.settled, Bool?.none, RemedyState.accepted),
        (.award, .award, true, .accepted),
        (.award, .award, false, .proposed),
    ])
    func initialStates(kind: DecisionKind, outcome: Outcome, binding: Bool?, state: RemedyState) throws {
        var board = ClockBoard()
        let decision = Decision(
            kind: kind, outcome: outcome, text: "terms", binding: binding, issuedAt: noon("2026-04-01"))
        #expect(decision.initialItemState == state)
        try board.apply(decision.issue(from: kind.fromState, itemCount: 2, calendar: board.calendar))
        #expect(board.status(.respondentReply, asOf: "2026-04-02") == (state == .accepted ? .met : .running))
    }

    @Test func refusedDecisions() throws {
        let at = noon("2026-04-01")
        #expect(
            throws: ResolutionError.wrongState(action: "issue a decision", state: .mediation, needed: [.investigation])
        ) {
            try Decision(kind: .decision, outcome: .upheld, text: "f", issuedAt: at).issue(
                from: .mediation, itemCount: 1, calendar: Fixtures.plain)
        }
        #expect(throws: ResolutionError.settlementWithoutTerms) {
            try Decision(kind: .settlement, outcome: .settled, text: "", issuedAt: at).issue(
                from: .mediation, itemCount: 0, calendar: Fixtures.plain)
        }
        #expect(throws: ResolutionError.findingsMissing) {
            try Decision(kind: .decision, outcome: .upheld, text: " ", issuedAt: at).issue(
                from: .investigation, itemCount: 0, calendar: Fixtures.plain)
        }
        #expect(
            throws: CaseError.outcomeNotAllowed(
                .settled, from: .investigation, to: .decided, allowed: [.upheld, .partlyUpheld, .notUpheld])
        ) {
            try Decision(kind: .decision, outcome: .settled, text: "f", issuedAt: at).issue(
                from: .investigation, itemCount: 0, calendar: Fixtures.plain)
        }
        #expect(throws: CaseError.missingData(from: .arbitration, to: .decided, missing: [.binding])) {
            try Decision(kind: .award, outcome: .award, text: "a", issuedAt: at).issue(
                from: .arbitration, itemCount: 0, calendar: Fixtures.plain)
        }
    }

    /// Investigation opened Monday 2 March: respondent_response due Monday 30 March (20 WD).
    /// First response Friday 27 March: met. A further request on Monday 6 April runs 10 WD →
    /// Monday 20 April; answered late on Tuesday 21 April. A second request on Wednesday 22 April
    /// (due Wednesday 6 May) is still open at the decision and is cancelled.
    @Test func respondentResponseAndFurtherRequests() throws {
        var board = ClockBoard()
        var investigation = Investigation()
        try board.apply(Investigation.openingEffects(at: noon("2026-03-02"), existing: []))
        #expect(board.due(.respondentResponse) == d("2026-03-30"))
        try board.apply(investigation.recordFirstResponse(at: noon("2026-03-27"), calendar: board.calendar))
        #expect(board.status(.respondentResponse, asOf: "2026-04-01") == .met)
        #expect(throws: ResolutionError.alreadyResponded(on: d("2026-03-27"))) {
            try investigation.recordFirstResponse(at: noon("2026-03-28"), calendar: board.calendar)
        }
        let first = try investigation.request("the tenancy file", at: noon("2026-04-06"), calendar: board.calendar)
        #expect(first.number == 1)
        try board.apply(first.effects)
        #expect(board.due(.respondentResponse, 1) == d("2026-04-20"))
        #expect(board[.respondentResponse, 1]?.kind.isRespondentClock == true)
        #expect(throws: ResolutionError.answerBeforeRequest(1, requestedOn: d("2026-04-06"))) {
            try investigation.answerRequest(1, at: noon("2026-04-03"), calendar: board.calendar)
        }
        try board.apply(investigation.answerRequest(1, at: noon("2026-04-21"), calendar: board.calendar))
        #expect(board.status(.respondentResponse, 1, asOf: "2026-04-21") == .metLate)
        #expect(throws: ResolutionError.requestAnswered(1, on: d("2026-04-21"))) {
            try investigation.answerRequest(1, at: noon("2026-04-22"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.requestNotFound(9)) {
            try investigation.answerRequest(9, at: noon("2026-04-22"), calendar: board.calendar)
        }
        #expect(throws: ResolutionError.requestTextMissing) {
            try investigation.request(" ", at: noon("2026-04-22"), calendar: board.calendar)
        }
        let second = try investigation.request(
            "the inspection report", at: noon("2026-04-22"), calendar: board.calendar)
        #expect(second.number == 2)
        try board.apply(second.effects)
        #expect(board.due(.respondentResponse, 2) == d("2026-05-06"))
        try board.apply(investigation.closingEffects(on: d("2026-04-30")))
        #expect(board.status(.respondentResponse, 2, asOf: "2026-04-30") == .cancelled)
        try investigation.recordFindings("  The notice was unlawful.  ")
        #expect(investigation.findings == "The notice was unlawful.")
        #expect(Investigation.requestAllowance(urgent: true, policy: .default) == .workingDays(5))
        #expect(Investigation.requestAllowance(urgent: false, policy: .default) == .workingDays(10))
    }

    /// Effects are applied once: ending or cancelling a clock that already stopped does nothing.
    @Test func effectsAreIdempotent() throws {
        var board = ClockBoard()
        try board.apply([.start(.respondentReply, at: noon("2026-04-01"))])
        try board.apply([.end(.respondentReply, on: d("2026-04-10"))])
        try board.apply([.end(.respondentReply, on: d("2026-04-20")), .cancel(.respondentReply, on: d("2026-04-21"))])
        #expect(board[.respondentReply]?.endedOn == d("2026-04-10"))
        #expect(board.status(.respondentReply, asOf: "2026-05-01") == .met)
    }

    @Test func statePausesFollowThePolicy() {
        let on = d("2026-03-02")
        #expect(
            ClockEffect.statePauses(from: .investigation, to: .mediation, policy: .default, on: on)
                == [ClockEffect(.pause(from: on, reason: "mediation"), .investigation)])
        #expect(
            ClockEffect.statePauses(from: .mediation, to: .investigation, policy: .default, on: on)
                == [ClockEffect(.resume(on: on), .investigation)])
        #expect(ClockEffect.statePauses(from: .mediation, to: .closed, policy: .default, on: on).isEmpty)
        #expect(ClockEffect.statePauses(from: .triage, to: .investigation, policy: .default, on: on).isEmpty)
    }
}
