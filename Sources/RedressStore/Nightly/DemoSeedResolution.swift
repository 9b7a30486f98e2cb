import Foundation
import Postgres
import RedressCore

/// The resolution records of a demo case (mediation, investigation, decision, remedy items),
/// made in memory by the rules the stores apply (`MediationStore`, `DecisionStore`,
/// `RemedyStore`), with the audit rows those commands write.
struct DemoResolution {
    struct MediationRow {
        var id: Int
        var mediation: Mediation
        var offeredBy: String
        var endedAt: Date?
        var endReason: String?
        /// Who recorded each answer, and when.
        var answeredBy: [DisputeParty: (login: String, at: Date)] = [:]
        /// Who recorded each session.
        var sessionRecorders: [String] = []
    }

    struct InvestigationRow {
        var firstResponseAt: Date?
        var firstResponseOn: LocalDate?
        var findings: String?
        var findingsAt: Date?
        var findingsBy: String?
    }

    struct DecisionRow {
        var id: Int
        var decision: Decision
        var issuedOn: LocalDate
        var issuedBy: String
    }

    struct ItemRow {
        var id: Int
        var decisionID: Int
        var item: RemedyItem
        var reason: String?
        var createdAt: Date
        var createdBy: String
        var answeredAt: Date?
        var verifiedAt: Date?
        var updatedAt: Date
        var entries: [RemedyEntry] = []

        var number: Int { item.number }
        var state: RemedyState { item.state }
    }

    struct ArbitrationRow {
        var id: Int
        var arbitration = Arbitration()
        var consentedAt: [DisputeParty: (login: String, at: Date)] = [:]
        var appointedAt: Date?
        var hearingRecorders: [String] = []
        var hearingClosedAt: Date?
        var awardedAt: Date?
    }

    var mediations: [MediationRow] = []
    var arbitration: ArbitrationRow?
    var investigation: InvestigationRow?
    var decisions: [DecisionRow] = []
    var items: [ItemRow] = []
}

/// Ids taken from the sequences for a batch, handed out in case order.
struct DemoIDPool {
    var mediations: [Int]
    var arbitrations: [Int]
    var decisions: [Int]
    var items: [Int]

    mutating func take(_ list: WritableKeyPath<DemoIDPool, [Int]>) -> Int {
        self[keyPath: list].removeFirst()
    }
}

/// One audit row's kind and data, before its version, and the notices its change queued.
typealias DemoRecorded = (kind: String, data: [String: JSONValue], notices: [NoticeRequest])

extension DemoSeedLoader {
    /// The words of the demo's remedy steps.
    enum Words {
        static let evidence = "The respondent sent records showing what was done."
        static let rejected = "The respondent considers the remedy outside its powers."
        static let notImplemented = "No evidence of implementation was received after reminders."
    }

    /// What a change records besides its own data, as `CaseStore.change` does: the clock effects
    /// (with the update clock restarted when a notice goes to the complainant's side).
    func finish(
        _ record: inout CaseRecord, _ kind: String, _ data: [String: JSONValue], effects: ClockEffects,
        notices: [NoticeRequest], at instant: Date
    ) throws -> DemoRecorded {
        var effects = effects
        if notices.contains(where: { [.complainant, .representative].contains($0.audience) }) {
            effects.absorb(try record.complainantUpdated(at: instant, context: context))
        }
        var data = data
        if effects != ClockEffects() { data["clocks"] = effects.json }
        return (kind, data, notices)
    }

    var store: CaseStore { CaseStore(connection) }

    /// `MediationStore.offer`: the move to mediation, then the offer's own row.
    func offerMediation(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, ids: inout DemoIDPool, mediator: String,
        by login: String, at instant: Date, on date: LocalDate
    ) throws -> [DemoRecorded] {
        let plan = try Mediation.offer(
            caseState: record.state, latest: resolution.mediations.last?.mediation, at: instant,
            policy: try context.policies.inForce(on: date), calendar: context.calendar)
        var recorded: [DemoRecorded] = []
        if let to = plan.move {
            recorded.append(try move(&record, &resolution, Move(from: record.state, to: to), at: instant, on: date))
        }
        let effects = try record.applyResolution(plan.effects, context: context)
        let id = ids.take(\.mediations)
        resolution.mediations.append(
            DemoResolution.MediationRow(
                id: id, mediation: Mediation(offeredAt: instant, calendar: context.calendar, mediator: mediator),
                offeredBy: login))
        let due = MediationStore.acceptanceDue(record, context: context)
        recorded.append(
            try finish(
                &record, "mediation_offered",
                ["mediation_id": .int(id), "mediator": .string(mediator), "acceptance_due_date": .text(due?.iso)],
                effects: effects,
                notices: store.partyNotices(
                    record, kind: "mediation_offer", data: ["acceptance_due_date": .text(due?.iso)]),
                at: instant))
        return recorded
    }

