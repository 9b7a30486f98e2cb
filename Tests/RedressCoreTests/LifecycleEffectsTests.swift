import Foundation
import Testing

@testable import RedressCore

/// SPEC §2.3 as a table: for every move of the lifecycle, which clocks it starts, ends (met),
/// pauses, resumes and cancels, from a case with the clocks its state typically has.
@Suite("Lifecycle effects")
struct LifecycleEffectsTests {
    static let date = LocalDate(iso: "2026-03-16")!
    static let instant = Date(timeIntervalSince1970: 1_773_651_600) // 2026-03-16 09:00 UTC
    static let policy = Policy.default

    /// The live clocks a case in each state typically has.
    static func situation(_ state: CaseState) -> CaseSituation {
        let clocks: [LiveClock]
        switch state {
        case .received: clocks = [LiveClock(.acknowledge), LiveClock(.triage)]
        case .triage: clocks = [LiveClock(.triage)]
        case .awaitingInfo: clocks = [LiveClock(.triage, pausedBy: "awaiting_info"), LiveClock(.infoResponse)]
        case .earlyResolution: clocks = [LiveClock(.earlyResolution)]
        case .mediation: clocks = [LiveClock(.mediationAcceptance)]
        case .investigation: clocks = [LiveClock(.respondentResponse), LiveClock(.investigation)]
        case .onHold:
            clocks = [
                LiveClock(.respondentResponse, pausedBy: "on_hold"), LiveClock(.investigation, pausedBy: "on_hold"),
                LiveClock(.parallelReview),
            ]
        case .arbitration: clocks = [LiveClock(.arbitrationOverall), LiveClock(.arbitrationAward)]
        case .decided: clocks = [LiveClock(.respondentReply)]
        case .remedy: clocks = [LiveClock(.remedy, subject: 1)]
        case .closed: clocks = []
        }
        return CaseSituation(
            state: state, outcome: state == .closed || state == .decided || state == .remedy ? .upheld : nil,
            closedAt: state == .closed ? instant.addingTimeInterval(-86_400) : nil, liveClocks: clocks)
    }

    /// What a move does to the clocks, by kind, in the order it does it.
    struct Clocks: Hashable, CustomStringConvertible {
        var started: [ClockKind] = []
        var met: [ClockKind] = []
        var paused: [ClockKind] = []
        var resumed: [ClockKind] = []
        var cancelled: [ClockKind] = []

        init(
            started: [ClockKind] = [], met: [ClockKind] = [], paused: [ClockKind] = [], resumed: [ClockKind] = [],
            cancelled: [ClockKind] = []
        ) {
            self.started = started
            self.met = met
            self.paused = paused
            self.resumed = resumed
            self.cancelled = cancelled
        }

        init(_ effects: [ClockEffect]) {
            for effect in effects {
                switch effect.action {
                case .start: started.append(effect.kind)
                case .end: met.append(effect.kind)
                case .pause: paused.append(effect.kind)
                case .resume: resumed.append(effect.kind)
                case .cancel: cancelled.append(effect.kind)
                }
            }
        }

