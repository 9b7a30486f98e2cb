import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Postgres
import RedressService
import RedressTesting
import Testing

/// A service under test: the router of a `RedressServer` on a database of
/// its own, and the OpenAPI contract every answer is checked against.
struct ServiceUnderTest: Sendable {
    let database: TestDatabase
    let server: RedressServer
    let client: any TestClientProtocol
    let contract: OpenAPIContract

    /// Sends a request; when `documented` names the operation ("/v1/cases/{reference}"),
    /// the answer must keep the OpenAPI document.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, documented template: String?,
        headers: HTTPFields = [:], body: Data? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestResponse {
        var headers = headers
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        if let template {
            let problems = contract.problems(
                method: method.rawValue, path: template, status: response.status.code,
                contentType: response.headers[.contentType], body: Data(buffer: response.body))
            #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        }
        if response.status.code >= 400 {
            let error = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            let detail = error?["error"] as? [String: Any]
            #expect(
                detail?["status"] as? Int == response.status.code, "error answers carry their status",
                sourceLocation: sourceLocation)
            let message = detail?["message"] as? String ?? ""
            #expect(!message.isEmpty, "error answers carry a message", sourceLocation: sourceLocation)
        }
        return response
    }

    /// The JSON object of an answer.
    func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
        return try #require(object as? [String: Any])
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self.init(buffer.readableBytesView)
    }

    static func json(_ text: String) -> Data { Data(text.utf8) }
}

/// A logger that prints nothing: tests read answers, not logs.
let quietLogger = Logger(label: "redress.test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Runs `body` against the service's router on a fresh migrated database.
func withService(
    configure: (inout ServiceConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (ServiceUnderTest) async throws -> Void
) async throws {
    var configuration = ServiceConfiguration()
    configure(&configuration)
    let settings = configuration
    try await withTestDatabase { database in
        // Deployed, the service connects with a login of its own (see "Security model").
        try ServiceLogin.shared.ensure(database)
        let pool = PostgresConnectionPool(
            configuration: PostgresConfiguration(url: database.url(asUser: ServiceLogin.name)), maximumConnections: 4)
        defer { pool.shutdown() }
        let server = RedressServer(configuration: settings, pool: pool, logger: quietLogger)
        let contract = try OpenAPIContract()
        try await server.buildApplication().test(.router) { client in
            try await body(ServiceUnderTest(database: database, server: server, client: client, contract: contract))
        }
    }
}

/// The service's own login, a member of `redress_service`: made once per test run, since
/// roles are cluster-wide and changing them concurrently fails.
final class ServiceLogin: @unchecked Sendable {
    static let name = "redress_web"
    static let shared = ServiceLogin()
    private let lock = NSLock()
    private var made = false

    func ensure(_ database: TestDatabase) throws {
        try lock.withLock {
            guard !made else { return }
            try database.withConnection {
                try $0.execute(
                    unsafeSQL: """
                        DO $$ BEGIN CREATE ROLE redress_web LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                        GRANT redress_service TO redress_web;
                        """)
            }
            made = true
        }
    }
}
