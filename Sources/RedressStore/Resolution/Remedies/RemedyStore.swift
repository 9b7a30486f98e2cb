public import Foundation
public import Postgres
public import RedressCore

/// Remedy items (SPEC §2.5): adding them by hand, the respondent's acceptance or rejection,
/// progress, evidence and the office's verification, each with its clocks, audit row and notices.
///
/// When the last proposed item is answered the `respondent_reply` clock ends; a decided case
/// then moves to `remedy`, and a case whose items are all finished closes by itself with its
/// decision's outcome.
public struct RemedyStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The states in which items may be added by hand.
    public static let addableStates: [CaseState] = [.decided, .remedy]

    /// Adds an item to a decided case or one in remedy: proposed (the respondent answers it), or
    /// already `accepted` when agreed; `supersedes` names an item it replaces.
    public func add(
        reference: String, spec: RemedySpec, accepted: Bool = false, supersedes: Int? = nil,
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> (change: CaseChange, number: Int) {
        try TextField.checkLong("remedy", spec.text)
        try TextField.checkLong("responsible body", spec.body)
        var number = 0
        let change = try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor,
            permission: .workCase, at: instant
        ) { record, context, date in
            guard Self.addableStates.contains(record.state) else {
                throw ResolutionError.wrongState(
                    action: "take new remedy items", state: record.state, needed: Self.addableStates)
            }
            var items = try RemedyRecord.all(connection, caseID: record.id)
            number = (items.map(\.number).max() ?? 0) + 1
            var effects = ClockEffects()
            var data: [String: JSONValue] = ["number": .int(number)]
            data.merge(Self.describe(spec), uniquingKeysWith: { $1 })
            if let old = supersedes {
                guard let index = items.firstIndex(where: { $0.number == old }) else {
                    throw ResolutionError.remedyNotFound(old)
                }
                let clockEffects = try items[index].item.perform(
                    .supersede, at: instant, calendar: context.calendar, text: "replaced by item \(number)")
                effects.absorb(try record.applyResolution(clockEffects, context: context))
                items[index].reason = "replaced by item \(number)"
                items[index].supersededBy = number
                try items[index].save(connection)
                data["supersedes"] = .int(old)
            }
            let decisionID = try DecisionStore.latest(connection, caseID: record.id)?.id
            let id = try RemedyRecord.insert(
                connection, record: record, number: number, spec: spec, state: .proposed,
                decisionID: decisionID, actor: actor, at: instant)
            var notices: [NoticeRequest] = []
            var added = try RemedyRecord.all(connection, caseID: record.id).first { $0.id == id }!
            if accepted {
                effects.absorb(
                    try Self.accept(&added, due: nil, record: &record, context: context, at: instant, notices: &notices)
                )
                try added.save(connection)
            }
            items.append(added)
            let moved = try Self.settle(
                &record, items: items, context: context, at: instant, date: date, effects: &effects, notices: &notices,
                store: CaseStore(connection))
            data["state"] = .string(added.state.rawValue)
            if let moved { data["case_moved_to"] = .string(moved.rawValue) }
            return ("remedy_added", data, effects, notices)
        }
        return (change, number)
    }

    /// The respondent accepts item `number`: its remedy clock starts, by the item's scale or to
    /// `due` (or the item's own due date) when set by hand; a reminder of what is due by when is
    /// queued to the respondent.
    public func accept(
        reference: String, number: Int, due: LocalDate? = nil, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try itemChange(
            reference: reference, number: number, kind: "remedy_accepted", actor: actor, at: instant,
            expectVersion: expectVersion
        ) {
            item, record, context, _, notices in
            try Self.accept(&item, due: due, record: &record, context: context, at: instant, notices: &notices)
        }
    }

    /// The respondent rejects item `number`, with reasons.
    public func reject(
        reference: String, number: Int, reason: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try perform(
            .reject, reference: reference, number: number, text: reason, actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// Progress on item `number` is reported; an accepted item is then in progress.
    public func progress(
        reference: String, number: Int, note: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try perform(
            .progress, reference: reference, number: number, text: note, actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// Evidence of implementation of item `number` is received: the remedy clock ends and the
    /// office's verification clock (10 working days) starts.
    public func evidence(
        reference: String, number: Int, description: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try perform(
            .evidence, reference: reference, number: number, text: description, actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// The office's verdict on item `number`: verified (on time or late), partial, or not
    /// implemented (the only verdict that needs no evidence, and needs reasons).
    public func verify(
        reference: String, number: Int, result: RemedyAction = .verify, reason: String? = nil,
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard [.verify, .verifyPartial, .notImplemented].contains(result) else {
            throw StoreError.invalid("A verification records verified, partial or not_implemented, not \(result).")
        }
        return try perform(
            result, reference: reference, number: number, text: reason, actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// Replaces or drops item `number`, with reasons.
    public func supersede(
        reference: String, number: Int, reason: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try perform(
            .supersede, reference: reference, number: number, text: reason, actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// Refuses closing `record` by hand with `outcome` while any of its items is open, unless it
    /// closes as withdrawn (then its open items are superseded, by the database's rule).
    func checkClosing(_ record: CaseRecord, outcome: Outcome) throws {
        let items = try RemedyRecord.all(connection, caseID: record.id)
        try RemedyLedger.checkClosing(outcome: outcome, items: items.map { (number: $0.number, state: $0.state) })
    }

    // MARK: Internals

    private func perform(
        _ action: RemedyAction, reference: String, number: Int, text: String?, actor: Actor,
        at instant: Date, expectVersion: Int?
    ) throws -> CaseChange {
        try TextField.checkLong("text", text)
        return try itemChange(
            reference: reference, number: number, kind: Self.auditKind(action), actor: actor, at: instant,
            expectVersion: expectVersion
        ) {
            item, record, context, date, _ in
            let remedyClock = record.latestClock(.remedy, subject: number)?.clock
            let status = remedyClock?.status(asOf: date, calendar: context.calendar)
            let effects = try item.item.perform(
                action, at: instant, calendar: context.calendar, text: text, remedyClockStatus: status)
            let words = text?.trimmingCharacters(in: .whitespacesAndNewlines)
            switch action {
            case .reject, .notImplemented, .supersede:
                item.reason = words
            case .progress, .evidence:
                try item.addEntry(
                    connection, kind: action == .progress ? "progress" : "evidence", text: words ?? "", at: instant,
                    on: date, actor: actor)
            case .verify, .verifyPartial:
                if let words, !words.isEmpty {
                    try item.addEntry(connection, kind: "progress", text: words, at: instant, on: date, actor: actor)
                }
            case .accept:
                break
            }
            if action == .reject { item.answeredAt = instant }
            if [.verify, .verifyPartial, .notImplemented].contains(action) { item.verifiedAt = instant }
            return try record.applyResolution(effects, context: context)
        }
    }

    /// Loads the case's items, lets `body` change item `number`, saves it, settles the case
    /// (reply clock, automatic moves) and records one audit row.
    private func itemChange(
        reference: String, number: Int, kind: String, actor: Actor, at instant: Date, expectVersion: Int?,
        _ body: (inout RemedyRecord, inout CaseRecord, OfficeContext, LocalDate, inout [NoticeRequest]) throws ->
            ClockEffects
    ) throws -> CaseChange {
        try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor,
            permission: .workCase, at: instant
        ) { record, context, date in
            var items = try RemedyRecord.all(connection, caseID: record.id)
            guard let index = items.firstIndex(where: { $0.number == number }) else {
                throw ResolutionError.remedyNotFound(number)
            }
            let before = items[index].state
            var notices: [NoticeRequest] = []
            var effects = try body(&items[index], &record, context, date, &notices)
            try items[index].save(connection)
            let moved = try Self.settle(
                &record, items: items, context: context, at: instant, date: date, effects: &effects,
                notices: &notices, store: CaseStore(connection))
            var data: [String: JSONValue] = [
                "number": .int(number), "from": .string(before.rawValue), "to": .string(items[index].state.rawValue),
            ]
            if let reason = items[index].reason, items[index].state.isTerminal { data["reason"] = .string(reason) }
            if let late = items[index].item.late { data["late"] = .bool(late) }
            if let moved { data["case_moved_to"] = .string(moved.rawValue) }
            return (kind, data, effects, notices)
        }
    }

    /// Accepts `item` at `instant`, starting its remedy clock, and queues the reminder to the respondent.
    static func accept(
        _ item: inout RemedyRecord, due: LocalDate?, record: inout CaseRecord, context: OfficeContext,
        at instant: Date, notices: inout [NoticeRequest]
    ) throws -> ClockEffects {
        if let due { item.item.spec.dueOn = due }
        let effects = try item.item.perform(.accept, at: instant, calendar: context.calendar)
        item.answeredAt = instant
        let summary = try record.applyResolution(effects, context: context)
        let dueDate = record.liveClock(.remedy, subject: item.number)?.clock.dueDate(on: context.calendar)
        notices.append(
            record.respondentNotice(
                kind: "remedy_reminder",
                data: [
                    "remedies": [
                        [
                            "number": .int(item.number), "kind": .string(item.item.spec.kind.rawValue),
                            "description": .string(item.item.spec.text), "due_date": .text(dueDate?.iso),
                        ]
                    ]
                ]))
        return summary
    }

    /// After items changed: ends `respondent_reply` once no item awaits the respondent's answer,
    /// and makes the automatic move (`decided` → `remedy`, or → `closed` when every item is
    /// finished); returns the state moved to, if any.
    static func settle(
        _ record: inout CaseRecord, items: [RemedyRecord], context: OfficeContext, at instant: Date, date: LocalDate,
        effects: inout ClockEffects, notices: inout [NoticeRequest], store: CaseStore
    ) throws -> CaseState? {
        let states = items.map(\.state)
        if !states.isEmpty, RemedyLedger.replyComplete(states), record.state == .decided {
            effects.absorb(try record.applyResolution([.end(.respondentReply, on: date)], context: context))
        }
        guard let target = RemedyLedger.automaticMove(from: record.state, items: states) else { return nil }
        // The move the lifecycle plans, keeping the decision's outcome when the case closes; the
        // remedy event that caused it is the audit row.
        let reason = "every remedy item is finished"
        let data = target == .closed ? MoveData(outcome: record.outcome, reason: reason) : MoveData()
        let plan = try Lifecycle.move(
            record.situation, to: target, data: data, policy: try context.policies.inForce(on: date),
            at: instant, on: date)
        effects.absorb(try record.apply(plan, context: context))
        for var planned in plan.notices {
            planned.data["closure_reasons"] = .string(reason)
            notices += store.notices(planned, for: record, context: context)
        }
        return target
    }

    static func describe(_ spec: RemedySpec) -> [String: JSONValue] {
        var data: [String: JSONValue] = [
            "kind": .string(spec.kind.rawValue), "class": .string(spec.remedyClass.rawValue),
            "scale": .string(spec.scale.rawValue),
            "description": .string(spec.text),
        ]
        if let amount = spec.amount {
            data["amount"] = ["amount": .string(amount.amount), "currency": .string(amount.currency)]
        }
        if let due = spec.dueOn { data["due_on"] = .string(due.iso) }
        if let body = spec.body { data["body"] = .string(body) }
        return data
    }

    static func auditKind(_ action: RemedyAction) -> String {
        switch action {
        case .accept: return "remedy_accepted"
        case .reject: return "remedy_rejected"
        case .progress: return "remedy_progress"
        case .evidence: return "remedy_evidence"
        case .verify: return "remedy_verified"
        case .verifyPartial: return "remedy_partial"
        case .notImplemented: return "remedy_not_implemented"
        case .supersede: return "remedy_superseded"
        }
    }
}