    /// `MediationStore.answer`.
    func answerMediation(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, party: DisputeParty, accepts: Bool,
        by login: String, at instant: Date
    ) throws -> DemoRecorded {
        var row = resolution.mediations.removeLast()
        let due = MediationStore.acceptanceDue(record, context: context)
        let effects = try record.applyResolution(
            try row.mediation.answer(
                party, accepts: accepts, at: instant, calendar: context.calendar, acceptanceDue: due),
            context: context)
        row.answeredBy[party] = (login, instant)
        var data: [String: JSONValue] = [
            "party": .string(party.rawValue), "status": .string(row.mediation.status.rawValue),
            "mediation_id": .int(row.id),
        ]
        if row.mediation.status == .underway {
            data["mediation_due_date"] = .text(
                record.liveClock(.mediation, subject: nil)?.clock.dueDate(on: context.calendar)?.iso)
        }
        let notices =
            row.mediation.status == .declined
            ? store.partyNotices(
                record, kind: "mediation_outcome",
                data: [
                    "outcome": "declined", "settled": false, "declined_by": .string(party.rawValue), "terms": [],
                    "next_route": nil,
                ]) : []
        resolution.mediations.append(row)
        return try finish(
            &record, accepts ? "mediation_accepted" : "mediation_declined", data, effects: effects, notices: notices,
            at: instant)
    }

    /// `MediationStore.addSession`, recorded as it is held.
    func mediationSession(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, place: String, mediator: String,
        by login: String, at instant: Date
    ) throws -> DemoRecorded {
        var row = resolution.mediations.removeLast()
        try row.mediation.addSession(at: instant, place: place, mediator: mediator, calendar: context.calendar)
        row.sessionRecorders.append(login)
        resolution.mediations.append(row)
        return try finish(
            &record, "mediation_session",
            [
                "held_at": .string(CaseStore.isoInstant(instant)), "place": .string(row.mediation.sessions.last!.place),
                "mediator": .string(mediator), "mediation_id": .int(row.id),
            ], effects: ClockEffects(), notices: [], at: instant)
    }

    /// `MediationStore.fail` (its move to investigation is the next step).
    func failMediation(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, reason: String, then next: CaseState,
        at instant: Date
    ) throws -> DemoRecorded {
        var row = resolution.mediations.removeLast()
        let effects = try record.applyResolution(
            try row.mediation.end(.failed, at: instant, calendar: context.calendar), context: context)
        row.endReason = reason
        row.endedAt = instant
        resolution.mediations.append(row)
        return try finish(
            &record, "mediation_failed",
            [
                "outcome": .string(MediationOutcome.failed.rawValue), "reason": .string(reason),
                "then": .string(next.rawValue), "mediation_id": .int(row.id),
            ], effects: effects,
            notices: store.partyNotices(
                record, kind: "mediation_outcome",
                data: [
                    "outcome": .string(MediationOutcome.failed.rawValue), "settled": false, "terms": [],
                    "next_route": .string(next.rawValue),
                ]),
            at: instant)
    }

