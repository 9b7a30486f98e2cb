import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

@testable import RedressStore

@Suite("Deadline report from the store")
struct ReportDeadlineTests {
    static func rows(_ db: TestDatabase, asOf: String, within: Int = 5, assignee: String? = nil) throws -> [DeadlineRow]
    {
        try db.withConnection { (connection: PostgresConnection) throws in
            let context = try OfficeContext.load(connection)
            let report = try DeadlineReport(
                asOf: LocalDate(iso: asOf)!, withinWorkingDays: within, calendar: context.calendar)
            var rows: [DeadlineRow] = []
            try DeadlineReportQuery(connection: connection, context: context).stream(report, assignee: assignee) {
                rows.append($0)
            }
            return rows
        }
    }

    /// The report's totals equal counts made in SQL alone from the stored due dates and statuses
    /// (written by the store when each clock last changed, refreshed by the sweep) and the
    /// holiday table: nothing of RedressCore is used to count.
    @Test func totalsEqualIndependentCounts() throws {
        try withTestDatabase { db in
            let asOf = "2026-03-16"
            try Nightly.seed(db, cases: 3_000, asOf: asOf)
            // The sweep brings the stored statuses up to the report date.
            _ = try Nightly.sweep(db, asOf: asOf)
            let rows = try Self.rows(db, asOf: asOf)
            var totals = DeadlineTotals()
            for row in rows { totals.add(row.section) }
            try db.withConnection { (connection: PostgresConnection) throws in
                // Working days after a date, by the week mask (Mon-Fri) and the holiday table.
                let workingDays = """
                    WITH day AS (
                        SELECT d::date AS d FROM generate_series(date '2026-01-01', date '2026-12-31', interval '1 day') d
                        WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT holiday_date FROM holiday)
                    )
                    """
                let previous = try connection.query(
                    PostgresQuery(unsafeSQL: workingDays + "SELECT max(d)::text FROM day WHERE d < date '\(asOf)'")
                ).first!.decode(String.self, at: 0)
                let horizon = try connection.query(
                    PostgresQuery(
                        unsafeSQL: workingDays
                            + "SELECT d::text FROM day WHERE d > date '\(asOf)' ORDER BY d OFFSET 4 LIMIT 1")
                ).first!.decode(String.self, at: 0)
                let breached = "status = 'breached' AND start_date <= date '\(asOf)'"
                // Respondent clocks 30 or more working days past due are non-compliant.
                let nonCompliant = """
                    \(breached) AND kind IN ('respondent_response', 'respondent_reply', 'remedy')
                    AND (SELECT count(*) FROM generate_series(due_date + 1, date '\(asOf)', interval '1 day') g
                         WHERE extract(isodow FROM g) < 6 AND g::date NOT IN (SELECT holiday_date FROM holiday)) >= 30
                    """
                let newly = try Nightly.count(
                    connection, "SELECT count(*) FROM clock WHERE \(breached) AND due_date >= date '\(previous)'")
                let compliance = try Nightly.count(connection, "SELECT count(*) FROM clock WHERE \(nonCompliant)")
                let allBreached = try Nightly.count(connection, "SELECT count(*) FROM clock WHERE \(breached)")
                let dueSoon = try Nightly.count(
                    connection, "SELECT count(*) FROM clock WHERE status = 'running' AND due_date <= date '\(horizon)'")
                let paused = try Nightly.count(connection, "SELECT count(*) FROM clock WHERE status = 'paused'")
                #expect(totals[.newlyBreached] == newly)
                #expect(totals[.nonCompliance] == compliance)
                #expect(totals[.overdue] == allBreached - newly - compliance)
                #expect(totals[.dueSoon] == dueSoon)
                #expect(totals[.paused] == paused)
                // A real office: every list has something on it.
                #expect(DeadlineSection.allCases.allSatisfy { totals[$0] > 0 }, "\(totals)")
                // Grouped by assignee (unassigned last), each group's rows together.
                let assignees = rows.map { $0.assignee ?? "~" }
                #expect(assignees == assignees.sorted())
            }
        }
    }

    /// What happens after the report date does not change the report for that date: moves,
    /// extensions, pauses, reassignment, new cases, and the sweep's status changes.
    @Test func aPastReportStaysTheSame() throws {
        try withTestDatabase { db in
            let asOf = "2026-03-16"
            try Nightly.seed(db, cases: 1_200, asOf: asOf)
            let before = try Self.rows(db, asOf: asOf)
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let store = CaseStore(connection)
                let later = try EventTime.instant(parsing: "2026-03-17T10:00:00+09:00", timeZone: .gmt)
                let due = before.filter { $0.section == .dueSoon && $0.clock == .triage }.map(\.reference)
                let late = before.filter { $0.section == .overdue }.map(\.reference)
                #expect(due.count >= 3 && late.count >= 3)
                try connection.withStoreTransaction { _ in
                    _ = try store.extend(
                        reference: due[0], kind: .triage, amount: 5, reason: "Records awaited", consent: false,
                        actor: actor, at: later)
                    _ = try store.pause(
                        reference: due[1], kind: nil, reason: "Complainant in hospital", actor: actor, at: later)
                    _ = try store.assign(reference: due[2], to: "mhan", actor: actor, at: later)
                    _ = try store.close(
                        reference: late[0], outcome: .withdrawn, reason: "Withdrawn by letter", actor: actor, at: later)
                    _ = try store.assign(reference: late[1], to: "toh", actor: actor, at: later)
                    _ = try store.assign(reference: late[1], to: "jkim", actor: actor, at: later.addingTimeInterval(60))
                }
            }
            _ = try Nightly.sweep(db, asOf: "2026-03-18")
            let after = try Self.rows(db, asOf: asOf)
            #expect(after == before)
            // The report for the later date does see the changes.
            #expect(try Self.rows(db, asOf: "2026-03-18") != before)
        }
    }

    @Test func limitedToOneAssignee() throws {
        try withTestDatabase { db in
            try Nightly.seed(db, cases: 600, asOf: "2026-03-16")
            let all = try Self.rows(db, asOf: "2026-03-16")
            let mine = try Self.rows(db, asOf: "2026-03-16", assignee: "jkim")
            #expect(!mine.isEmpty)
            #expect(mine == all.filter { $0.assignee == "jkim" })
        }
    }
}
