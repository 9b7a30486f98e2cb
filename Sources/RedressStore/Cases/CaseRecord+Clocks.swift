import Foundation
import RedressCore

/// The clock rules of SPEC §2.3 as changes to a case's stored clocks. Every due date and status
/// comes from RedressCore's `Clock`, `Policy` and `WorkCalendar`; nothing here counts days.
extension CaseRecord {
    /// Starts a clock of `kind` at `instant` under the policy in force on its local date.
    @discardableResult
    mutating func startClock(_ kind: ClockKind, at instant: Date, context: OfficeContext) throws -> Clock {
        let date = context.localDate(instant)
        let policy = try context.policies.inForce(on: date)
        let clock = policy.makeClock(kind: kind, startInstant: instant, calendar: context.calendar, urgent: urgent)
        clocks.append(StoredClock(id: nil, clock: clock, pauseCauses: []))
        return clock
    }

    /// Ends the live clock of `kind` on `date`, if there is one; returns whether it did.
    @discardableResult
    mutating func meetClock(_ kind: ClockKind, on date: LocalDate) throws -> Bool {
        guard let index = clocks.lastIndex(where: { $0.clock.kind == kind && $0.subject == nil && $0.isLive }) else { return false }
        try clocks[index].clock.end(on: max(date, clocks[index].clock.startDate))
        closeCauses(index)
        clocks[index].isDirty = true
        return true
    }

    /// Cancels the live clock of `kind` on `date`, if there is one; returns whether it did.
    @discardableResult
    mutating func cancelClock(_ kind: ClockKind, on date: LocalDate) throws -> Bool {
        guard let index = clocks.lastIndex(where: { $0.clock.kind == kind && $0.isLive }) else { return false }
        if let open = clocks[index].clock.pauses.lastIndex(where: \.isOpen) {
            clocks[index].clock.pauses[open].to = max(date, clocks[index].clock.pauses[open].from)
        }
        try clocks[index].clock.cancel(on: date)
        clocks[index].isDirty = true
        return true
    }

    /// Cancels every live clock; returns their kinds.
    mutating func cancelLiveClocks(on date: LocalDate) throws -> [ClockKind] {
        var cancelled: [ClockKind] = []
        for kind in clocks.filter(\.isLive).map(\.clock.kind) where try cancelClock(kind, on: date) {
            cancelled.append(kind)
        }
        return cancelled
    }

    /// Pauses the running (not paused) live clocks whose kinds are in `kinds`, from `date`.
    mutating func pauseClocks(_ kinds: Set<ClockKind>, from date: LocalDate, cause: String, reason: String) throws -> [ClockKind] {
        var paused: [ClockKind] = []
        for index in clocks.indices where clocks[index].isLive && kinds.contains(clocks[index].clock.kind) && !clocks[index].clock.isPaused {
            try clocks[index].clock.pause(from: max(date, clocks[index].clock.startDate), reason: reason)
            clocks[index].pauseCauses.append(cause)
            clocks[index].isDirty = true
            paused.append(clocks[index].clock.kind)
        }
        return paused
    }

    /// Resumes on `date` every live clock whose open pause has `cause`.
    mutating func resumeClocks(cause: String, on date: LocalDate, only kinds: Set<ClockKind>? = nil) throws -> [ClockKind] {
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
    mutating func extendClock(_ kind: ClockKind, amount: Int, reason: String, actor: Actor, on date: LocalDate,
                              consent: Bool, context: OfficeContext) throws -> Clock {
        guard let index = clocks.lastIndex(where: { $0.clock.kind == kind && $0.isLive }) else {
            throw StoreError.noLiveClock(reference: reference, kind: kind)
        }
        let policy = try context.policies.requirePolicy(version: clocks[index].clock.policyVersion)
        try policy.grantExtension(to: &clocks[index].clock, amount: amount, reason: reason, by: actor.roles, login: actor.login,
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
