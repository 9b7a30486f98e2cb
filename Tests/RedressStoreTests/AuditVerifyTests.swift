import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// `AuditLog.verify` over a real log: every altered row counted, the list kept bounded, and a
/// kept head reached only up to the first altered row.
@Suite struct AuditVerifyTests {
    @Test func findingsPastTheLimitAreCountedAndAKeptHeadIsReachedOnlyBeforeTheChanges() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO case_event (case_id, actor, occurred_at, kind)
                    SELECT NULL, 'tester', now(), 'tested' FROM generate_series(1, 3000)
                    """)
                let head = try #require(try AuditLog(connection).head())
                #expect(head.row == 3000)
                let first = try #require(
                    try connection.query("SELECT encode(hash, 'hex') FROM case_event WHERE id = 1").first?.decode(
                        String.self, at: 0))
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute(unsafeSQL: "UPDATE case_event SET data = '{\"altered\":true}' WHERE id % 2 = 0")
                try connection.execute(unsafeSQL: "SET session_replication_role = origin")

                let result = try AuditLog(connection).verify(expectHead: head.hash)
                #expect(result.checked == 3000)
                #expect(result.findings.count == AuditChainCheck.defaultLimit)
                #expect(result.unlisted == 500)
                #expect(result.findings.first?.row == 2)
                #expect(result.findings.last?.row == 2000)
                #expect(result.findings.allSatisfy { $0.problems == [.contentChanged] })
                #expect(result.keptHead == .notReached(hash: head.hash))
                #expect(try AuditLog(connection).verify(expectHead: first).keptHead == .reached(row: 1))
            }
        }
    }

    /// The log is read in batches, each carrying the last row's stored and recomputed hashes into
    /// the next: any batch size finds the same rows, a demo office's rows with personal values
    /// committed under their cases' keys included.
    @Test func everyBatchSizeFindsTheSameRows() throws {
        try withTestDatabase { db in
            try Nightly.seed(db, cases: 40, asOf: "2026-03-02")
            try db.withConnection { connection in
                let log = AuditLog(connection)
                let intact = try log.verify(batchRows: 7)
                #expect(intact.findings.isEmpty && intact.checked > 200)
                #expect(intact == (try log.verify()))
                let kept = try #require(
                    try connection.query("SELECT encode(hash, 'hex') FROM case_event WHERE id = 100").first?.decode(
                        String.self, at: 0))
                let personal = try #require(
                    try connection.query(
                        "SELECT min(id) FROM case_event WHERE NOT case_event_is_plain(data) AND case_id IS NOT NULL AND id > 120"
                    ).first?.decode(Int.self, at: 0))
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute(
                    unsafeSQL:
                        "UPDATE case_event SET data = data || '{\"reason\": \"altered\"}' WHERE id = \(personal)"
                )
                try connection.execute(unsafeSQL: "UPDATE case_event SET previous_hash = sha256('x') WHERE id = 150")
                try connection.execute(
                    unsafeSQL: "UPDATE case_event SET hash = substring(hash FROM 1 FOR 31) WHERE id = 170")
                try connection.execute(unsafeSQL: "SET session_replication_role = origin")

                let whole = try log.verify(expectHead: kept)
                #expect(Set(whole.findings.map(\.row)).isSuperset(of: [personal, 150, 170]))
                #expect(whole.keptHead == .reached(row: 100))
                for batchRows in [1, 7, 50, 149, 150] {
                    #expect(try log.verify(expectHead: kept, batchRows: batchRows) == whole)
                }
            }
        }
    }
}
