import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// The chain head follows the last row of each appending statement (migration 15): across
/// statements, savepoints, rolled-back transactions and concurrent writers the log stays
/// numbered without gaps and verifies.
@Suite struct AuditHeadTests {
    func head(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT last_id FROM audit_chain_head").first!.decode(Int.self, at: 0)
    }

    func append(_ connection: PostgresConnection, _ kinds: [String]) throws {
        var query: PostgresQuery =
            "INSERT INTO case_event (case_id, actor, occurred_at, kind) SELECT NULL, 'tester', now(), k FROM unnest("
        query.append("\(PostgresTextArray(kinds))::text[]) k")
        try connection.execute(query)
    }

    @Test func theHeadFollowsStatementsSavepointsAndRollbacks() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                try connection.withTransaction { c in
                    try append(c, ["first", "second"])
                    #expect(try head(c) == 2)
                    try c.execute("SAVEPOINT probe")
                    try append(c, ["undone_a", "undone_b", "undone_c"])
                    #expect(try head(c) == 5)
                    try c.execute("ROLLBACK TO SAVEPOINT probe")
                    #expect(try head(c) == 2)
                    try append(c, [])
                    #expect(try head(c) == 2)
                    try append(c, ["third"])
                }
                struct Abandoned: Error {}
                #expect(throws: Abandoned.self) {
                    try connection.withTransaction { c in
                        try append(c, ["abandoned"])
                        throw Abandoned()
                    }
                }
                try append(connection, ["fourth"])
                #expect(try head(connection) == 4)
                let kinds = try connection.query("SELECT kind FROM case_event ORDER BY id").map {
                    try $0.decode(String.self, at: 0)
                }
                #expect(kinds == ["first", "second", "third", "fourth"])
                let verification = try AuditLog(connection).verify()
                #expect(verification.isIntact, "\(verification.findings)")
                #expect(verification.checked == 4)
            }
        }
    }

    @Test func concurrentWritersLeaveOneUnbrokenChain() async throws {
        try await withTestDatabase { db in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        try db.withConnection { connection in
                            for round in 0..<25 {
                                try connection.withTransaction { c in
                                    try append(c, ["w\(writer)_\(round)_a", "w\(writer)_\(round)_b"])
                                    try append(c, ["w\(writer)_\(round)_c"])
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try db.withConnection { connection in
                #expect(try head(connection) == 300)
                let verification = try AuditLog(connection).verify()
                #expect(verification.isIntact, "\(verification.findings)")
                #expect(verification.checked == 300)
            }
        }
    }
}
