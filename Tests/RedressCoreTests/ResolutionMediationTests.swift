import Foundation
import Testing

@testable import RedressCore

@Suite("Resolution: mediation")
struct ResolutionMediationTests {
    /// Offered on Monday 2 March 2026 from triage: the case moves to mediation and
    /// mediation_acceptance starts, 10 WD → Monday 16 March.
    static func offered(board: inout ClockBoard, from state: CaseState = .triage) throws -> Mediation {
        let offer = try Mediation.offer(
            caseState: state, latest: nil, at: noon("2026-03-02"), policy: board.policy, calendar: board.calendar)
        #expect(offer.move == .mediation)
        try board.apply(offer.effects)
        return Mediation(offeredAt: noon("2026-03-02"), calendar: board.calendar)
    }

    @Test func bothAcceptThenSettle() throws {
        var board = ClockBoard()
        var mediation = try Self.offered(board: &board)
        #expect(board.due(.mediationAcceptance) == d("2026-03-16"))
        #expect(mediation.status == .offered)
        // The complainant accepts on Tuesday 3 March; nothing starts until both have.
        #expect(
            try mediation.answer(
                .complainant, accepts: true, at: noon("2026-03-03"), calendar: board.calendar,
                acceptanceDue: board.due(.mediationAcceptance)
            ).isEmpty)
        #expect(
            mediation.answer(of: .respondent, asOf: d("2026-03-04"), acceptanceDue: board.due(.mediationAcceptance))
                == .pending)
        // The respondent accepts on Thursday 5 March: acceptance met; mediation runs 30 WD from
        // Thursday 5 March → Thursday 16 April (six whole weeks).
        try board.apply(
            mediation.answer(
                .respondent, accepts: true, at: noon("2026-03-05"), calendar: board.calendar,
                acceptanceDue: board.due(.mediationAcceptance)))
        #expect(mediation.status == .underway)
        #expect(board.status(.mediationAcceptance, asOf: "2026-03-05") == .met)
        #expect(board.due(.mediation) == d("2026-04-16"))
        #expect(throws: ResolutionError.mediationNotOffered(.underway)) {
            try mediation.answer(
                .respondent, accepts: false, at: noon("2026-03-06"), calendar: board.calendar, acceptanceDue: nil)
        }
        try mediation.addSession(
            at: instant("2026-03-12T05:00:00Z"), place: "City Hall room 3", mediator: "jkim", calendar: board.calendar)
        try mediation.addSession(
            at: instant("2026-03-26T05:00:00Z"), place: "https://meet.example.org/hrc-1", mediator: "jkim",
            calendar: board.calendar)
        #expect(mediation.sessions.count == 2 && mediation.mediator == "jkim")
        #expect(throws: ResolutionError.settlementWithoutTerms) {
            try mediation.end(.settled, at: noon("2026-04-01"), calendar: board.calendar, termCount: 0)
        }
        #expect(mediation.status == .underway)
        try board.apply(mediation.end(.settled, at: noon("2026-04-01"), calendar: board.calendar, termCount: 2))
        #expect(mediation.status == .settled && mediation.endedOn == d("2026-04-01"))
        #expect(board.status(.mediation, asOf: "2026-04-01") == .met)
        #expect(throws: ResolutionError.mediationEnded(.settled)) {
            try mediation.end(.failed, at: noon("2026-04-02"), calendar: board.calendar)
        }
    }

    /// No answer from the respondent by Monday 16 March: from Tuesday 17 March the offer is
    /// deemed declined, an answer is refused, and the lapse ends the acceptance clock on its due
    /// date (met: the rule, not a party, decided it then).
    @Test func noAnswerInTenWorkingDaysIsDeclined() throws {
        var board = ClockBoard()
        var mediation = try Self.offered(board: &board)
        let due = board.due(.mediationAcceptance)
        _ = try mediation.answer(
            .complainant, accepts: true, at: noon("2026-03-04"), calendar: board.calendar, acceptanceDue: due)
        #expect(mediation.answer(of: .respondent, asOf: d("2026-03-16"), acceptanceDue: due) == .pending)
        #expect(mediation.answer(of: .respondent, asOf: d("2026-03-17"), acceptanceDue: due) == .deemedDeclined)
        #expect(throws: ResolutionError.deemedDeclined(.respondent, due: d("2026-03-16"))) {
            try mediation.answer(
                .respondent, accepts: true, at: noon("2026-03-17"), calendar: board.calendar, acceptanceDue: due)
        }
        // On the due date itself the answer still counts; the lapse does nothing yet.
        var onTime = mediation
        #expect(onTime.lapse(asOf: d("2026-03-16"), acceptanceDue: due).isEmpty)
        _ = try onTime.answer(
            .respondent, accepts: true, at: noon("2026-03-16"), calendar: board.calendar, acceptanceDue: due)
        #expect(onTime.status == .underway)

        try board.apply(mediation.lapse(asOf: d("2026-03-17"), acceptanceDue: due))
        #expect(mediation.status == .declined)
        #expect(mediation.answers[.respondent] == Mediation.Answer(accepted: false, on: d("2026-03-16"), deemed: true))
        #expect(mediation.answers[.complainant]?.accepted == true)
        #expect(board.status(.mediationAcceptance, asOf: "2026-03-17") == .met)
        #expect(mediation.lapse(asOf: d("2026-03-18"), acceptanceDue: due).isEmpty)
        // A declined mediation leaves for investigation: its clocks start (nothing to resume).
        let onward = try Mediation.toInvestigation(
            at: noon("2026-03-18"), existing: Set(board.clocks.keys.map(\.kind)),
            policy: board.policy, calendar: board.calendar)
        try board.apply(onward)
        // respondent_response 20 WD from Wednesday 18 March → Wednesday 15 April; investigation
        // 60 WD → Wednesday 10 June (twelve whole weeks).
        #expect(board.due(.respondentResponse) == d("2026-04-15"))
        #expect(board.due(.investigation) == d("2026-06-10"))
    }

    @Test func aRefusalEndsTheAcceptanceClock() throws {
        var board = ClockBoard()
        var mediation = try Self.offered(board: &board)
        try board.apply(
            mediation.answer(
                .respondent, accepts: false, at: noon("2026-03-09"), calendar: board.calendar,
                acceptanceDue: board.due(.mediationAcceptance)))
        #expect(mediation.status == .declined)
        #expect(board.status(.mediationAcceptance, asOf: "2026-03-09") == .met)
        #expect(
            mediation.answer(of: .complainant, asOf: d("2026-04-01"), acceptanceDue: board.due(.mediationAcceptance))
                == .pending)
        #expect(throws: ResolutionError.mediationNotUnderway(.declined)) {
            try mediation.addSession(at: noon("2026-03-10"), place: "room", mediator: "jkim", calendar: board.calendar)
        }
        #expect(throws: ResolutionError.mediationEnded(.declined)) {
            try mediation.end(.failed, at: noon("2026-03-10"), calendar: board.calendar)
        }
    }

    /// The acceptance clock on the Gwangju calendar: offered Friday 15 May 2026; 18 May
    /// (Gwangju's memorial day) and 25 May (substitute for Buddha's Birthday) are skipped, so
    /// 10 WD are 19–22, 26–29 May, 1 and 2 June: due Tuesday 2 June.
    @Test func acceptanceOnTheGwangjuCalendar() throws {
        var board = ClockBoard(calendar: Fixtures.korea)
        let offer = try Mediation.offer(
            caseState: .triage, latest: nil, at: instant("2026-05-15T01:00:00Z"), policy: board.policy,
            calendar: board.calendar)
        try board.apply(offer.effects)
        #expect(board.due(.mediationAcceptance) == d("2026-06-02"))
    }

    /// From investigation, mediation pauses the investigation clock; failure resumes it.
    /// Investigation opened Monday 2 March (60 WD → Monday 25 May). Mediation offered Monday
    /// 9 March; it fails on Monday 23 March: 10 working days paused (9–20 March), so the
    /// investigation is due 10 WD later, Monday 8 June.
    @Test func mediationPausesTheInvestigation() throws {
        var board = ClockBoard()
        try board.apply(Investigation.openingEffects(at: noon("2026-03-02"), existing: []))
        #expect(board.due(.investigation) == d("2026-05-25"))
        let offer = try Mediation.offer(
            caseState: .investigation, latest: nil, at: noon("2026-03-09"), policy: board.policy,
            calendar: board.calendar)
        #expect(offer.move == .mediation)
        try board.apply(offer.effects)
        #expect(board.status(.investigation, asOf: "2026-03-10") == .paused)
        #expect(board.status(.respondentResponse, asOf: "2026-03-10") == .running)
        var mediation = Mediation(offeredAt: noon("2026-03-09"), calendar: board.calendar)
        try board.apply(mediation.end(.failed, at: noon("2026-03-23"), calendar: board.calendar))
        #expect(board.status(.mediationAcceptance, asOf: "2026-03-23") == .cancelled)
        try board.apply(
            Mediation.toInvestigation(
                at: noon("2026-03-23"), existing: Set(board.clocks.keys.map(\.kind)),
                policy: board.policy, calendar: board.calendar))
        #expect(board.due(.investigation) == d("2026-06-08"))
        #expect(
            board[.investigation]?.pauses == [
                Clock.Pause(from: d("2026-03-09"), to: d("2026-03-23"), reason: "mediation")
            ])
    }

    @Test func whereMediationMayBeOffered() throws {
        let calendar = Fixtures.plain
        for state in CaseState.allCases where !Mediation.offerableStates.contains(state) {
            #expect(
                throws: ResolutionError.wrongState(
                    action: "be offered mediation", state: state, needed: [.triage, .mediation, .investigation])
            ) {
                try Mediation.offer(
                    caseState: state, latest: nil, at: noon("2026-03-02"), policy: .default, calendar: calendar)
            }
        }
        let open = Mediation(offeredAt: noon("2026-03-02"), calendar: calendar)
        #expect(throws: ResolutionError.mediationAlreadyOffered(.offered)) {
            try Mediation.offer(
                caseState: .mediation, latest: open, at: noon("2026-03-03"), policy: .default, calendar: calendar)
        }
        var declined = open
        declined.answers[.respondent] = Mediation.Answer(accepted: false, on: d("2026-03-03"))
        let again = try Mediation.offer(
            caseState: .mediation, latest: declined, at: noon("2026-03-04"), policy: .default, calendar: calendar)
        #expect(again.move == nil && again.effects == [.start(.mediationAcceptance, at: noon("2026-03-04"))])
    }

    @Test func sessionNeedsPlaceAndMediator() throws {
        var mediation = Mediation(offeredAt: noon("2026-03-02"), calendar: Fixtures.plain)
        mediation.answers = [
            .complainant: .init(accepted: true, on: d("2026-03-02")),
            .respondent: .init(accepted: true, on: d("2026-03-02")),
        ]
        #expect(throws: ResolutionError.sessionPlaceMissing) {
            try mediation.addSession(at: noon("2026-03-05"), place: " ", mediator: "jkim", calendar: Fixtures.plain)
        }
        #expect(throws: ResolutionError.mediatorMissing) {
            try mediation.addSession(at: noon("2026-03-05"), place: "room 1", mediator: "", calendar: Fixtures.plain)
        }
        #expect(throws: ResolutionError.beforeOffer(d("2026-03-01"), offeredOn: d("2026-03-02"))) {
            try mediation.addSession(
                at: noon("2026-03-01"), place: "room 1", mediator: "jkim", calendar: Fixtures.plain)
        }
    }

    /// Who may read notes recorded under mediation: the mediator, the assignee, the ombudsperson.
    @Test(
        arguments: [
            ("jkim", [Role.caseworker], true), // the mediator
            ("mlee", [Role.caseworker], true), // the assignee
            ("boss", [Role.ombudsperson], true),
            ("other", [Role.caseworker], false),
            ("sup", [Role.supervisor], false),
            ("audit", [Role.auditor], false),
            ("root", [Role.admin], false),
        ] as [(String, [Role], Bool)])
    func whoReadsMediationNotes(login: String, roles: [Role], allowed: Bool) {
        #expect(
            Mediation.canReadNotes(login: login, roles: Set(roles), assignee: "mlee", mediators: ["jkim"]) == allowed)
    }

    @Test func codableRoundTrip() throws {
        var mediation = Mediation(offeredAt: noon("2026-03-02"), calendar: Fixtures.plain, mediator: "jkim")
        mediation.answers[.complainant] = .init(accepted: true, on: d("2026-03-03"))
        let data = try JSONEncoder().encode(mediation)
        #expect(try JSONDecoder().decode(Mediation.self, from: data) == mediation)
        #expect(String(decoding: data, as: UTF8.self).contains("\"offered_on\""))
    }
}
