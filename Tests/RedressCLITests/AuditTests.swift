import Foundation
import Postgres
import RedressTesting
import Testing

@Suite struct AuditTests {
    @Test func alteringARowBehindTheTriggersBreaksTheChainAtThatRow() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            try office.ok("case", "note", reference, "called the complainant", "--at", "2026-03-04")
            #expect(try office.ok("audit", "verify").contains("intact"))
            let target = try db.withConnection { connection -> Int in
                let id = try connection.query("SELECT id FROM case_event WHERE kind = 'case_acknowledged'").first!
                    .decode(Int.self, at: 0)
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute("UPDATE case_event SET data = data || '{\"to\":\"closed\"}' WHERE id = \(id)")
                return id
            }
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 1, "\(verify)")
            #expect(verify.stderr.contains("row \(target)"), "\(verify.stderr)")
        }
    }

    @Test func theLogRefusesUpdateDeleteAndTruncateEvenForItsOwner() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            _ = try office.openCase()
            let remaining = try db.withConnection { connection in
                for statement in ["UPDATE case_event SET kind = 'x'", "DELETE FROM case_event", "TRUNCATE case_event"] {
                    #expect(throws: PostgresError.self) { try connection.execute(unsafeSQL: statement) }
                }
                return try connection.query("SELECT count(*) FROM case_event WHERE case_id IS NOT NULL").first!.decode(
                    Int.self, at: 0)
            }
            #expect(remaining == 1)
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func deletingTheNewestRowsIsFoundFromTheChainHead() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "note", reference, "first")
            try db.withConnection { connection in
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute(unsafeSQL: "DELETE FROM case_event WHERE id = (SELECT max(id) FROM case_event)")
            }
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 1)
            #expect(verify.stdout.contains("removed"), "\(verify)")
            #expect(verify.stderr.contains("broken"), "\(verify)")
        }
    }

    /// A case with `notes` notes; returns the ids of its audit rows, oldest first.
    func loggedCase(_ office: OfficeFixture, notes: Int) throws -> [Int] {
        let reference = try office.openCase()
        for number in 1...notes { try office.ok("case", "note", reference, "call \(number)", "--at", "2026-03-04") }
        return try office.db.withConnection { connection in
            try connection.query("SELECT id FROM case_event ORDER BY id").map { try $0.decode(Int.self, at: 0) }
        }
    }

    /// The head `audit verify` prints when the log is intact: its row and hash.
    func intactHead(_ office: OfficeFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> (
        row: Int, hash: String
    ) {
        let line = try office.ok(["audit", "verify"], sourceLocation: sourceLocation)
        let match = try #require(
            line.firstMatch(of: /^audit log intact: \d+ rows? verified; head row (\d+) sha256 ([0-9a-f]{64})\n$/),
            "\(line)", sourceLocation: sourceLocation)
        return (Int(match.1)!, String(match.2))
    }

    /// Changes the data of `rows` behind the append-only triggers, leaving their hashes.
    func alter(_ db: TestDatabase, rows: [Int]) throws {
        try db.withConnection { connection in
            try connection.execute(unsafeSQL: "SET session_replication_role = replica")
            for id in rows {
                try connection.execute("UPDATE case_event SET data = data || '{\"altered\":true}' WHERE id = \(id)")
            }
        }
    }

    @Test func threeAlteredRowsAreThreeFindingsAndTheRowsAfterThemStillCheck() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let ids = try loggedCase(office, notes: 8)
            let altered = [ids[1], ids[4], ids[5]]
            try alter(db, rows: altered)
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 1, "\(verify)")
            let lines = verify.stdout.split(separator: "\n").map(String.init)
            #expect(
                lines
                    == altered.map {
                        "row \($0): its content does not match its hash: it was changed after it was written"
                    })
            #expect(
                verify.stderr
                    == "redress: the audit log is broken at row \(altered[0]) and 2 more places, each listed on standard output\n"
            )
        }
    }

    @Test func missingRowsAndUnreadableHashesAreFindingsNotCrashes() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let ids = try loggedCase(office, notes: 8)
            try db.withConnection { connection in
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute(unsafeSQL: "ALTER TABLE case_event ALTER COLUMN previous_hash DROP NOT NULL")
                try connection.execute("DELETE FROM case_event WHERE id = \(ids[1])")
                try connection.execute("UPDATE case_event SET hash = '\\x01' WHERE id = \(ids[3])")
                try connection.execute("UPDATE case_event SET previous_hash = NULL WHERE id = \(ids[5])")
                try connection.execute("UPDATE audit_chain_head SET last_hash = '\\x' WHERE id")
            }
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 1, "\(verify)")
            let lines = verify.stdout.split(separator: "\n").map(String.init)
            #expect(
                lines == [
                    "row \(ids[1]): missing",
                    "row \(ids[3]): its stored hash is empty or not 32 bytes",
                    "row \(ids[5]): its stored link to the row before is empty or not 32 bytes",
                    "row \(ids.last!): the chain head's hash is empty or not 32 bytes",
                ], "\(verify)")
        }
    }

    @Test func theHeadOfTheReportIsTheHeadVerifyChecks() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let ids = try loggedCase(office, notes: 3)
            let head = try intactHead(office)
            #expect(head.row == ids.last)
            let report = try office.ok("report", "deadlines")
            #expect(
                report.hasSuffix(
                    "\naudit head: row \(head.row) sha256 \(head.hash) (keep it outside the database; check it with 'redress audit verify --expect-head')\n"
                ), "\(report)")
            let json = try office.ok("report", "deadlines", "--format", "json")
            let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            let field = document["audit_head"] as? [String: Any] ?? [:]
            #expect(field["row"] as? Int == head.row)
            #expect(field["sha256"] as? String == head.hash)
            let csv = try office.ok("report", "deadlines", "--format", "csv")
            #expect(!csv.contains(head.hash))

            let kept = try office.ok("audit", "verify", "--expect-head", head.hash.uppercased())
            #expect(kept.contains("kept head reached at row \(head.row)"), "\(kept)")
            // A head kept earlier still passes once the log has grown past it.
            try office.ok("case", "note", try office.openCase(), "later")
            let later = try office.ok("audit", "verify", "--expect-head", head.hash)
            #expect(later.hasPrefix("audit log intact: "), "\(later)")
            #expect(later.contains("kept head reached at row \(head.row): the log up to row \(head.row) is as it was"))
        }
    }

    /// The owner can recompute every stored hash and the chain head after changing a row, and
    /// the chain then agrees with itself; a head kept outside the database still finds it.
    @Test func aLogRewrittenByItsOwnerFailsAgainstAKeptHead() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let ids = try loggedCase(office, notes: 6)
            let kept = try intactHead(office)
            let earlier = try db.withConnection { connection in
                try connection.query("SELECT encode(hash, 'hex') FROM case_event WHERE id = \(ids[1])").first!.decode(
                    String.self, at: 0)
            }
            try alter(db, rows: [ids[2]])
            try db.withConnection { connection in
                try connection.execute(unsafeSQL: "SET session_replication_role = replica")
                try connection.execute(
                    unsafeSQL: """
                        DO $$
                        DECLARE
                            r record;
                            previous bytea := decode(repeat('00', 32), 'hex');
                        BEGIN
                            FOR r IN SELECT id, case_id, actor, occurred_at, recorded_at, kind, data, recorded_by FROM case_event ORDER BY id LOOP
                                UPDATE case_event SET previous_hash = previous,
                                    hash = sha256(case_event_stored_canonical(r.id) || previous)
                                WHERE id = r.id RETURNING hash INTO previous;
                            END LOOP;
                            UPDATE audit_chain_head SET last_hash = previous WHERE id;
                        END $$
                        """)
            }
            let rewritten = try intactHead(office)
            #expect(rewritten.row == kept.row)
            #expect(rewritten.hash != kept.hash)
            let verify = try office.run("audit", "verify", "--expect-head", kept.hash)
            #expect(verify.status == 1, "\(verify)")
            #expect(verify.stdout.contains("kept head \(kept.hash) not reached"), "\(verify)")
            #expect(
                verify.stderr.contains("the audit log was rewritten before the point whose head hash you kept"),
                "\(verify)")
            #expect(verify.stderr.split(separator: "\n").count == 1)
            // A head kept before the changed row is still reached: the log up to it is as it was.
            let before = try office.ok("audit", "verify", "--expect-head", earlier)
            #expect(before.contains("kept head reached at row \(ids[1])"), "\(before)")
        }
    }

    @Test(arguments: [
        "xyz", String(repeating: "a", count: 63), String(repeating: "a", count: 65), String(repeating: "g", count: 64),
        "sha256:" + String(repeating: "a", count: 64), "",
    ])
    func aMalformedKeptHeadIsAUsageError(_ value: String) throws {
        try withTestDatabase { db in
            let verify = try OfficeFixture(db).run("audit", "verify", "--expect-head", value)
            #expect(verify.status == 2, "\(verify)")
            #expect(
                verify.stderr.hasPrefix(
                    "redress: --expect-head \"\(value)\" is not a head hash; give the 64 hexadecimal digits"),
                "\(verify)")
            #expect(verify.stderr.split(separator: "\n").count == 1)
            #expect(verify.stdout.isEmpty)
        }
    }
}
