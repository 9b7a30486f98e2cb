/// The nightly deadline report of SPEC §5: what it covers, and where each clock stands on it.
///
/// A report is made for a date (`asOf`) and a horizon (`withinWorkingDays`). Each live clock
/// is judged as it stood at the end of that date (`Clock.snapshot(asOf:)`), so a report run
/// later `--as-of` the same date, from the same recorded facts, is the same report:
/// - running and past its due date: breached; **newly breached** when the due date is on or
///   after the previous working day (the breach happened since the last report), otherwise
///   **overdue**; a respondent clock that has reached the `non_compliance` step of the
///   escalation ladder is on the **non-compliance** list instead;
/// - running and due on or before `horizon` (the `withinWorkingDays`-th working day after
///   the report date): **due soon**;
/// - stopped by an open pause: **paused**, with the reason and the pause's age.
///
/// Met, late-met and cancelled clocks, and running clocks due later, are not on the report.
/// The dates come from `Clock` and `Escalation`, never from a second counting rule.
public struct DeadlineReport: Sendable {
    /// The report date.
    public let asOf: LocalDate
    /// How many working days ahead "due soon" looks.
    public let withinWorkingDays: Int
    /// The office calendar.
    public let calendar: WorkCalendar
    /// The working day before `asOf`: clocks due on or after it that are now past due were breached since then.
    public let previousWorkingDay: LocalDate
    /// The last due date that counts as due soon: the `withinWorkingDays`-th working day after
    /// `asOf` (`WorkCalendar.windowEnd`), so nothing listed has more working days left.
    public let horizon: LocalDate

    /// The default horizon of "due soon", in working days.
    public static let defaultWithinWorkingDays = 5
    /// The largest horizon accepted: a working year.
    public static let maximumWithinWorkingDays = 260

    /// Makes a report for `asOf`, refusing a horizon below zero or above a working year.
    public init(
        asOf: LocalDate, withinWorkingDays: Int = DeadlineReport.defaultWithinWorkingDays, calendar: WorkCalendar
    ) throws {
        guard (0...Self.maximumWithinWorkingDays).contains(withinWorkingDays) else {
            throw ReportError.invalidHorizon(withinWorkingDays, maximum: Self.maximumWithinWorkingDays)
        }
        self.asOf = asOf
        self.withinWorkingDays = withinWorkingDays
        self.calendar = calendar
        self.previousWorkingDay = calendar.busdayOffset(asOf, -1)
        self.horizon = calendar.windowEnd(after: asOf, workingDays: withinWorkingDays)
    }

    /// Working days after `due` up to and including `asOf`: 1 on the first working day past due.
    public static func workingDaysOverdue(since due: LocalDate, asOf: LocalDate, calendar: WorkCalendar) -> Int {
        calendar.busdayCount(from: due + 1, to: asOf + 1)
    }

    /// Working days after `asOf` up to and including `due`: 0 when due today.
    public static func workingDaysLeft(until due: LocalDate, asOf: LocalDate, calendar: WorkCalendar) -> Int {
        calendar.busdayCount(from: asOf + 1, to: due + 1)
    }

    /// Where `clock` stands on the report, or `nil` when it is not on it.
    public func finding(for clock: Clock) -> DeadlineFinding? {
        let view = clock.snapshot(asOf: asOf)
        switch view.currentStatus(asOf: asOf, calendar: calendar) {
        case .met, .metLate, .cancelled:
            return nil
        case .paused:
            guard let pause = view.openPause else { return nil }
            return DeadlineFinding(
                section: .paused, pausedSince: pause.from, pauseReason: pause.reason, pausedDays: asOf - pause.from)
        case .running:
            guard let due = view.dueDate(on: calendar), due <= horizon else { return nil }
            return DeadlineFinding(
                section: .dueSoon, dueDate: due,
                workingDaysLeft: Self.workingDaysLeft(until: due, asOf: asOf, calendar: calendar))
        case .breached:
            guard let due = view.dueDate(on: calendar),
                let thresholds = Escalation.thresholds(for: view, calendar: calendar)
            else { return nil }
            var finding = DeadlineFinding(
                section: .overdue, dueDate: due, daysOverdue: asOf - due,
                workingDaysOverdue: Self.workingDaysOverdue(since: due, asOf: asOf, calendar: calendar))
            if let nonCompliance = thresholds.first(where: { $0.step == .nonCompliance }), nonCompliance.date <= asOf {
                finding.section = .nonCompliance
                finding.nonCompliantSince = nonCompliance.date
            } else if let breach = thresholds.first(where: { $0.step == .breach }), breach.date > previousWorkingDay {
                finding.section = .newlyBreached
            }
            return finding
        }
    }
}

/// Why a report could not be made.
public enum ReportError: Error, Sendable, Hashable {
    /// The "due within" horizon is negative or longer than a working year.
    case invalidHorizon(Int, maximum: Int)
}

extension ReportError: RedressError {
    public var kind: ErrorKind { .badInput }

    public var message: String {
        switch self {
        case let .invalidHorizon(days, maximum):
            return "The horizon \(days) is not a number of working days from 0 to \(maximum); give one in that range."
        }
    }
}