    /// `MediationStore.leaving`, for a lifecycle move out of mediation: an unanswered offer that
    /// ran out is deemed declined, an open mediation ends as failed (or withdrawn when the case
    /// closes). Returns the clock effects and the `mediation_outcome` notices to both parties.
    func leaveMediation(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, to target: CaseState, at instant: Date,
        on date: LocalDate
    ) throws -> (ClockEffects, [NoticeRequest]) {
        guard target != .decided, var row = resolution.mediations.popLast() else { return (ClockEffects(), []) }
        defer { resolution.mediations.append(row) }
        var effects = row.mediation.lapse(
            asOf: date, acceptanceDue: MediationStore.acceptanceDue(record, context: context))
        if !row.mediation.status.isOver {
            effects += try row.mediation.end(
                target == .closed ? .withdrawn : .failed, at: instant, calendar: context.calendar)
            row.endReason = "the case moved to \(target)"
            row.endedAt = instant
        }
        guard !effects.isEmpty else { return (ClockEffects(), []) }
        let summary = try record.applyResolution(effects, context: context)
        var data: [String: JSONValue] = [
            "outcome": .string(row.mediation.status.rawValue), "settled": false, "terms": [],
            "next_route": target == .closed ? nil : .string(target.rawValue),
        ]
        if let deemed = DisputeParty.allCases.first(where: { row.mediation.answers[$0]?.deemed == true }) {
            data["declined_by"] = .string(deemed.rawValue)
            data["deemed"] = true
        }
        return (summary, store.partyNotices(record, kind: "mediation_outcome", data: data))
    }

    /// `ArbitrationStore.consent`: with both consents the mediation is left, the investigation's
    /// clocks are cancelled and the case moves to arbitration (a second audit row).
    func consentToArbitration(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, ids: inout DemoIDPool, party: DisputeParty,
        by login: String, at instant: Date, on date: LocalDate
    ) throws -> [DemoRecorded] {
        var row = resolution.arbitration ?? DemoResolution.ArbitrationRow(id: ids.take(\.arbitrations))
        try row.arbitration.consent(party, at: instant, calendar: context.calendar)
        row.consentedAt[party] = (login, instant)
        resolution.arbitration = row
        var effects = ClockEffects()
        var notices: [NoticeRequest] = []
        let both = row.arbitration.hasBothConsents && record.state == .mediation
        if both {
            let left = try leaveMediation(&record, &resolution, to: .arbitration, at: instant, on: date)
            effects.absorb(left.0)
            notices += left.1
            effects.absorb(
                try record.applyResolution(
                    try Arbitration.entryEffects(at: instant, calendar: context.calendar), context: context))
        }
        var recorded = [
            try finish(
                &record, "arbitration_consented",
                ["party": .string(party.rawValue), "both_consented": .bool(row.arbitration.hasBothConsents)],
                effects: effects, notices: notices, at: instant)
        ]
        if both {
            recorded.append(
                try move(&record, &resolution, Move(from: record.state, to: .arbitration), at: instant, on: date))
        }
        return recorded
    }

    /// `ArbitrationStore.appoint`, `addHearing` and `closeHearing`.
    func arbitrationStep(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, _ action: DemoAction, by login: String,
        at instant: Date
    ) throws -> DemoRecorded {
        var row = resolution.arbitration!
        defer { resolution.arbitration = row }
        switch action {
        case let .arbitratorsAppointed(names):
            let effects = try record.applyResolution(
                try row.arbitration.appoint(names, at: instant, calendar: context.calendar), context: context)
            row.appointedAt = instant
            let due = record.liveClock(.arbitrationOverall, subject: nil)?.clock.dueDate(on: context.calendar)
            return try finish(
                &record, "arbitrators_appointed",
                ["arbitrators": .array(names.map(JSONValue.string)), "arbitration_overall_due_date": .text(due?.iso)],
                effects: effects, notices: [], at: instant)
        case let .arbitrationHearing(heldAt, place):
            try row.arbitration.addHearing(at: heldAt, place: place)
            row.hearingRecorders.append(login)
            let held = row.arbitration.hearings.last!
            return try finish(
                &record, "hearing_scheduled",
                ["held_at": .string(CaseStore.isoInstant(heldAt)), "place": .string(held.place)],
                effects: ClockEffects(),
                notices: store.partyNotices(
                    record, kind: "hearing_notice",
                    data: [
                        "hearing_at": .string(CaseStore.isoInstant(heldAt)), "hearing_place": .string(held.place),
                        "arbitrators": .array(row.arbitration.arbitrators.map(JSONValue.string)),
                    ]),
                at: instant)
        default:
            let effects = try record.applyResolution(
                try row.arbitration.closeHearing(at: instant, calendar: context.calendar), context: context)
            row.hearingClosedAt = instant
            let due = record.liveClock(.arbitrationAward, subject: nil)?.clock.dueDate(on: context.calendar)
            return try finish(
                &record, "hearing_closed", ["arbitration_award_due_date": .text(due?.iso)], effects: effects,
                notices: [], at: instant)
        }
    }

