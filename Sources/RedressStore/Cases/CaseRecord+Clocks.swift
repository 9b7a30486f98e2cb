import Foundation
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
