import Foundation
public import Postgres
public import RedressCore

/// Reads the nightly deadline report (SPEC §5) from the store, a row at a time.
///
/// Every row comes from what was recorded on or before the report date: the clocks live that
/// day, each judged by `DeadlineReport.finding(for:)` on its facts up to that date, and the case's
/// assignee that day (its `case_assigned` events, for cases reassigned since). So a report for
/// a past date is the same however much has happened after it.
///
/// Rows stream from the server (`PostgresConnection.stream`) ordered by assignee (unassigned
/// last), reference and clock; nothing is held but the row in hand.
public struct DeadlineReportQuery {
    public let connection: PostgresConnection
    public let context: OfficeContext

    public init(connection: PostgresConnection, context: OfficeContext) {
        self.connection = connection
        self.context = context
    }

    /// The SQL of the report for `asOf`, limited to `assignee` when given: what a DBA would
    /// run in psql to get the same clocks.
    public func query(asOf: LocalDate, assignee: String?) -> PostgresQuery {
        let nextMorning = context.calendar.startOfDay(asOf + 1)
        var query: PostgresQuery = """
            WITH reassigned AS (
                SELECT DISTINCT e.case_id FROM case_event e
                WHERE e.kind = 'case_assigned' AND e.occurred_at >= \(nextMorning)
            )
            SELECT a.assignee, c.reference, b.name,
                (SELECT p.reason FROM clock_pause p
                 WHERE p.clock_id = k.id AND p.from_date <= \(asOf) AND (p.to_date IS NULL OR p.to_date > \(asOf))
                 ORDER BY p.position DESC LIMIT 1),
                k.subject,
                \(unsafeSQL: SweepClockColumns.select)
            FROM clock k
            JOIN complaint_case c ON c.id = k.case_id
            JOIN respondent_body b ON b.id = c.respondent_id
            LEFT JOIN reassigned r ON r.case_id = c.id
            CROSS JOIN LATERAL (
                SELECT CASE WHEN r.case_id IS NULL THEN c.assignee ELSE (
                    SELECT e.data ->> 'to' FROM case_event e
                    WHERE e.case_id = c.id AND e.kind = 'case_assigned' AND e.occurred_at < \(nextMorning)
                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
                END
            ) a(assignee)
            WHERE \(SweepClockColumns.live(on: asOf))
            """
        if let assignee { query.append(" AND a.assignee = \(assignee)") }
        query.append(" ORDER BY a.assignee NULLS LAST, c.reference, k.id")
        return query
    }

    /// Streams the rows of `report`, limited to `assignee` when given, to `body`; returns how
    /// many live clocks were judged. `progress` hears that count now and then.
    @discardableResult
    public func stream(
        _ report: DeadlineReport, assignee: String? = nil, progress: (Int) -> Void = { _ in },
        _ body: (DeadlineRow) throws -> Void
    ) throws -> Int {
        var judged = 0
        try connection.stream(query(asOf: report.asOf, assignee: assignee)) { row in
            judged += 1
            if judged % 20_000 == 0 { progress(judged) }
            var clock = try SweepClockColumns.clock(from: row, at: 5)
            if let reason = try row.decode(String?.self, at: 3),
                let open = clock.pauses.lastIndex(where: {
                    $0.from <= report.asOf && ($0.to ?? report.asOf + 1) > report.asOf
                })
            {
                clock.pauses[open].reason = reason
            }
            guard let finding = report.finding(for: clock) else { return }
            try body(
                DeadlineRow(
                    assignee: try row.decode(String?.self, at: 0), reference: try row.decode(String.self, at: 1),
                    clock: clock.kind, subject: try row.decode(Int?.self, at: 4),
                    respondent: try row.decode(String.self, at: 2), urgent: clock.urgent, startDate: clock.startDate,
                    finding: finding))
        }
        return judged
    }
}
