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

    /// A row's data is plain (its own committed form, not walked) only when every key at every
    /// depth is a plain one: a personal key deep in arrays, or one that only a string's text
    /// hides, sends it down the walk; and every value found plain, crafted or from a demo
    /// office, is its own committed form.
    @Test func onlyDataWithPlainKeysAtEveryDepthIsPlain() throws {
        try withTestDatabase { db in
            try Nightly.seed(db, cases: 40, asOf: "2026-03-02")
            let values: [(String, Bool)] = [
                (#"{"to": "closed", "steps": [{"clock": "remedy", "step": "warning", "due_on": "2026-03-02"}]}"#, true),
                (#"{"steps": [[{"step": "breach"}], [{"clock": {"at": [{"name": "Kim Jisoo"}]}}]]}"#, false),
                (#"{"x": 1, ": y": 2}"#, false),
                (#"{"to": "\"name\": Kim Jisoo", "from": "{\"summary\": 1}"}"#, true),
                (#"{"to": {"shredded": "00"}}"#, false),
                (#"{"summary": "Kim"}"#, false),
                (#"{}"#, true),
                (#"[{"to": "closed"}]"#, false),
                (#""closed""#, false),
            ]
            try db.withConnection { connection in
                for (value, plain) in values {
                    let row = try connection.query(
                        """
                        SELECT case_event_is_plain(\(value)::jsonb),
                               case_event_commit(\(value)::jsonb, false, false, '\\x01'::bytea, '\\x02'::bytea)
                                   = \(value)::jsonb
                        """
                    ).first!
                    #expect(try row.decode(Bool.self, at: 0) == plain, "\(value)")
                    if plain { #expect(try row.decode(Bool.self, at: 1), "\(value)") }
                }
                let demo = try connection.query(
                    """
                    SELECT count(*) FILTER (WHERE case_event_is_plain(data)),
                           count(*) FILTER (WHERE case_event_is_plain(data)
                               AND case_event_commit(data, false, false, '\\x01'::bytea, '\\x02'::bytea) <> data),
                           count(*) FILTER (WHERE NOT case_event_is_plain(data)
                               AND case_event_commit(data, false, false, '\\x01'::bytea, '\\x02'::bytea) <> data)
                    FROM case_event
                    """
                ).first!
                #expect(try demo.decode(Int.self, at: 0) > 100)
                #expect(try demo.decode(Int.self, at: 1) == 0)
                #expect(try demo.decode(Int.self, at: 2) > 10)
            }
        }
    }
}
