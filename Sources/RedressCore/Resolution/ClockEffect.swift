public import Foundation

/// A change that a resolution event makes to one of the case's clocks: what starts, ends,
/// is cancelled, pauses or resumes.
///
/// The rules of this folder return effects instead of touching clocks, so the table of "which
/// event starts or ends which clock" is tested here, and the store applies the effects in the
/// transaction that records the event.
public struct ClockEffect: Sendable, Hashable {
    /// What happens to the clock.
    public var action: Action
    /// Which kind of clock.
    public var kind: ClockKind
    /// For a clock tied to one remedy item (`remedy`, `verification`) the item's number; for a
    /// further information request to the respondent, the request's number; `nil` for the
    /// case's own clocks.
    public var subject: Int?

    /// Makes an effect.
    public init(_ action: Action, _ kind: ClockKind, subject: Int? = nil) {
        self.action = action
        self.kind = kind
        self.subject = subject
    }

    /// What happens to a clock.
    public enum Action: Sendable, Hashable {
        /// A new clock starts at the instant; `allowance` overrides the policy's (a hand-set due
        /// date, a further information request), `scale` picks a remedy rule.
        case start(at: Date, allowance: Allowance?, scale: RemedyScale?)
        /// The clock's ending event happened on the date (met or met late).
        case end(on: LocalDate)
        /// The stage the clock times will not happen.
        case cancel(on: LocalDate)
        /// The clock stands still from the date.
        case pause(from: LocalDate, reason: String)
        /// The clock runs again from the date.
        case resume(on: LocalDate)
    }

    /// A clock of `kind` starting at `instant`, under the policy unless `allowance` is given.
    public static func start(
        _ kind: ClockKind, at instant: Date, allowance: Allowance? = nil, scale: RemedyScale? = nil, subject: Int? = nil
    ) -> ClockEffect {
        ClockEffect(.start(at: instant, allowance: allowance, scale: scale), kind, subject: subject)
    }

    /// The clock of `kind` ends on `date`.
    public static func end(_ kind: ClockKind, on date: LocalDate, subject: Int? = nil) -> ClockEffect {
        ClockEffect(.end(on: date), kind, subject: subject)
    }

    /// The clock of `kind` is cancelled on `date`.
    public static func cancel(_ kind: ClockKind, on date: LocalDate, subject: Int? = nil) -> ClockEffect {
        ClockEffect(.cancel(on: date), kind, subject: subject)
    }

    /// Applies the effect to `clock` when it is the one meant; a start makes no change here.
    ///
    /// A clock that already ended or was cancelled is left alone by `end` and `cancel` (its
    /// stage was already over), and paused or resumed only when that makes sense, so applying
    /// an effect twice does nothing the second time.
    public func apply(to clock: inout Clock) throws {
        guard !clock.cancelled, clock.endedOn == nil else { return }
        switch action {
        case .start:
            return
        case let .end(date):
            try clock.end(on: max(date, clock.startDate))
        case let .cancel(date):
            try clock.cancel(on: date)
        case let .pause(date, reason):
            guard !clock.isPaused else { return }
            try clock.pause(from: max(date, clock.startDate), reason: reason)
        case let .resume(date):
            guard clock.isPaused else { return }
            try clock.resume(on: date)
        }
    }
}

extension ClockEffect {
    /// The pauses and resumptions a move from `from` to `to` makes under `policy`: clocks that
    /// `to` pauses and `from` did not are paused, clocks `from` paused and `to` does not resume.
    ///
    /// Mediation pauses the investigation clock this way; closing resumes nothing (closing ends
    /// or cancels clocks instead).
    public static func statePauses(from: CaseState, to: CaseState, policy: Policy, on date: LocalDate) -> [ClockEffect]
    {
        let before = policy.pausedBy(state: from)
        let after = to == .closed ? before : policy.pausedBy(state: to)
        let pauses = after.subtracting(before).sorted { $0.rawValue < $1.rawValue }
            .map { ClockEffect(.pause(from: date, reason: to.rawValue), $0) }
        let resumes = before.subtracting(after).sorted { $0.rawValue < $1.rawValue }
            .map { ClockEffect(.resume(on: date), $0) }
        return pauses + resumes
    }
}

extension ClockEffect {
    /// The new clock a start effect makes under `policy`, or `nil` for any other effect.
    ///
    /// The policy's allowance applies (on the urgent profile when `urgent`) unless the effect
    /// carries its own; a remedy clock takes the effect's scale.
    public func makeClock(policy: Policy, calendar: WorkCalendar, urgent: Bool) -> Clock? {
        guard case let .start(instant, allowance, scale) = action else { return nil }
        var clock = policy.makeClock(
            kind: kind, scale: scale, startInstant: instant, calendar: calendar, urgent: urgent)
        if let allowance {
            clock.allowance = allowance
            clock.urgent = false
        }
        return clock
    }
}
