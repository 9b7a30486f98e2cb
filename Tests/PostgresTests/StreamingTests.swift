import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Streaming")
struct StreamingTests {
    @Test func rowsArriveInOrder() throws {
        try withEmptyDatabase { c throws in
            var expected = 1
            var mismatches = 0
            try c.stream(
                "SELECT n, repeat(\("인"), (n % 50)::integer) FROM generate_series(1, \(20_000)) AS n ORDER BY n"
            ) { row in
                let n = try row.decode(Int.self, at: 0)
                let text = try row.decode(String.self, at: 1)
                if n != expected || text.count != n % 50 { mismatches += 1 }
                expected += 1
            }
            #expect(expected == 20_001)
            #expect(mismatches == 0)

            var none = 0
            try c.stream("SELECT 1 WHERE false") { _ in none += 1 }
            #expect(none == 0)

            // Statements without rows stream nothing and succeed.
            try c.stream("CREATE TABLE t (v integer)") { _ in none += 1 }
            #expect(none == 0)
        }
    }

    @Test func aServerErrorMidwayIsThrownAfterTheRowsBeforeIt() throws {
        try withEmptyDatabase { c throws in
            var seen = 0
            let error = #expect(throws: PostgresError.self) {
                try c.stream("SELECT 10 / (5000 - n) FROM generate_series(1, 10000) AS n") { _ in seen += 1 }
            }
            #expect(error?.sqlState == "22012")
            #expect(seen == 4999)
            #expect(try scalar(c, "SELECT 1 + \(1)") as Int == 2)
        }
    }

    /// The body throws after three rows of a query that would run for long:
    /// the error reaches the caller, the server stops producing rows (the
    /// sequence shows how many it made), and the connection works after.
    @Test func throwingFromTheBodyCancelsTheQuery() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE SEQUENCE produced")
            let total = 5_000_000
            var seen = 0
            #expect(throws: Deliberate.self) {
                try c.stream("SELECT nextval('produced') FROM (SELECT generate_series(1, \(total))) AS g") { _ in
                    seen += 1
                    if seen == 3 { throw Deliberate() }
                }
            }
            #expect(seen == 3)
            let produced = try scalar(c, "SELECT last_value FROM produced", as: Int.self)
            #expect(produced < total)
            #expect(try scalar(c, "SELECT 1 + \(1)") as Int == 2)

            // The same inside a transaction: the cancel aborts it, and it rolls back cleanly.
            #expect(throws: Deliberate.self) {
                try c.withTransaction { tx in
                    try tx.execute("CREATE TABLE inside (v integer)")
                    try tx.stream("SELECT generate_series(1, \(total))") { _ in throw Deliberate() }
                }
            }
            #expect(try scalar(c, "SELECT to_regclass('inside') IS NULL") as Bool)
        }
    }

    @Test func aStreamCanBeFollowedByAnother() throws {
        try withEmptyDatabase { c throws in
            var sums: [Int] = []
            for _ in 0..<3 {
                var sum = 0
                try c.stream("SELECT generate_series(1, \(100))") { sum += try $0.decode(Int.self, at: 0) }
                sums.append(sum)
            }
            #expect(sums == [5050, 5050, 5050])
        }
    }
}
