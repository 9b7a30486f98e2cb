public import Foundation
import Postgres
import RedressCore

/// The clock rules of SPEC §2.3 as changes to a case's stored clocks. Every due date and status
/// comes from RedressCore's `Clock`, `Policy` and `WorkCalendar`; nothing here counts days.
extension CaseRecord {
    /// The case as the lifecycle rules (`Lifecycle.move`) see it.
    var situation: CaseSituation {
        CaseSituation(
            state: state, outcome: outcome, closedAt: closedAt, infoRequests: infoRequests,
            liveClocks: clocks.filter(\.isLive).map {
                LiveClock($0.clock.kind, subject: $0.subject, pausedBy: $0.openPauseCause)
            },
            complainant: primaryComplainant?.noticeContact, representative: representative?.noticeContact,
            language: language)
    }

    /// Applies a lifecycle plan: the case's state, outcome, closing instant and information
    /// requests, and its clock effects; returns what it did to the clocks.
    mutating func apply(_ plan: LifecyclePlan, context: OfficeContext) throws -> ClockEffects {
        let effects = try apply(lifecycle: plan.clocks, context: context)
        state = plan.after.state
        outcome = plan.after.outcome
        closedAt = plan.after.closedAt
        infoRequests = plan.after.infoRequests
        return effects
    }

    /// Applies the clock effects of intake or a move, each to the live clock of its kind and
    /// subject: a start makes a clock under the policy in force on its start date; an end closes
    /// an open pause that day; a cancellation closes it too; a pause records the state that
    /// made it as its cause. Which clocks the effects name is the rule's business, not this.
    mutating func apply(lifecycle effects: [ClockEffect], context: OfficeContext) throws -> ClockEffects {
        var summary = ClockEffects()
        for effect in effects {
            if case let .start(instant, _, _) = effect.action {
                let policy = try context.policies.inForce(on: context.localDate(instant))
                guard let clock = effect.makeClock(policy: policy, calendar: context.calendar, urgent: urgent) else {
                    continue
                }
                clocks.append(StoredClock(id: nil, clock: clock, pauseCauses: [], subject: effect.subject))
                summary.started.append(effect.kind)
                continue
            }
            guard
                let index = clocks.lastIndex(where: {
                    $0.isLive && $0.clock.kind == effect.kind && $0.subject == effect.subject
                })
            else { continue }
            switch effect.action {
            case .start:
                continue
            case let .end(date):
                try clocks[index].clock.end(on: max(date, clocks[index].clock.startDate))
                closeCauses(index)
                summary.met.append(effect.kind)
            case let .cancel(date):
                if let open = clocks[index].clock.pauses.lastIndex(where: \.isOpen) {
                    clocks[index].clock.pauses[open].to = max(date, clocks[index].clock.pauses[open].from)
                }
                try clocks[index].clock.cancel(on: date)
                summary.cancelled.append(effect.kind)
            case let .pause(date, reason):
                guard !clocks[index].clock.isPaused else { continue }
                try clocks[index].clock.pause(from: max(date, clocks[index].clock.startDate), reason: reason)
                clocks[index].pauseCauses.append(reason)
                summary.paused.append(effect.kind)
            case let .resume(date):
                guard let from = clocks[index].clock.openPause?.from else { continue }
                try clocks[index].clock.resume(on: max(date, from))
                summary.resumed.append(effect.kind)
            }
            clocks[index].isDirty = true
        }
        return summary
    }

    /// A notice to the complainant's side was queued at `instant`: restarts the case's
    /// `complainant_update` clock (`Lifecycle.complainantUpdated`).
    mutating func complainantUpdated(at instant: Date, context: OfficeContext) throws -> ClockEffects {
        let date = context.localDate(instant)
        let policy = try context.policies.inForce(on: date)
        return try apply(
            lifecycle: Lifecycle.complainantUpdated(situation, policy: policy, at: instant, on: date), context: context)
    }

    /// Pauses the running (not paused) live clocks whose kinds are in `kinds`, from `date`.
    mutating func pauseClocks(_ kinds: Set<ClockKind>, from date: LocalDate, cause: String, reason: String) throws
        -> [ClockKind]
    {
        var paused: [ClockKind] = []
        for index in clocks.indices
        where clocks[index].isLive && kinds.contains(clocks[index].clock.kind) && !clocks[index].clock.isPaused {
            try clocks[index].clock.pause(from: max(date, clocks[index].clock.startDate), reason: reason)
            clocks[index].pauseCauses.append(cause)
            clocks[index].isDirty = true
            paused.append(clocks[index].clock.kind)
        }
        return paused
    }

    /// Resumes on `date` every live clock whose open pause has `cause`.
    mutating func resumeClocks(cause: String, on date: LocalDate, only kinds: Set<ClockKind>? = nil) throws
        -> [ClockKind]
    {
        var resumed: [ClockKind] = []
        for index in clocks.indices where clocks[index].isLive && clocks[index].openPauseCause == cause {
            if let kinds, !kinds.contains(clocks[index].clock.kind) { continue }
            let from = clocks[index].clock.openPause!.from
            try clocks[index].clock.resume(on: max(date, from))
            clocks[index].isDirty = true
            resumed.append(clocks[index].clock.kind)
        }
        return resumed
    }