    /// `DecisionStore.decide`, `MediationStore.settle` or `ArbitrationStore.award`: the move to
    /// decided, then the decision, its items, its clocks and any automatic move.
    func decide(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, ids: inout DemoIDPool, _ demo: DemoDecision,
        by login: String, at instant: Date, on date: LocalDate
    ) throws -> [DemoRecorded] {
        let from = record.state
        var moveData = MoveData(outcome: demo.outcome)
        switch demo.kind {
        case .decision: break
        case .settlement: moveData.terms = demo.text
        case .award:
            moveData.awardText = demo.text
            moveData.binding = demo.binding
        }
        var recorded = [
            try move(&record, &resolution, Move(from: from, to: .decided, data: moveData), at: instant, on: date)
        ]
        var effects = ClockEffects()
        var notices: [NoticeRequest] = []
        var extra: [String: JSONValue] = [:]
        switch demo.kind {
        case .decision:
            var investigation = Investigation()
            investigation.firstResponseOn = resolution.investigation?.firstResponseOn
            effects.absorb(try record.applyResolution(investigation.closingEffects(on: date), context: context))
            var row = resolution.investigation ?? DemoResolution.InvestigationRow()
            row.findings = demo.text
            row.findingsAt = instant
            row.findingsBy = login
            resolution.investigation = row
        case .settlement:
            var row = resolution.mediations.removeLast()
            effects.absorb(
                try record.applyResolution(
                    try row.mediation.end(
                        .settled, at: instant, calendar: context.calendar, termCount: demo.items.count),
                    context: context))
            row.endedAt = instant
            resolution.mediations.append(row)
            extra["mediation_id"] = .int(row.id)
        case .award:
            var row = resolution.arbitration!
            effects.absorb(
                try record.applyResolution(
                    try row.arbitration.makeAward(
                        text: demo.text, binding: demo.binding ?? false, at: instant, calendar: context.calendar),
                    context: context))
            row.awardedAt = instant
            resolution.arbitration = row
            extra["arbitration_id"] = .int(row.id)
        }
        let decision = Decision(
            kind: demo.kind, outcome: demo.outcome, text: demo.text, binding: demo.binding, issuedAt: instant)
        effects.absorb(
            try record.applyResolution(
                try decision.issue(from: from, itemCount: demo.items.count, calendar: context.calendar),
                context: context))
        let decisionID = ids.take(\.decisions)
        resolution.decisions.append(
            DemoResolution.DecisionRow(id: decisionID, decision: decision, issuedOn: date, issuedBy: login))
        let first = (resolution.items.map(\.number).max() ?? 0) + 1
        var itemData: [JSONValue] = []
        for (offset, spec) in demo.items.enumerated() {
            var item = DemoResolution.ItemRow(
                id: ids.take(\.items), decisionID: decisionID, item: RemedyItem(number: first + offset, spec: spec),
                createdAt: instant, createdBy: login, updatedAt: instant)
            if decision.initialItemState == .accepted {
                effects.absorb(try accept(&item, record: &record, at: instant, notices: &notices))
            }
            resolution.items.append(item)
            itemData.append(
                DecisionStore.itemLetterData(spec, number: first + offset, record: record, context: context))
        }
        var data = DecisionStore.letterData(decision, items: itemData, record: record, context: context)
        notices += store.partyNotices(record, kind: "decision", data: data)
        let moved = try settle(&record, resolution, at: instant, on: date, effects: &effects, notices: &notices)
        if demo.kind == .settlement {
            notices =
                store.partyNotices(
                    record, kind: "mediation_outcome",
                    data: [
                        "outcome": "settled", "settled": true, "terms": data["remedies"] ?? [], "next_route": nil,
                    ]) + notices
        }
        data["decision_id"] = .int(decisionID)
        if let moved { data["case_moved_to"] = .string(moved.rawValue) }
        for (key, value) in extra { data[key] = value }
        let kind: String
        switch demo.kind {
        case .decision: kind = "decision_issued"
        case .settlement: kind = "settlement_recorded"
        case .award: kind = "award_made"
        }
        recorded.append(
            try finish(&record, kind, data, effects: effects, notices: notices, at: instant))
        return recorded
    }

