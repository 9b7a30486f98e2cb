import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Postgres
import RedressCore
import RedressService
import RedressTesting
import Testing

@Suite("Error statuses")
struct ErrorStatusTests {
    @Test func staffAndPublicEndpointsAnswer503WhileTheDatabaseIsUnreachable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-no-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = PostgresConnectionPool(
            configuration: PostgresConfiguration(parameters: [("host", folder.path), ("dbname", "redress")]),
            maximumConnections: 2)
        defer { pool.shutdown() }
        let server = RedressServer(configuration: ServiceConfiguration(), pool: pool, logger: quietLogger)
        let contract = try OpenAPIContract()
        try await server.buildApplication().test(.router) { client in
            let token = "rdt_1_" + String(repeating: "0", count: 64)
            let requests: [(HTTPRequest.Method, String, String, Data?)] = [
                (.get, "/v1/cases", "/v1/cases", nil),
                (.get, "/v1/cases/HRC-2026-000001", "/v1/cases/{reference}", nil),
                (.post, "/v1/cases/HRC-2026-000001/notes", "/v1/cases/{reference}/notes", Data(#"{"text": "x"}"#.utf8)),
                (.post, "/v1/complaints", "/v1/complaints", Data(ServiceFixtures.complaint.utf8)),
            ]
            for (method, uri, template, body) in requests {
                var headers: HTTPFields = [.authorization: "Bearer \(token)"]
                if body != nil { headers[.contentType] = "application/json" }
                let response = try await client.execute(
                    uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
                #expect(response.status == .serviceUnavailable, "\(uri)")
                #expect(response.headers[.retryAfter] == "5")
                let problems = contract.problems(
                    method: method.rawValue, path: template, status: response.status.code,
                    contentType: response.headers[.contentType], body: Data(buffer: response.body))
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }

    @Test func aRequestThatGetsNoConnectionInTimeIsAnswered503AndNeverRun() async throws {
        // On a loaded machine the synchronous tests of other suites can hold every cooperative
        // thread for minutes; at high priority this test's tasks (and those it starts) are the
        // first to run when a thread comes free, so its four busy connections are not starved.
        try await Task(priority: .high) { try await Self.requestWithoutAConnectionInTime() }.value
    }

    static func requestWithoutAConnectionInTime() async throws {
        try await withService(configure: { $0.databaseWaitLimit = .milliseconds(300) }) { service in
            // Hold every connection of the pool (4) in queries that wait on a lock.
            try service.withConnection { connection in
                try connection.execute(
                    unsafeSQL:
                        "CREATE TABLE wait_gate (id int); INSERT INTO wait_gate VALUES (1); GRANT SELECT ON wait_gate TO redress_service"
                )
            }
            let holder = try PostgresConnection.connect(service.database.configuration)
            defer { holder.close() }
            try holder.execute(unsafeSQL: "BEGIN; LOCK TABLE wait_gate IN ACCESS EXCLUSIVE MODE")
            let busy = (0..<4).map { _ in
                // Straight from the pool, without the service's wait limit: on a loaded machine
                // opening the four connections may take longer than the limit under test.
                Task {
                    try await service.server.database.pool.withConnection {
                        try $0.query("SELECT id FROM wait_gate").count
                    }
                }
            }
            // All four must be waiting on the lock before the request comes: on a loaded
            // machine the tasks may take a while to get their connections.
            let observer = try PostgresConnection.connect(service.database.configuration)
            defer { observer.close() }
            try await waitUntil("the pool's four connections wait on the lock", timeout: 120) {
                try observer.query(
                    """
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT id FROM wait_gate%'
                    """
                ).first!.decode(Int.self, at: 0) == 4
            }
            let started = ContinuousClock.now
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(ServiceFixtures.complaint))
            #expect(response.status == .serviceUnavailable)
            // Not a hang. (The bound is loose: router tests share the cooperative
            // threads with every other suite; the live outage test measures
            // latency in a process of its own.)
            #expect(ContinuousClock.now - started < .seconds(60))
            try holder.execute(unsafeSQL: "COMMIT")
            for task in busy { #expect(try await task.value == 1, "work that had started finished") }
            try await Task.sleep(for: .milliseconds(200))
            let count = try service.withConnection {
                try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            }
            #expect(count == 0, "the complaint answered 503 was never registered")
            #expect(service.server.metrics.prometheusText(pool: nil).contains("redress_db_wait_timeouts_total 1"))
        }
    }

    @Test func aCancelledStatementIsA503WithRetryAfterAndNoConflict() {
        // statement_timeout (and a cancel by hand) raise 57014; lock_timeout would raise 55P03,
        // which stays a conflict (409): the service sets no lock_timeout.
        let cancelled = PostgresError(
            kind: .server, message: "canceling statement due to statement timeout", sqlState: "57014")
        let answer = ServiceError.from(cancelled, logger: quietLogger)
        #expect(answer == .databaseTimedOut())
        #expect(answer.status == .serviceUnavailable)
        #expect(answer.headers[.retryAfter] == "5")
        #expect(answer.message == "the database did not answer in time: try again shortly")
        let locked = PostgresError(kind: .server, message: "could not obtain lock", sqlState: "55P03")
        #expect(ServiceError.from(locked, logger: quietLogger).status == .conflict)
    }

    @Test func malformedJSONGets400WithAMessage() async throws {
        try await withService { service in
            let token = try service.token(for: "wendy", roles: [.caseworker])
            for body in ["{", "{\"text\": }", "null", "\"text\"", "{\"text\": \"a\"} trailing"] {
                let response = try await service.send(
                    .post, "/v1/cases/HRC-2026-000001/notes", documented: "/v1/cases/{reference}/notes",
                    headers: .bearer(token), body: .json(body))
                #expect(response.status == .badRequest, "\(body)")
            }
            let invalidUTF8 = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]))
            #expect(invalidUTF8.status == .badRequest)
            let empty = try await service.send(.post, "/v1/complaints", documented: "/v1/complaints", body: Data())
            #expect(empty.status == .badRequest)
            let badReference = try await service.send(
                .post, "/v1/cases/robert'); DROP TABLE x;--/notes", documented: nil,
                headers: .bearer(token), body: .json(#"{"text": "x"}"#))
            #expect([400, 404].contains(badReference.status.code))
        }
    }
}