        var description: String {
            [("started", started), ("met", met), ("paused", paused), ("resumed", resumed), ("cancelled", cancelled)]
                .filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.map(\.rawValue))" }.joined(separator: ", ")
        }
    }

    /// One row of the table: a move, its clocks, its audit event kind and its notices.
    struct Row: Sendable, CustomTestStringConvertible {
        var from: CaseState
        var to: CaseState
        var clocks: Clocks
        var event: String
        var notices: [String]
        var testDescription: String { "\(from) → \(to)" }
    }

    static func row(
        _ from: CaseState, _ to: CaseState, _ clocks: Clocks, _ event: String = "case_moved", notices: [String] = []
    ) -> Row {
        Row(from: from, to: to, clocks: clocks, event: event, notices: notices)
    }

    static let route = ["route_decision"]
    static let closure = ["closure"]

    /// SPEC §2.1's moves and §2.3's clocks, written out by hand.
    static let table: [Row] = [
        row(.received, .triage, Clocks(met: [.acknowledge]), "case_acknowledged", notices: ["acknowledgement"]),
        row(.received, .closed, Clocks(met: [.acknowledge], cancelled: [.triage]), "case_closed", notices: closure),
        row(
            .triage, .awaitingInfo, Clocks(started: [.infoResponse], paused: [.triage]), "information_requested",
            notices: ["information_request"]),
        row(.triage, .earlyResolution, Clocks(started: [.earlyResolution], met: [.triage]), notices: route),
        row(.triage, .mediation, Clocks(started: [.mediationAcceptance], met: [.triage]), notices: route),
        row(
            .triage, .investigation, Clocks(started: [.respondentResponse, .investigation], met: [.triage]),
            notices: route),
        row(.triage, .closed, Clocks(met: [.triage]), "case_closed", notices: closure),
        row(.awaitingInfo, .triage, Clocks(met: [.infoResponse], resumed: [.triage]), "information_received"),
        row(
            .awaitingInfo, .investigation,
            Clocks(started: [.respondentResponse, .investigation], met: [.infoResponse, .triage], resumed: [.triage]),
            "information_received", notices: route),
        row(
            .awaitingInfo, .closed, Clocks(met: [.infoResponse, .triage], resumed: [.triage]), "information_received",
            notices: closure),
        row(
            .earlyResolution, .investigation,
            Clocks(started: [.respondentResponse, .investigation], met: [.earlyResolution])),
        row(.earlyResolution, .decided, Clocks(started: [.respondentReply], met: [.earlyResolution])),
        row(.earlyResolution, .closed, Clocks(met: [.earlyResolution]), "case_closed", notices: closure),
        row(
            .mediation, .investigation,
            Clocks(started: [.respondentResponse, .investigation], met: [.mediationAcceptance])),
        row(.mediation, .arbitration, Clocks(met: [.mediationAcceptance])),
        row(.mediation, .decided, Clocks(started: [.respondentReply], met: [.mediationAcceptance])),
        row(.mediation, .closed, Clocks(met: [.mediationAcceptance]), "case_closed", notices: closure),
        row(
            .investigation, .awaitingInfo, Clocks(started: [.infoResponse], paused: [.investigation]),
            "information_requested",
            notices: ["information_request"]),
        row(.investigation, .mediation, Clocks(started: [.mediationAcceptance], paused: [.investigation])),
        row(
            .investigation, .onHold, Clocks(started: [.parallelReview], paused: [.respondentResponse, .investigation])),
        row(
            .investigation, .decided,
            Clocks(started: [.respondentReply], met: [.investigation], cancelled: [.respondentResponse])),
        row(
            .investigation, .closed, Clocks(cancelled: [.respondentResponse, .investigation]), "case_closed",
            notices: closure),
        row(.onHold, .investigation, Clocks(met: [.parallelReview], resumed: [.respondentResponse, .investigation])),
        row(
            .onHold, .closed,
            Clocks(
                met: [.parallelReview], resumed: [.respondentResponse, .investigation],
                cancelled: [.respondentResponse, .investigation]), "case_closed", notices: closure),
        row(
            .arbitration, .decided, Clocks(started: [.respondentReply], met: [.arbitrationAward, .arbitrationOverall])),
        row(
            .arbitration, .closed, Clocks(met: [.arbitrationAward, .arbitrationOverall]), "case_closed",
            notices: closure),
        row(.decided, .remedy, Clocks(met: [.respondentReply])),
        row(
            .decided, .investigation,
            Clocks(started: [.respondentResponse, .investigation], cancelled: [.respondentReply])),
        row(.remedy, .investigation, Clocks(started: [.respondentResponse, .investigation])),
        row(.decided, .closed, Clocks(met: [.respondentReply]), "case_closed", notices: closure),
        row(.remedy, .closed, Clocks(cancelled: [.remedy]), "case_closed", notices: closure),
        row(.closed, .triage, Clocks(started: [.triage, .complainantUpdate]), "case_reopened"),
        row(
            .closed, .investigation, Clocks(started: [.respondentResponse, .investigation, .complainantUpdate]),
            "case_reopened"),
    ]

    static func plan(_ situation: CaseSituation, to: CaseState) throws -> LifecyclePlan {
        let data = LifecycleTests.requirement(situation.state, to).data
        return try Lifecycle.move(
            situation, to: to, data: data, requested: to == .awaitingInfo ? "the tenancy agreement" : nil,
            policy: policy, at: instant, on: date)
    }

    @Test("the table holds every allowed move once, and nothing else")
    func tableIsComplete() {
        for from in CaseState.allCases {
            let rows = Self.table.filter { $0.from == from }.map(\.to)
            #expect(Set(rows) == Set(Lifecycle.allowedMoves(from: from)), "from \(from)")
            #expect(rows.count == Set(rows).count, "from \(from)")
        }
    }

    @Test("each move starts, ends, pauses, resumes and cancels the clocks of SPEC §2.3", arguments: table)
    func moveEffects(_ row: Row) throws {
        let plan = try Self.plan(Self.situation(row.from), to: row.to)
        #expect(Clocks(plan.clocks) == row.clocks)
        #expect(plan.event.kind == row.event)
        #expect(plan.notices.map(\.kind) == row.notices)
        #expect(plan.notices.allSatisfy { $0.audience == .complainant })
        #expect(
            plan.notices.allSatisfy {
                $0.addresses == [NoticeAddress(audience: .complainant, recipient: nil, channel: .post, language: "en")]
            })
        #expect(plan.permission == Lifecycle.permission(from: row.from, to: row.to))
        #expect(plan.after.state == row.to)
        // What the plan leaves live is what was live, less what ended, plus what started.
        let before = Self.situation(row.from).liveClocks.map(\.kind)
        var expected = before
        for kind in row.clocks.met + row.clocks.cancelled { expected.remove(at: expected.lastIndex(of: kind)!) }
        expected += row.clocks.started
        #expect(
            plan.after.liveClocks.map(\.kind).sorted { $0.rawValue < $1.rawValue }
                == expected.sorted { $0.rawValue < $1.rawValue })
    }

    @Test("every move outside the table is refused, whatever the case's clocks", arguments: CaseState.allCases)
    func refusedMoves(_ from: CaseState) {
        for to in CaseState.allCases where !Lifecycle.isAllowed(from: from, to: to) {
            #expect(throws: CaseError.self, "\(from) → \(to)") { try Self.plan(Self.situation(from), to: to) }
        }
    }

    @Test("pauses carry the state that made them; resumptions touch only what that state paused")
    func pauseCauses() throws {
        let hold = try Self.plan(Self.situation(.investigation), to: .onHold)
        for effect in hold.clocks where effect.kind != .parallelReview {
            #expect(effect.action == .pause(from: Self.date, reason: "on_hold"))
        }
        // A clock paused by hand stays paused when the case comes off hold.
        var situation = Self.situation(.onHold)
        situation.liveClocks[0] = LiveClock(.respondentResponse, pausedBy: "manual")
        let back = try Self.plan(situation, to: .investigation)
        #expect(Clocks(back.clocks) == Clocks(met: [.parallelReview], resumed: [.investigation]))
    }

    @Test("an information request in an investigation pauses it, and the answer resumes it without new clocks")
    func informationDuringInvestigation() throws {
        let asked = try Self.plan(Self.situation(.investigation), to: .awaitingInfo)
        #expect(asked.after.infoRequests == 1)
        let answered = try Self.plan(asked.after, to: .investigation)
        #expect(Clocks(answered.clocks) == Clocks(met: [.infoResponse], resumed: [.investigation]))
        #expect(answered.notices.isEmpty)
    }

    @Test("mediation out of an investigation pauses it; leaving mediation resumes it")
    func mediationPausesInvestigation() throws {
        let offered = try Self.plan(Self.situation(.investigation), to: .mediation)
        let back = try Self.plan(offered.after, to: .investigation)
        #expect(Clocks(back.clocks) == Clocks(met: [.mediationAcceptance], resumed: [.investigation]))
        let settled = try Self.plan(offered.after, to: .decided)
        #expect(
            Clocks(settled.clocks)
                == Clocks(started: [.respondentReply], met: [.mediationAcceptance], resumed: [.investigation]))
    }

    @Test("closing records the outcome and instant; reopening clears both")
    func outcomeOnReopen() throws {
        let closed = try Self.plan(Self.situation(.decided), to: .closed)
        #expect(closed.after.outcome == .upheld)
        #expect(closed.after.closedAt == Self.instant)
        for target in [CaseState.triage, .investigation] {
            let reopened = try Self.plan(closed.after, to: target)
            #expect(reopened.after.outcome == nil)
            #expect(reopened.after.closedAt == nil)
            #expect(reopened.permission == .reopenCase)
            #expect(reopened.event.data["reason"] == .string("review request upheld"))
        }
    }

    @Test("notices go to the complainant and a copy to the representative, each as NoticeRouting says")
    func noticeAddresses() throws {
        var situation = Self.situation(.received)
        situation.language = "ko"
        situation.complainant = NoticeContact(email: "c@example.org", prefersPost: true, language: nil)
        situation.representative = NoticeContact(email: "r@example.org", prefersPost: false, language: "en")
        let plan = try Self.plan(situation, to: .triage)
        #expect(
            plan.notices.first?.addresses == [
                NoticeAddress(audience: .complainant, recipient: nil, channel: .post, language: "ko"),
                NoticeAddress(audience: .representative, recipient: nil, channel: .email, language: "en"),
            ])
    }

    @Test("notices name the due dates they carry, and the request's text")
    func noticeData() throws {
        let acknowledged = try Self.plan(Self.situation(.received), to: .triage)
        #expect(acknowledged.notices.first?.dueDates == ["triage_due_date": .triage])
        let asked = try Self.plan(Self.situation(.triage), to: .awaitingInfo)
        #expect(asked.notices.first?.dueDates == ["due_date": .infoResponse])
        #expect(asked.notices.first?.data["requested"] == .string("the tenancy agreement"))
        #expect(asked.event.data["requested"] == .string("the tenancy agreement"))
        let routed = try Self.plan(Self.situation(.triage), to: .mediation)
        #expect(routed.notices.first?.dueDates == ["next_due_date": .mediationAcceptance])
        #expect(routed.notices.first?.data["route"] == .string("mediation"))
    }

    @Test("permissions: acknowledging is intake's, reopening a supervisor's, the rest case work")
    func permissions() {
        #expect(Lifecycle.permission(from: .received, to: .triage) == .acknowledge)
        #expect(Lifecycle.permission(from: .closed, to: .triage) == .reopenCase)
        #expect(Lifecycle.permission(from: .triage, to: .investigation) == .workCase)
        #expect(Lifecycle.permission(from: .received, to: .closed) == .workCase)
        #expect(Lifecycle.intakePermission == .openCase)
    }

    @Test("intake starts acknowledge, triage and complainant_update at receipt and records them in case_opened")
    func intake() throws {
        let calendar = try WorkCalendar(timeZone: "UTC")
        let opening = Lifecycle.Opening(
            reference: "HRC-2026-000042", receivedAt: Self.instant, channel: "web", urgent: false, confidential: true,
            lateFiling: false, lateFilingReason: "ignored when not late", respondent: "Housing Department",
            categories: ["housing"])
        let plan = Lifecycle.open(opening, policy: Self.policy, calendar: calendar)
        #expect(plan.permission == .openCase)
        #expect(Clocks(plan.clocks) == Clocks(started: [.acknowledge, .triage, .complainantUpdate]))
        #expect(plan.after.state == .received)
        #expect(plan.event.kind == "case_opened")
        #expect(plan.event.data["reference"] == .string("HRC-2026-000042"))
        #expect(plan.event.data["late_filing_reason"] == .null)
        // Monday 16 March 2026: 3 working days → Thursday 19th, 10 → Monday 30th, 20 → Monday 13 April.
        #expect(
            plan.event.data["clocks"]
                == .array([
                    .object(["kind": .string("acknowledge"), "due_date": .string("2026-03-19")]),
                    .object(["kind": .string("triage"), "due_date": .string("2026-03-30")]),
                    .object(["kind": .string("complainant_update"), "due_date": .string("2026-04-13")]),
                ]))
    }

    @Test("a notice to the complainant meets the update clock and starts it again, paused if it was")
    func complainantUpdated() {
        var situation = Self.situation(.investigation)
        situation.liveClocks.append(LiveClock(.complainantUpdate))
        #expect(
            Lifecycle.complainantUpdated(situation, policy: Self.policy, at: Self.instant, on: Self.date) == [
                .end(.complainantUpdate, on: Self.date), .start(.complainantUpdate, at: Self.instant),
            ])
        situation = Self.situation(.onHold)
        situation.liveClocks.append(LiveClock(.complainantUpdate, pausedBy: "on_hold"))
        let paused = ClockEffect(.pause(from: Self.date, reason: "on_hold"), .complainantUpdate)
        #expect(
            Lifecycle.complainantUpdated(situation, policy: Self.policy, at: Self.instant, on: Self.date) == [
                .end(.complainantUpdate, on: Self.date), .start(.complainantUpdate, at: Self.instant), paused,
            ])
        // A case on hold with none (opened before the clock ran) starts one that stands still.
        #expect(
            Lifecycle.complainantUpdated(Self.situation(.onHold), policy: Self.policy, at: Self.instant, on: Self.date)
                == [.start(.complainantUpdate, at: Self.instant), paused])
        #expect(
            Lifecycle.complainantUpdated(Self.situation(.closed), policy: Self.policy, at: Self.instant, on: Self.date)
                .isEmpty)
    }
}

