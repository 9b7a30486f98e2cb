/// The escalation ladder as pure functions: what is due for a clock on a date.
///
/// The nightly sweep calls `dueSteps`, takes the steps it returns (notices, listings, status
/// changes) and records them as taken, in one transaction; calling it again the same day, or
/// `--as-of` an earlier date, returns nothing already taken, so sweeping is idempotent.
///
/// The thresholds, for a clock with allowance plus extensions T (in its unit) and due date D:
/// - `warning`: the day on which ceil(0.8 × T) units are used, counted exactly as the due date
///   is (same start and roll, pauses added): for a working-day clock
///   `busday_offset(start, ceil(0.8 × T) + paused working days)`, for a calendar-day clock
///   `start + ceil(0.8 × T) + paused days` rolled forward; for a month clock, 80% (rounded up) of
///   the days between the start and `start + T months`, plus paused days, rolled forward.
///   "80% of the allowance used" thus means at least ceil(0.8 × T) working days (or days) have
///   elapsed since the effective start, net of pauses.
/// - `breach` and, for respondent clocks, `respondent_reminder`: the day after D.
/// - `ombudsperson_list` and, for respondent clocks, `head_of_body_letter`: `busday_offset(D, 10)`.
/// - `non_compliance` (respondent clocks): `busday_offset(D, 30)`.
/// - A `complainant_update` clock has a single step, `complainant_update`, due on D itself, so
///   that no complainant goes longer than its allowance (20 working days) without an update.
///
/// Paused, met, late-met and cancelled clocks have no due steps.
public enum Escalation {
    /// Working days after the due date at which the ombudsperson is told and the head of the body written to.
    public static let listAfterWorkingDays = 10
    /// Working days after the due date at which a respondent is recorded as non-compliant.
    public static let nonComplianceAfterWorkingDays = 30

    /// The steps that apply to a clock of `kind`, in ladder order.
    public static func ladder(for kind: ClockKind) -> [EscalationStep] {
        if kind == .complainantUpdate { return [.complainantUpdate] }
        if kind.isRespondentClock {
            return [.warning, .breach, .respondentReminder, .ombudspersonList, .headOfBodyLetter, .nonCompliance]
        }
        return [.warning, .breach, .ombudspersonList]
    }

    /// The dates from which each step of the clock's ladder is due, in ladder order, or `nil`
    /// while the clock is paused.
    public static func thresholds(for clock: Clock, calendar: WorkCalendar) -> [EscalationThreshold]? {
        guard let due = clock.dueDate(on: calendar) else { return nil }
        return ladder(for: clock.kind).map { step in
            let date: LocalDate
            switch step {
            case .warning:
                date = warningDate(for: clock, calendar: calendar)
            case .breach, .respondentReminder:
                date = due + 1
            case .ombudspersonList, .headOfBodyLetter:
                date = calendar.busdayOffset(due, listAfterWorkingDays)
            case .nonCompliance:
                date = calendar.busdayOffset(due, nonComplianceAfterWorkingDays)
            case .complainantUpdate:
                date = due
            }
            return EscalationThreshold(step: step, date: date)
        }
    }

    /// The steps now due for `clock` on `asOf`, in ladder order, leaving out those in `taken`.
    ///
    /// The clock is judged as it stood at the end of `asOf` (`Clock.snapshot(asOf:)`); a clock
    /// that is paused, met, met late or cancelled then has none.
    public static func dueSteps(
        for clock: Clock,
        taken: Set<EscalationStep>,
        asOf: LocalDate,
        calendar: WorkCalendar
    ) -> [EscalationStep] {
        let view = clock.snapshot(asOf: asOf)
        switch view.currentStatus(asOf: asOf, calendar: calendar) {
        case .running, .breached: break
        case .paused, .met, .metLate, .cancelled: return []
        }
        guard let thresholds = thresholds(for: view, calendar: calendar) else { return [] }
        return thresholds.filter { $0.date <= asOf && !taken.contains($0.step) }.map(\.step)
    }

    /// The steps now due for each clock of a case, in the order of `clocks`, leaving out clocks
    /// with nothing due.
    public static func dueSteps<ID: Hashable & Sendable>(
        for clocks: [(id: ID, clock: Clock)],
        taken: [ID: Set<EscalationStep>],
        asOf: LocalDate,
        calendar: WorkCalendar
    ) -> [EscalationDue<ID>] {
        clocks.compactMap { entry in
            let steps = dueSteps(for: entry.clock, taken: taken[entry.id] ?? [], asOf: asOf, calendar: calendar)
            return steps.isEmpty ? nil : EscalationDue(clockID: entry.id, kind: entry.clock.kind, steps: steps)
        }
    }

    /// The date on which 80% of the clock's allowance (with extensions) is used; see `Escalation`.
    public static func warningDate(for clock: Clock, calendar: WorkCalendar) -> LocalDate {
        let total = clock.totalAllowance
        let eighty = (4 * total + 4) / 5 // ceil(0.8 × total) for total ≥ 0
        switch clock.allowance.unit {
        case .workingDays, .calendarDays:
            return clock.dueDate(on: calendar, amount: eighty, resumingOn: clock.startDate)
        case .months:
            let span = clock.startDate.adding(months: total) - clock.startDate
            let paused = clock.pausedDays(on: calendar)
            return calendar.rollForward(clock.startDate + ((4 * span + 4) / 5 + paused))
        }
    }
}

/// The steps due for one clock of a case, as `Escalation.dueSteps(for:taken:asOf:calendar:)` returns them.
public struct EscalationDue<ID: Hashable & Sendable>: Sendable, Hashable {
    /// The caller's identifier of the clock.
    public var clockID: ID
    /// The clock kind.
    public var kind: ClockKind
    /// The steps now due, in ladder order.
    public var steps: [EscalationStep]

    /// Makes an entry.
    public init(clockID: ID, kind: ClockKind, steps: [EscalationStep]) {
        self.clockID = clockID
        self.kind = kind
        self.steps = steps
    }
}
