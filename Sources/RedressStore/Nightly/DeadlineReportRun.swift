public import Foundation
public import Postgres
public import RedressCore

/// One deadline report, checked and ready to stream: what `report deadlines` and
/// `GET /v1/reports/deadlines` both read, so the two cannot drift apart.
///
/// Making it checks that the actor may read cases and that the assignee, when given, is on the
/// staff; reads the office and the audit log's chain head once; and takes the report date
/// (`asOf`, or the office's date at the given instant). Rows then stream through `stream` to
/// whichever formatters the edge renders. `withSnapshot` does both in one snapshot, so the
/// audit head printed is the head of the log the rows were read from.
public struct DeadlineReportRun {
    /// The report's dates and the judgement it applies to each clock.
    public let report: DeadlineReport
    /// What every rendering starts with.
    public let header: DeadlineReportHeader
    /// The office the report was read for.
    public let context: OfficeContext
    /// The staff login the report is limited to, if any.
    public let assignee: String?
    /// The query the rows come from.
    public let query: DeadlineReportQuery

    /// Prepares the report for `actor` as of `asOf` (the office's date at `instant` when nil),
    /// due soon meaning within `withinWorkingDays`, limited to `assignee` when given.
    public init(
        _ connection: PostgresConnection, actor: Actor, asOf: LocalDate?, withinWorkingDays: Int,
        assignee: String?, at instant: Date
    ) throws {
        try actor.require(.read)
        if let assignee, try StaffStore(connection).member(assignee) == nil { throw StoreError.staffNotFound(assignee) }
        let context = try OfficeContext.load(connection)
        let report = try DeadlineReport(
            asOf: asOf ?? context.clock.date(at: instant), withinWorkingDays: withinWorkingDays,
            calendar: context.calendar)
        self.report = report
        self.header = DeadlineReportHeader(
            office: context.settings.name, report: report, assignee: assignee,
            auditHead: try AuditLog(connection).head(),
            yearsWithoutHolidays: try CalendarStore(connection).coverage(calendar: context.calendar)
                .yearsWithoutHolidays)
        self.context = context
        self.assignee = assignee
        self.query = DeadlineReportQuery(connection: connection, context: context)
    }

    /// Makes the run (see `init`) and calls `body` with it in one snapshot (a repeatable-read
    /// transaction), so the rows `body` streams and the audit head in the header come from the
    /// same state of the database. `body` is not run again on failure: it may have written output.
    /// `timeLimit` (milliseconds), when given, is the transaction's statement timeout: the
    /// service's limit is for quick statements, not this one long read.
    public static func withSnapshot<T>(
        _ connection: PostgresConnection, actor: Actor, asOf: LocalDate?, withinWorkingDays: Int,
        assignee: String?, at instant: Date, timeLimit: Int64? = nil, _ body: (DeadlineReportRun) throws -> T
    ) throws -> T {
        try connection.withTransaction(isolation: .repeatableRead, attempts: 1) { connection in
            if let timeLimit {
                try connection.execute("SELECT set_config('statement_timeout', \(String(timeLimit)), true)")
            }
            return try body(
                DeadlineReportRun(
                    connection, actor: actor, asOf: asOf, withinWorkingDays: withinWorkingDays, assignee: assignee,
                    at: instant))
        }
    }

    /// Streams the report's rows to `body` (see `DeadlineReportQuery.stream`); returns how many
    /// live clocks were judged. `progress` hears that count now and then.
    @discardableResult
    public func stream(progress: (Int) -> Void = { _ in }, _ body: (DeadlineRow) throws -> Void) throws -> Int {
        try query.stream(report, assignee: assignee, progress: progress, body)
    }
}