/// The one routing rule of notices (SPEC §3.4).
@Suite("Notice routing")
struct NoticeRoutingTests {
    @Test(
        "email when there is an address and post is not preferred, else post; the representative gets a copy; the address is read when rendering",
        arguments: [nil, "c@example.org"], [false, true])
    func complainantRouting(email: String?, prefersPost: Bool) {
        let complainant = NoticeContact(email: email, prefersPost: prefersPost, language: nil)
        for representative in [nil, NoticeContact(email: "r@example.org", prefersPost: false, language: "ko")] {
            let addresses = NoticeRouting.complainantAddresses(
                complainant: complainant, representative: representative, caseLanguage: "en")
            let byEmail = email != nil && !prefersPost
            #expect(
                addresses.first
                    == NoticeAddress(
                        audience: .complainant, recipient: nil, channel: byEmail ? .email : .post,
                        language: "en"))
            #expect(addresses.count == (representative == nil ? 1 : 2))
            if representative != nil {
                #expect(
                    addresses.last
                        == NoticeAddress(
                            audience: .representative, recipient: nil, channel: .email, language: "ko"))
            }
        }
    }

    @Test(
        "staff are written to by email; bodies by email when their address is known", arguments: NoticeAudience.allCases
    )
    func audiences(_ audience: NoticeAudience) {
        let channel = NoticeRouting.channel(for: audience, email: nil, prefersPost: false)
        #expect(channel == (audience.isStaff ? .email : .post))
        #expect(NoticeRouting.channel(for: audience, email: "x@example.org", prefersPost: false) == .email)
    }
}