    /// Grants an extension to the live clock of `kind` under the policy version the clock was
    /// made with; throws `PolicyError` when the rules refuse it.
    mutating func extendClock(
        _ kind: ClockKind, amount: Int, reason: String, actor: Actor, on date: LocalDate,
        consent: Bool, context: OfficeContext
    ) throws -> Clock {
        guard let index = clocks.lastIndex(where: { $0.clock.kind == kind && $0.isLive }) else {
            throw StoreError.noLiveClock(reference: reference, kind: kind)
        }
        let policy = try context.policies.requirePolicy(version: clocks[index].clock.policyVersion)
        try policy.grantExtension(
            to: &clocks[index].clock, amount: amount, reason: reason, by: actor.roles, login: actor.login,
            on: date, consent: consent, calendar: context.calendar)
        clocks[index].isDirty = true
        return clocks[index].clock
    }

    /// Keeps the pause causes in step with pauses that `Clock.end` closed.
    private mutating func closeCauses(_ index: Int) {
        while clocks[index].pauseCauses.count < clocks[index].clock.pauses.count {
            clocks[index].pauseCauses.append("manual")
        }
    }
}

extension CaseStore {
    /// Restarts the `complainant_update` clock of each case of `updates` from the instant its
    /// complainant's side was written to, by a path that writes many cases (the sweep, a
    /// calendar change, the backfill of `db migrate`) and records each in its history in the
    /// same transaction; statuses as of `asOf`. Returns what it did, by case.
    @discardableResult
    func complainantUpdated(_ updates: [(caseID: Int, at: Date)], asOf: LocalDate, context: OfficeContext) throws
        -> [Int: ClockEffects]
    {
        var done: [Int: ClockEffects] = [:]
        // Loaded and written a thousand cases at a time: a sweep restarts thousands.
        for start in stride(from: 0, to: updates.count, by: 1_000) {
            let chunk = updates[start..<min(start + 1_000, updates.count)]
            let at = Dictionary(chunk.map { ($0.caseID, $0.at) }, uniquingKeysWith: { first, _ in first })
            let ids = PostgresTextArray(at.keys.map(String.init))
            var cases: [(caseID: Int, clocks: [StoredClock])] = []
            for var record in try loadAll(where: "cc.id = ANY (\(ids)::bigint[]) ORDER BY cc.id", liveClocksOnly: true)
            {
                done[record.id] = try record.complainantUpdated(at: at[record.id]!, context: context)
                cases.append((record.id, record.clocks))
            }
            try ClockWriter(connection: connection).save(&cases, calendar: context.calendar, asOf: asOf)
        }
        return done
    }

    /// Restarts the `complainant_update` clock of `record`, loaded in this transaction, from
    /// `instant`, and writes its clocks; statuses as of `asOf`.
    @discardableResult
    func complainantUpdated(_ record: inout CaseRecord, at instant: Date, asOf: LocalDate, context: OfficeContext)
        throws -> ClockEffects
    {
        let effects = try record.complainantUpdated(at: instant, context: context)
        try ClockWriter(connection: connection).save(
            &record.clocks, caseID: record.id, calendar: context.calendar, asOf: asOf)
        return effects
    }

    /// Starts the `complainant_update` clock of each open case that has none (opened before
    /// Redress ran it) from the last notice queued to its complainant's side, or else from
    /// receipt, each recorded in the case's history by `login`. Run by `db migrate`; a second
    /// run finds nothing to do.
    public func startMissingUpdateClocks(login: String, at instant: Date) throws {
        let missing = try connection.query(
            """
            SELECT c.id, greatest(c.received_at, (SELECT max(n.created_at) FROM notice n
                WHERE n.case_id = c.id AND n.audience IN ('complainant', 'representative')))
            FROM complaint_case c
            WHERE c.state <> 'closed'
              AND NOT EXISTS (SELECT 1 FROM clock k WHERE k.case_id = c.id AND k.kind = 'complainant_update')
            ORDER BY c.id
            """
        ).map { (caseID: try $0.decode(Int.self, at: 0), at: try $0.decode(Date.self, at: 1)) }
        guard !missing.isEmpty else { return }
        let context = try OfficeContext.load(connection, lock: .share)
        let started = try complainantUpdated(missing, asOf: context.localDate(instant), context: context)
        let log = AuditLog(connection)
        for update in missing {
            try log.record(
                caseID: update.caseID, actor: login, at: instant, kind: "update_clock_backfilled",
                data: [
                    "from": .string(context.localDate(update.at).iso),
                    "clocks": (started[update.caseID] ?? ClockEffects()).json,
                ])
        }
    }
}