    /// `RemedyStore.accept` for one item: its remedy clock starts; the reminder of what is due by
    /// when goes to the respondent.
    func accept(
        _ item: inout DemoResolution.ItemRow, record: inout CaseRecord, at instant: Date,
        notices: inout [NoticeRequest]
    ) throws -> ClockEffects {
        let effects = try item.item.perform(.accept, at: instant, calendar: context.calendar)
        item.answeredAt = instant
        item.updatedAt = instant
        let summary = try record.applyResolution(effects, context: context)
        let due = record.liveClock(.remedy, subject: item.number)?.clock.dueDate(on: context.calendar)
        notices.append(
            record.respondentNotice(
                kind: "remedy_reminder",
                data: [
                    "remedies": [
                        [
                            "number": .int(item.number), "kind": .string(item.item.spec.kind.rawValue),
                            "description": .string(item.item.spec.text), "due_date": .text(due?.iso),
                        ]
                    ]
                ]))
        return summary
    }

    /// `RemedyStore.accept`, `reject`, `evidence` and `verify`: one item changes, the case settles.
    func remedyStep(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, item number: Int, action: RemedyAction,
        by login: String, at instant: Date, on date: LocalDate
    ) throws -> DemoRecorded {
        guard let index = resolution.items.firstIndex(where: { $0.number == number }) else {
            throw ResolutionError.remedyNotFound(number)
        }
        var item = resolution.items[index]
        let before = item.state
        var effects: ClockEffects
        var notices: [NoticeRequest] = []
        if action == .accept {
            effects = try accept(&item, record: &record, at: instant, notices: &notices)
        } else {
            let text: String?
            switch action {
            case .reject: text = Words.rejected
            case .notImplemented: text = Words.notImplemented
            case .evidence: text = Words.evidence
            default: text = nil
            }
            let status = record.latestClock(.remedy, subject: number)?.clock.status(
                asOf: date, calendar: context.calendar)
            let clockEffects = try item.item.perform(
                action, at: instant, calendar: context.calendar, text: text, remedyClockStatus: status)
            switch action {
            case .reject, .notImplemented, .supersede: item.reason = text
            case .evidence:
                item.entries.append(
                    RemedyEntry(kind: "evidence", at: instant, on: date, text: text ?? "", recordedBy: login))
            default: break
            }
            if action == .reject { item.answeredAt = instant }
            if [.verify, .verifyPartial, .notImplemented].contains(action) { item.verifiedAt = instant }
            item.updatedAt = instant
            effects = try record.applyResolution(clockEffects, context: context)
        }
        resolution.items[index] = item
        let moved = try settle(&record, resolution, at: instant, on: date, effects: &effects, notices: &notices)
        var data: [String: JSONValue] = [
            "number": .int(number), "from": .string(before.rawValue), "to": .string(item.state.rawValue),
        ]
        if let reason = item.reason, item.state.isTerminal { data["reason"] = .string(reason) }
        if let late = item.item.late { data["late"] = .bool(late) }
        if let moved { data["case_moved_to"] = .string(moved.rawValue) }
        return try finish(
            &record, RemedyStore.auditKind(action), data, effects: effects, notices: notices, at: instant)
    }

    /// `RemedyStore.settle`: `respondent_reply` ends once every item is answered, and the case
    /// makes its automatic move (to `remedy`, or to `closed` with its decision's outcome).
    func settle(
        _ record: inout CaseRecord, _ resolution: DemoResolution, at instant: Date, on date: LocalDate,
        effects: inout ClockEffects, notices: inout [NoticeRequest]
    ) throws -> CaseState? {
        let states = resolution.items.map(\.state)
        if !states.isEmpty, RemedyLedger.replyComplete(states), record.state == .decided {
            effects.absorb(try record.applyResolution([.end(.respondentReply, on: date)], context: context))
        }
        guard let target = RemedyLedger.automaticMove(from: record.state, items: states) else { return nil }
        let data =
            target == .closed
            ? MoveData(outcome: record.outcome, reason: "every remedy item is finished") : MoveData()
        let plan = try Lifecycle.move(
            record.situation, to: target, data: data, policy: try context.policies.inForce(on: date), at: instant,
            on: date)
        effects.absorb(try record.apply(plan, context: context))
        for var planned in plan.notices {
            planned.data["closure_reasons"] = .string("every remedy item is finished")
            notices += store.notices(planned, for: record, context: context)
        }
        return target
    }
}
