/// What every rendering of the deadline report starts with.
public struct DeadlineReportHeader: Sendable, Hashable {
    /// The office's name.
    public var office: String
    /// The report date.
    public var asOf: LocalDate
    /// How many working days ahead "due soon" looks.
    public var withinWorkingDays: Int
    /// The working day before the report date (see `DeadlineReport.previousWorkingDay`).
    public var previousWorkingDay: LocalDate
    /// The last due date counted as due soon.
    public var horizon: LocalDate
    /// The assignee the report is limited to, if any.
    public var assignee: String?
    /// The audit log's chain head when the report was read, to be kept outside the database
    /// and checked later with `audit verify --expect-head`; nil when it could not be read.
    public var auditHead: AuditChainHead?
    /// The years running clocks reach that have no holidays loaded (`HolidayCoverage`).
    public var yearsWithoutHolidays: [Int]
    /// Seconds the standby the report was read from was behind its primary when it was read
    /// (`ReplayLag`); nil when it was read from the primary.
    public var standbyReplayLag: Double? = nil

    /// Makes a header.
    public init(
        office: String, asOf: LocalDate, withinWorkingDays: Int, previousWorkingDay: LocalDate, horizon: LocalDate,
        assignee: String? = nil, auditHead: AuditChainHead? = nil, yearsWithoutHolidays: [Int] = []
    ) {
        self.office = office
        self.asOf = asOf
        self.withinWorkingDays = withinWorkingDays
        self.previousWorkingDay = previousWorkingDay
        self.horizon = horizon
        self.assignee = assignee
        self.auditHead = auditHead
        self.yearsWithoutHolidays = yearsWithoutHolidays
    }

    /// The header of `report` for the office named `office`.
    public init(
        office: String, report: DeadlineReport, assignee: String? = nil, auditHead: AuditChainHead? = nil,
        yearsWithoutHolidays: [Int] = []
    ) {
        self.init(
            office: office, asOf: report.asOf, withinWorkingDays: report.withinWorkingDays,
            previousWorkingDay: report.previousWorkingDay, horizon: report.horizon, assignee: assignee,
            auditHead: auditHead, yearsWithoutHolidays: yearsWithoutHolidays)
    }
}

/// Renders the deadline report as its rows arrive, so memory does not grow with the report.
///
/// Call `begin` once, `write` for each row (rows of one assignee together, as the store
/// streams them), then `finish`. Each formatter writes to a `TextOutputStream` it owns
/// (`sink`): standard output, a file, or a `String` in tests.
public protocol DeadlineReportFormatter {
    /// Where the rendering goes.
    associatedtype Sink: TextOutputStream
    /// The output written so far.
    var sink: Sink { get }
    /// Writes what comes before the first row.
    mutating func begin(_ header: DeadlineReportHeader)
    /// Writes one row.
    mutating func write(_ row: DeadlineRow)
    /// Closes the last group and writes the totals.
    mutating func finish()
}

/// The renderings the deadline report has, as `--format` names them (email is built from these).
public enum DeadlineReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned tables for people.
    case text
    /// One row per clock, RFC 4180.
    case csv
    /// One JSON document, snake_case keys.
    case json
    /// A self-contained HTML page.
    case html
}

/// Keeps the counts of the report as rows pass: per assignee group and in all.
///
/// Holds one entry per assignee seen, never the rows, so memory grows with the staff, not the cases.
public struct DeadlineTally: Sendable, Hashable {
    /// One assignee's group and its counts.
    public struct Group: Sendable, Hashable {
        /// The assignee's login; `nil` for unassigned cases.
        public var assignee: String?
        /// The counts of the group.
        public var totals: DeadlineTotals
    }

    /// Every group so far, in the order seen.
    public private(set) var groups: [Group] = []
    /// The counts of every row so far.
    public private(set) var totals = DeadlineTotals()

    /// An empty tally.
    public init() {}

    /// The group now being written, if any.
    public var current: Group? { groups.last }

    /// Counts `row`; returns `true` when it starts a new group (its assignee differs from the last row's).
    @discardableResult
    public mutating func add(_ row: DeadlineRow) -> Bool {
        let starts = groups.isEmpty || groups[groups.count - 1].assignee != row.assignee
        if starts { groups.append(Group(assignee: row.assignee, totals: DeadlineTotals())) }
        groups[groups.count - 1].totals.add(row.section)
        totals.add(row.section)
        return starts
    }

    /// How reports name an assignee group.
    public static func name(of assignee: String?) -> String {
        assignee ?? "(unassigned)"
    }
}
