import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Postgres
import RedressService
import RedressTesting
import Testing

@Suite("Health, readiness, metrics and the document")
struct OperationalTests {
    @Test func healthAndReadinessAnswerWhenTheDatabaseDoes() async throws {
        try await withService { service in
            let health = try await service.send(.get, "/healthz", documented: "/healthz")
            #expect(health.status == .ok)
            let ready = try await service.send(.get, "/readyz", documented: "/readyz")
            #expect(ready.status == .ok)
            #expect(try service.json(ready)["status"] as? String == "ready")
        }
    }

    @Test func readinessIs503WhenTheDatabaseIsUnreachable() async throws {
        // A socket folder where no server listens: connecting fails at once.
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
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.headers[.retryAfter] != nil)
            #expect(
                contract.problems(
                    method: "GET", path: "/readyz", status: 503, contentType: ready.headers[.contentType],
                    body: Data(buffer: ready.body)
                ).isEmpty)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok, "the process itself is healthy")
        }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        try await withService { service in
            try await service.send(.get, "/healthz", documented: "/healthz")
            try await service.send(.get, "/healthz", documented: "/healthz")
            try await service.send(.get, "/no/such/thing", documented: nil)
            let metrics = try await service.send(.get, "/metrics", documented: "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: metrics.body)
            #expect(text.contains(#"redress_http_requests_total{route="/healthz",method="GET",status="200"} 2"#))
            #expect(text.contains(#"redress_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
            #expect(
                text.contains(
                    #"redress_http_request_duration_seconds_count{route="/healthz",method="GET",status="200"} 2"#))
            #expect(text.contains(#"redress_db_pool_max_connections 4"#))
            #expect(text.contains(#"redress_db_pool_connections{state="in_use"}"#))
            // No request path or query reaches a label: only templates and "unmatched".
            #expect(!text.contains("/no/such/thing"))
        }
    }

    @Test func unknownRoutesAnswer404WithAJSONMessage() async throws {
        try await withService { service in
            let response = try await service.send(.get, "/v1/nothing-here", documented: nil)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let error = try #require(try service.json(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
        }
    }

    @Test func aKnownPathWithTheWrongMethodAnswers405NamingTheRightOnes() async throws {
        try await withService { service in
            for (method, path, allow) in [
                (HTTPRequest.Method.delete, "/v1/complaints", "POST"),
                (.put, "/v1/complaints/HRC-2026-000001/status", "GET"),
                (.post, "/healthz", "GET"),
            ] {
                let response = try await service.send(method, path, documented: nil)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow)
                let error = try #require(try service.json(response)["error"] as? [String: Any])
                #expect(error["code"] as? String == "method_not_allowed")
                #expect((error["message"] as? String)?.contains("use \(allow)") == true)
            }
            // A path no route has is still 404, whatever the method.
            #expect(try await service.send(.delete, "/v1/nothing-here", documented: nil).status == .notFound)
            #expect(
                try await service.send(.get, "/v1/complaints/HRC-2026-000001/status/extra", documented: nil).status
                    == .notFound)
        }
    }

    @Test func theDocumentIsOpenAPI31AndServed() async throws {
        try await withService { service in
            let response = try await service.send(.get, "/openapi.json", documented: "/openapi.json")
            #expect(response.status == .ok)
            let document = try service.json(response)
            #expect(document["openapi"] as? String == "3.1.0")
            #expect(Data(buffer: response.body) == Data(OpenAPIDocument.json.utf8))
        }
    }
}
