/// One line of the deadline report: a clock of a case, with the case facts the report prints.
public struct DeadlineRow: Sendable, Hashable {
    /// The login of the staff member the case was assigned to on the report date; `nil` when unassigned.
    public var assignee: String?
    /// The case reference, `HRC-2026-000042`.
    public var reference: String
    /// Which clock.
    public var clock: ClockKind
    /// The number of the remedy item or respondent request the clock belongs to.
    public var subject: Int?
    /// The respondent body.
    public var respondent: String
    /// Whether the case runs on the urgent profile.
    public var urgent: Bool
    /// The local start date of the clock.
    public var startDate: LocalDate
    /// Where the clock stands.
    public var finding: DeadlineFinding

    /// Makes a row.
    public init(
        assignee: String?, reference: String, clock: ClockKind, subject: Int? = nil, respondent: String, urgent: Bool,
        startDate: LocalDate, finding: DeadlineFinding
    ) {
        self.assignee = assignee
        self.reference = reference
        self.clock = clock
        self.subject = subject
        self.respondent = respondent
        self.urgent = urgent
        self.startDate = startDate
        self.finding = finding
    }

    /// The clock as the text and HTML forms name it: "remedy #2" for the clock of remedy item 2.
    public var clockLabel: String { subject.map { "\(clock.rawValue) #\($0)" } ?? clock.rawValue }

    /// The list the row is on.
    public var section: DeadlineSection { finding.section }

    /// What the row's list says about it, in words: "3 working days overdue (5 days)",
    /// "due in 2 working days", "paused 14 days (awaiting_info)".
    public var detail: String {
        let f = finding
        switch f.section {
        case .newlyBreached, .overdue:
            return Self.overdue(f)
        case .dueSoon:
            let left = f.workingDaysLeft ?? 0
            return left == 0 ? "due today" : "due in \(AllowanceUnit.workingDays.phrase(left))"
        case .paused:
            let days = f.pausedDays ?? 0
            return "paused \(Self.days(days)) (\(f.pauseReason ?? "no reason given"))"
        case .nonCompliance:
            return "non-compliant since \(f.nonCompliantSince?.iso ?? "?"); " + Self.overdue(f)
        }
    }

    /// "1 day", "5 days".
    static func days(_ count: Int) -> String {
        abs(count) == 1 ? "\(count) day" : "\(count) days"
    }

    private static func overdue(_ f: DeadlineFinding) -> String {
        let working = f.workingDaysOverdue ?? 0
        let days = f.daysOverdue ?? 0
        return "\(AllowanceUnit.workingDays.phrase(working)) overdue (\(Self.days(days)))"
    }
}
