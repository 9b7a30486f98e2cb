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
}
