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
                return try connection.query("SELECT count(*) FROM case_event").first!.decode(Int.self, at: 0)
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
            #expect(verify.stderr.contains("removed"))
        }
    }
}
