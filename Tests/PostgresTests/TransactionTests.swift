import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Transactions")
struct TransactionTests {
    @Test func aThrowingBodyLeavesNothingBehind() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE remedy (id integer PRIMARY KEY, kind text NOT NULL)")
            #expect(throws: Deliberate.self) {
                try c.withTransaction { tx in
                    try tx.execute("INSERT INTO remedy (id, kind) VALUES (1, \("apology"))")
                    try tx.execute("INSERT INTO remedy (id, kind) VALUES (2, \("training"))")
                    #expect(try scalar(tx, "SELECT count(*) FROM remedy") as Int == 2)
                    throw Deliberate()
                }
            }
            #expect(try scalar(c, "SELECT count(*) FROM remedy") as Int == 0)

            // A server error inside the body rolls back the same way...
            let error = #expect(throws: PostgresError.self) {
                try c.withTransaction { tx in
                    try tx.execute("INSERT INTO remedy (id, kind) VALUES (3, \("apology"))")
                    try tx.execute("INSERT INTO remedy (id, kind) VALUES (3, \("duplicate"))")
                }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(try scalar(c, "SELECT count(*) FROM remedy") as Int == 0)

            // ...and leaves no transaction open: the next one commits.
            let value = try c.withTransaction { tx in
                try tx.execute("INSERT INTO remedy (id, kind) VALUES (4, \("apology"))")
                return "done"
            }
            #expect(value == "done")
            #expect(try scalar(c, "SELECT count(*) FROM remedy") as Int == 1)
            // Outside a transaction block a savepoint is refused.
            let outside = #expect(throws: PostgresError.self) { try c.execute("SAVEPOINT probe") }
            #expect(outside?.sqlState == "25P01")
        }
    }

    @Test func isolationLevelIsTheOneAskedFor() throws {
        try withEmptyDatabase { c throws in
            for level in [PostgresIsolation.readCommitted, .repeatableRead, .serializable] {
                let seen: String = try c.withTransaction(isolation: level) { tx in
                    try scalar(tx, "SELECT current_setting('transaction_isolation')")
                }
                #expect(seen == level.rawValue.lowercased())
            }
        }
    }

    /// Write skew between two SERIALIZABLE transactions: each reads what the
    /// other writes. The one that commits second must fail with 40001, and
    /// `withTransaction` runs its body again, which then commits.
    @Test func aSerializationFailureIsRetried() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { setup in
                try setup.execute("CREATE TABLE on_call (shift text NOT NULL, person text NOT NULL)")
                try setup.execute("INSERT INTO on_call (shift, person) VALUES ('day', 'kim'), ('night', 'lee')")
            }
            let first = try db.connect()
            defer { first.close() }
            let second = try db.connect()
            defer { second.close() }

            var attempts = 0
            var failures: [String] = []
            let committed = try first.withTransaction(isolation: .serializable) { tx -> Int in
                attempts += 1
                let nights = try scalar(tx, "SELECT count(*) FROM on_call WHERE shift = 'night'", as: Int.self)
                if attempts == 1 {
                    // The other transaction reads the day shift and writes a night one, then commits.
                    try second.withTransaction(isolation: .serializable) { other in
                        _ = try scalar(other, "SELECT count(*) FROM on_call WHERE shift = 'day'", as: Int.self)
                        try other.execute("INSERT INTO on_call (shift, person) VALUES ('night', 'park')")
                    }
                }
                do {
                    try tx.execute("INSERT INTO on_call (shift, person) VALUES ('day', \("choi-\(nights)"))")
                } catch let error as PostgresError {
                    failures.append(error.sqlState ?? "")
                    throw error
                }
                return nights
            }
            #expect(attempts == 2)
            // The retry saw the other transaction's row.
            #expect(committed == 2)
            let people = try first.query("SELECT person FROM on_call ORDER BY person").map {
                try $0.decode(String.self, at: 0)
            }
            #expect(people == ["choi-2", "kim", "lee", "park"])
            // The failure surfaced either at the insert or at COMMIT; either way it was 40001.
            #expect(failures.allSatisfy { $0 == "40001" })
        }
    }

    @Test func retriesStopAfterTheGivenAttempts() throws {
        try withEmptyDatabase { c throws in
            var attempts = 0
            let error = #expect(throws: PostgresError.self) {
                try c.withTransaction(attempts: 3) { tx in
                    attempts += 1
                    // The server raises the SQLSTATE itself.
                    try tx.execute(
                        unsafeSQL:
                            "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$")
                }
            }
            #expect(error?.sqlState == "40001")
            #expect(error?.isRetryable == true)
            #expect(attempts == 3)

            // Errors that are not conflicts are never retried.
            attempts = 0
            #expect(throws: Deliberate.self) {
                try c.withTransaction { _ in
                    attempts += 1
                    throw Deliberate()
                }
            }
            #expect(attempts == 1)
        }
    }

    @Test func savepointsUndoOnlyTheirOwnWork() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE step (id integer PRIMARY KEY)")
            try c.withTransaction { tx in
                try tx.execute("INSERT INTO step (id) VALUES (1)")
                #expect(throws: Deliberate.self) {
                    try tx.withSavepoint {
                        try tx.execute("INSERT INTO step (id) VALUES (2)")
                        throw Deliberate()
                    }
                }
                // A server error inside a savepoint does not poison the transaction.
                let duplicate = #expect(throws: PostgresError.self) {
                    try tx.withSavepoint("second") {
                        try tx.execute("INSERT INTO step (id) VALUES (3)")
                        try tx.execute("INSERT INTO step (id) VALUES (1)")
                    }
                }
                #expect(duplicate?.isUniqueViolation == true)
                // Nested savepoints of the same name unwind one level at a time.
                try tx.withSavepoint {
                    try tx.execute("INSERT INTO step (id) VALUES (4)")
                    #expect(throws: Deliberate.self) {
                        try tx.withSavepoint {
                            try tx.execute("INSERT INTO step (id) VALUES (5)")
                            throw Deliberate()
                        }
                    }
                    try tx.execute("INSERT INTO step (id) VALUES (6)")
                }
                // Every savepoint was released: none of that name is left.
                let gone = #expect(throws: PostgresError.self) {
                    try tx.withSavepoint("probe") { try tx.execute("RELEASE SAVEPOINT redress_sp") }
                }
                #expect(gone?.sqlState == "3B001")
                let kept = try tx.withSavepoint("kept") { () -> Int in
                    try tx.execute("INSERT INTO step (id) VALUES (7)")
                    return 7
                }
                #expect(kept == 7)
            }
            let ids = try c.query("SELECT id FROM step ORDER BY id").map { try $0.decode(Int.self, at: 0) }
            #expect(ids == [1, 4, 6, 7])
        }
    }
}
