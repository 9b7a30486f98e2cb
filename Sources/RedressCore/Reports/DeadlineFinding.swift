/// Where one clock stands on the deadline report: its list, and the dates and counts that list shows.
///
/// Fields that do not apply to the list are `nil`: a paused clock has no due date, a clock due
/// soon has no days overdue.
public struct DeadlineFinding: Sendable, Hashable {
    /// The list the clock is on.
    public var section: DeadlineSection
    /// The due date as of the report date; `nil` while paused.
    public var dueDate: LocalDate?
    /// Calendar days from the due date to the report date, for a clock past due.
    public var daysOverdue: Int?
    /// Working days after the due date up to and including the report date, for a clock past due.
    public var workingDaysOverdue: Int?
    /// Working days after the report date up to and including the due date (0: due today), for a clock due soon.
    public var workingDaysLeft: Int?
    /// The first day of the open pause.
    public var pausedSince: LocalDate?
    /// Why the clock is paused ("awaiting_info", "on_hold", "mediation", …).
    public var pauseReason: String?
    /// Calendar days the open pause has lasted by the report date.
    public var pausedDays: Int?
    /// The date from which the respondent is non-compliant (thirty working days after the due date).
    public var nonCompliantSince: LocalDate?

    /// Makes a finding; leave out what the list does not show.
    public init(
        section: DeadlineSection,
        dueDate: LocalDate? = nil,
        daysOverdue: Int? = nil,
        workingDaysOverdue: Int? = nil,
        workingDaysLeft: Int? = nil,
        pausedSince: LocalDate? = nil,
        pauseReason: String? = nil,
        pausedDays: Int? = nil,
        nonCompliantSince: LocalDate? = nil
    ) {
        self.section = section
        self.dueDate = dueDate
        self.daysOverdue = daysOverdue
        self.workingDaysOverdue = workingDaysOverdue
        self.workingDaysLeft = workingDaysLeft
        self.pausedSince = pausedSince
        self.pauseReason = pauseReason
        self.pausedDays = pausedDays
        self.nonCompliantSince = nonCompliantSince
    }
}
