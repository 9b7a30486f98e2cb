import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// The rules that rows name existing cases, categories, policy versions and respondent bodies
/// (checked per statement since migrations 14 and 16) hold for any writer, as the foreign keys did.
@Suite struct ReferenceRuleTests {
    /// One case, opened through the store, and its id.
    func openCase(_ connection: PostgresConnection) throws -> Int {
        let actor = try StaffStore(connection).currentActor()
        let new = NewCase(
            receivedAt: try EventTime.instant(parsing: "2026-03-02", timeZone: TimeZone(identifier: "UTC")!),
            channel: .email,
            complainants: [Party(name: "Lee Jiwoo")], respondent: RespondentBody(name: "District Office"),
            categories: ["housing"], summary: "No ramp at the library")
        return try connection.withStoreTransaction { _ in try CaseStore(connection).open(new, actor: actor) }.id
    }

    func count(_ connection: PostgresConnection, _ table: String) throws -> Int {
        try connection.query("SELECT count(*) FROM \(identifier: table)").first!.decode(Int.self, at: 0)
    }

    /// Runs `sql` and returns the error it fails with.
    func failure(_ connection: PostgresConnection, _ sql: String) throws -> PostgresError {
        do {
            try connection.execute(PostgresQuery(unsafeSQL: sql))
        } catch {
            return error
        }
        Issue.record("expected \(sql) to fail")
        return PostgresError(kind: .client, message: "no failure")
    }

    @Test func rowsNamingNothingAreRefusedWithTheForeignKeysError() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let id = try openCase(connection)
                let before = try [
                    "party", "case_category", "clock", "case_event", "complaint_case", "notice", "escalation",
                ].map { try count(connection, $0) }
                let refused: [(String, String)] = [
                    (
                        "INSERT INTO party (case_id, role, name) VALUES (\(id), 'representative', 'Ok'), (987654, 'complainant', 'Nobody')",
                        "party_case_id_fkey"
                    ),
                    (
                        "INSERT INTO case_category (case_id, category_code) VALUES (987654, 'housing')",
                        "case_category_case_id_fkey"
                    ),
                    (
                        "INSERT INTO case_category (case_id, category_code) VALUES (\(id), 'energy'), (\(id), 'no_such_right')",
                        "case_category_category_code_fkey"
                    ),
                    (
                        """
                        INSERT INTO clock (case_id, kind, start_at, start_date, allowance_amount, allowance_unit, policy_version, status, due_date)
                        VALUES (987654, 'investigation', now(), '2026-03-02', 60, 'working_days', 1, 'running', '2026-05-27')
                        """, "clock_case_id_fkey"
                    ),
                    (
                        """
                        INSERT INTO clock (case_id, kind, start_at, start_date, allowance_amount, allowance_unit, policy_version, status, due_date)
                        VALUES (\(id), 'investigation', now(), '2026-03-02', 60, 'working_days', 999, 'running', '2026-05-27')
                        """, "clock_policy_version_fkey"
                    ),
                    (
                        "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (987654, 'someone', now(), 'case_noted')",
                        "case_event_case_id_fkey"
                    ),
                    (
                        """
                        INSERT INTO notice (case_id, kind, audience, channel, language) VALUES (\(id), 'progress_update', 'complainant', 'post', 'en'),
                            (987654, 'progress_update', 'complainant', 'post', 'en')
                        """, "notice_case_id_fkey"
                    ),
                    (
                        """
                        INSERT INTO escalation (clock_id, step, case_id, due_on, as_of)
                        SELECT k.id, 'warning', 987654, '2026-03-05', '2026-03-05' FROM clock k WHERE k.case_id = \(id) LIMIT 1
                        """, "escalation_case_id_fkey"
                    ),
                    (
                        """
                        INSERT INTO escalation (clock_id, step, case_id, due_on, as_of) VALUES (987654, 'warning', \(id), '2026-03-05', '2026-03-05')
                        """, "escalation_clock_id_fkey"
                    ),
                    (
                        """
                        INSERT INTO complaint_case (reference, received_at, received_on, channel, summary, language, respondent_id, opened_by)
                        VALUES ('HRC-2026-000099', now(), '2026-03-02', 'web', 'Summary', 'en', 987654, 'someone')
                        """, "complaint_case_respondent_id_fkey"
                    ),
                ]
                for (sql, constraint) in refused {
                    let error = try failure(connection, sql)
                    #expect(error.sqlState == "23503", "\(sql)")
                    #expect(error.constraint == constraint, "\(sql)")
                }
                // A statement with one bad row writes none of its rows.
                #expect(
                    try ["party", "case_category", "clock", "case_event", "complaint_case", "notice", "escalation"].map
                    { try count(connection, $0) } == before)
                // Rows that name what exists go in, and an audit row may name no case.
                try connection.execute("INSERT INTO case_category (case_id, category_code) VALUES (\(id), 'energy')")
                try connection.execute(
                    "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (NULL, 'someone', now(), 'office_noted')"
                )
                #expect(try count(connection, "case_category") == before[1] + 1)
            }
        }
    }

    @Test func changingAReferenceToNothingIsRefused() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let id = try openCase(connection)
                let error = try failure(connection, "UPDATE clock SET policy_version = 999 WHERE case_id = \(id)")
                #expect(error.sqlState == "23503")
                #expect(error.constraint == "clock_policy_version_fkey")
                #expect(
                    try failure(connection, "UPDATE party SET case_id = 987654 WHERE case_id = \(id)").constraint
                        == "party_case_id_fkey")
                #expect(
                    try failure(connection, "UPDATE complaint_case SET respondent_id = 987654 WHERE id = \(id)")
                        .constraint
                        == "complaint_case_respondent_id_fkey")
                // Changing to something that exists, or changing other columns, is allowed.
                try connection.execute("UPDATE clock SET policy_version = 1, paused_days = 0 WHERE case_id = \(id)")
                try connection.execute(
                    "UPDATE complaint_case SET summary = 'No ramp at the library entrance' WHERE id = \(id)")
            }
        }
    }

    @Test func namedRowsAreNeverRemovedOrRenumbered() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let id = try openCase(connection)
                for sql in [
                    "DELETE FROM complaint_case WHERE id = \(id)",
                    "UPDATE complaint_case SET id = id + 1000 WHERE id = \(id)",
                    "TRUNCATE complaint_case CASCADE", "DELETE FROM rights_category WHERE code = 'food'",
                    "UPDATE rights_category SET code = 'meals' WHERE code = 'food'", "DELETE FROM policy_version",
                    "DELETE FROM respondent_body", "TRUNCATE respondent_body CASCADE",
                    "DELETE FROM clock WHERE case_id = \(id)",
                    "UPDATE clock SET id = id + 1000 WHERE case_id = \(id)", "TRUNCATE clock CASCADE",
                ] {
                    let error = try failure(connection, sql)
                    #expect(error.sqlState == "42501", "\(sql): \(error)")
                }
                #expect(try count(connection, "complaint_case") == 1)
                #expect(try count(connection, "rights_category") == 16)
            }
        }
    }
}
