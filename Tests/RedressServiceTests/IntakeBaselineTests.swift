import Foundation
import Postgres
import RedressTesting
import Testing

/// `ops/bench` judges the service's intake against pgbench running `ops/bench.d/intake.pgbench`,
/// which must do the work one intake does: the same rows in the same tables for its case, and
/// an audit row with the same keys and clocks, so that the hash chain trigger commits it the
/// same way. A change to what intake writes fails here until the baseline follows.
@Suite("Intake benchmark baseline")
struct IntakeBaselineTests {
    /// Where the script is, from this file: Tests/RedressServiceTests/ at the package root.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ops/bench.d/intake.pgbench")

    /// For the case of `reference`: rows in every table with a `case_id`, and the keys and clock
    /// kinds of its `case_opened` audit row.
    static func written(_ connection: PostgresConnection, reference: String) throws -> [String: String] {
        let caseID = try connection.query("SELECT id FROM complaint_case WHERE reference = \(reference)").first!
            .decode(Int.self, at: 0)
        let tables = try connection.query(
            """
            SELECT c.table_name::text FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND c.column_name = 'case_id' AND t.table_type = 'BASE TABLE'
            ORDER BY 1
            """
        ).map { try $0.decode(String.self, at: 0) }
        var rows: [String: String] = [:]
        for table in tables {
            let count = try connection.query(
                PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table) WHERE case_id = \(caseID)")
            ).first!.decode(Int.self, at: 0)
            if count > 0 { rows[table] = String(count) }
        }
        let audit = try connection.query(
            """
            SELECT (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(data) k),
                   (SELECT string_agg(c ->> 'kind', ',' ORDER BY c ->> 'kind') FROM jsonb_array_elements(data -> 'clocks') c)
            FROM case_event WHERE case_id = \(caseID) AND kind = 'case_opened'
            """
        ).first!
        rows["case_opened keys"] = try audit.decode(String.self, at: 0)
        rows["case_opened clocks"] = try audit.decode(String.self, at: 1)
        return rows
    }

    @Test func theBaselineWritesWhatAnIntakeWrites() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()

            // pgbench of the server's version, beside pg_config's programs, else the one on the PATH.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c",
                #"p="$(pg_config --bindir)/pgbench"; [ -x "$p" ] || p=pgbench; exec "$p" -n -t 1 -f "$0" "$1""#,
                Self.script.path, service.database.url,
            ]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "pgbench failed: \(message)")

            try service.withConnection { connection in
                let baseline = try #require(
                    try connection.query("SELECT reference FROM complaint_case WHERE reference LIKE 'PGB-%'").first?
                        .decode(String.self, at: 0))
                let intake = try Self.written(connection, reference: reference)
                #expect(intake["clock"] == "3")
                #expect(try Self.written(connection, reference: baseline) == intake)
            }
        }
    }
}
