import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Connection pool")
struct PoolTests {
    /// Connections the server has open to the database.
    static let serverSideCount: PostgresQuery = """
        SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
        """

    @Test func fiftyTasksShareFourConnections() async throws {
        try await withTestDatabase(migrated: false) { db in
            let pool = PostgresConnectionPool(configuration: db.configuration, maximumConnections: 4)
            defer { pool.shutdown() }
            struct Seen: Sendable {
                var task: Int
                var pid: Int
                var poolOpen: Int
                var serverOpen: Int
                var echoed: Int
            }
            let seen = try await withThrowingTaskGroup(of: Seen.self) { group in
                for task in 0..<50 {
                    group.addTask {
                        try await pool.withConnection { c in
                            let row = try #require(
                                try c.query(
                                    """
                                    SELECT \(task), pg_backend_pid(), (\(Self.serverSideCount)), pg_sleep(0.005)::text
                                    """
                                ).first)
                            return Seen(
                                task: task, pid: try row.decode(Int.self, at: 1),
                                poolOpen: pool.usage.open, serverOpen: try row.decode(Int.self, at: 2),
                                echoed: try row.decode(Int.self, at: 0))
                        }
                    }
                }
                var all: [Seen] = []
                for try await one in group { all.append(one) }
                return all
            }
            #expect(seen.count == 50)
            #expect(Set(seen.map(\.task)) == Set(0..<50))
            #expect(seen.allSatisfy { $0.echoed == $0.task })
            #expect(Set(seen.map(\.pid)).count <= 4)
            #expect(seen.map(\.poolOpen).max()! <= 4)
            #expect(seen.map(\.serverOpen).max()! <= 4)
            let usage = pool.usage
            #expect(usage.open <= 4)
            #expect(usage.inUse == 0)
            #expect(usage.waiting == 0)
        }
    }

    @Test func recoversAfterItsConnectionIsTerminated() async throws {
        try await withTestDatabase(migrated: false) { db in
            let pool = PostgresConnectionPool(configuration: db.configuration, maximumConnections: 2)
            defer { pool.shutdown() }
            let admin = try db.connect()
            defer { admin.close() }

            // Killed while idle in the pool: the next request gets a working connection.
            let first = try await pool.withConnection { $0.backendPID }
            #expect(try scalar(admin, "SELECT pg_terminate_backend(\(first)::integer, 10000)") as Bool)
            let second = try await pool.withConnection { c in try scalar(c, "SELECT pg_backend_pid()", as: Int.self) }
            #expect(second != first)

            // Killed while lent: that body fails with a connection error, the pool
            // drops the connection, and later requests work.
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { c in
                    _ = try scalar(admin, "SELECT pg_terminate_backend(\(c.backendPID)::integer, 10000)", as: Bool.self)
                    return try scalar(c, "SELECT 1", as: Int.self)
                }
            }
            #expect(error?.isConnectionFailure == true)
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<10 {
                    group.addTask {
                        try await pool.withConnection { c in try scalar(c, "SELECT \(n) + 1", as: Int.self) }
                    }
                }
                var all: [Int] = []
                for try await one in group { all.append(one) }
                return all.sorted()
            }
            #expect(results == Array(1...10))
            #expect(pool.usage.open <= 2)
        }
    }

    @Test func anUnreachableServerFailsEveryRequestWithoutHanging() async throws {
        let pool = PostgresConnectionPool(
            configuration: PostgresConfiguration(url: "postgresql://127.0.0.1:1/nowhere"), maximumConnections: 1)
        defer { pool.shutdown() }
        for _ in 0..<3 {
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { c in c.backendPID }
            }
            #expect(error?.isConnectionFailure == true)
        }
        #expect(pool.usage.open == 0)
        #expect(pool.usage.inUse == 0)
    }

    @Test func aShutDownPoolRefusesWorkInsteadOfHanging() async throws {
        try await withTestDatabase(migrated: false) { db in
            let pool = PostgresConnectionPool(configuration: db.configuration, maximumConnections: 2)
            let one = try await pool.withConnection { c in try scalar(c, "SELECT 1", as: Int.self) }
            #expect(one == 1)
            pool.shutdown()
            #expect(pool.usage.open == 0)
            for _ in 0..<3 {
                let error = await #expect(throws: PostgresError.self) {
                    try await pool.withConnection { c in c.backendPID }
                }
                #expect(error?.message == "the connection pool was shut down")
            }
        }
    }

    @Test func aThrowingBodyGivesTheConnectionBack() async throws {
        try await withTestDatabase(migrated: false) { db in
            let pool = PostgresConnectionPool(configuration: db.configuration, maximumConnections: 1)
            defer { pool.shutdown() }
            let pid = try await pool.withConnection { $0.backendPID }
            await #expect(throws: Deliberate.self) {
                try await pool.withConnection { _ in throw Deliberate() }
            }
            // A body that left a transaction open does not hand it on.
            await #expect(throws: Deliberate.self) {
                try await pool.withConnection { c in
                    try c.execute("BEGIN")
                    try c.execute("CREATE TABLE leaked (v integer)")
                    throw Deliberate()
                }
            }
            let again = try await pool.withConnection { c in
                (c.backendPID, try scalar(c, "SELECT to_regclass('leaked') IS NULL", as: Bool.self))
            }
            #expect(again.0 == pid)
            #expect(again.1)
        }
    }
}
