import Foundation
import Hummingbird
import Postgres
import RedressService
import Testing

@Suite("The OpenAPI document matches the router")
struct DocumentTests {
    @Test func everyRouteIsDocumentedAndEveryOperationRouted() throws {
        let pool = PostgresConnectionPool(
            configuration: PostgresConfiguration(parameters: [("host", "/nonexistent")]), maximumConnections: 1)
        defer { pool.shutdown() }
        let router = RedressServer(configuration: ServiceConfiguration(), pool: pool, logger: quietLogger).buildRouter()
        let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let documented = try OpenAPIContract().operations
        #expect(
            routed == documented,
            "routed only: \(routed.subtracting(documented).sorted()); documented only: \(documented.subtracting(routed).sorted())"
        )
    }

    @Test func everyOperationListsItsErrorsAndEveryReferenceResolves() throws {
        let contract = try OpenAPIContract()
        var problems: [String] = []
        func walk(_ node: Any, at path: String) {
            if let object = node as? [String: Any] {
                if let ref = object["$ref"] as? String, contract.resolve(ref) == nil {
                    problems.append("\(path): \(ref) does not resolve")
                }
                for (key, value) in object { walk(value, at: "\(path)/\(key)") }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { walk(value, at: "\(path)/\(index)") }
            }
        }
        walk(contract.document, at: "#")
        for operation in contract.operations {
            let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
            let responses = Set((contract.operation(parts[0], parts[1])?["responses"] as? [String: Any] ?? [:]).keys)
            let isStaff = parts[1].hasPrefix("/v1/cases")
            let isChange = isStaff && parts[0] == "POST"
            let needed: Set<String> =
                isChange
                ? ["200", "400", "401", "403", "404", "409", "413", "415", "422", "503"]
                : isStaff
                    ? ["200", "400", "401", "403", "503"]
                    : parts[1].hasPrefix("/v1/complaints")
                        ? Set(["400", "429", "503"] + (parts[0] == "POST" ? ["415"] : [])) : ["200"]
            if !needed.isSubset(of: responses) {
                problems.append("\(operation) lacks \(needed.subtracting(responses).sorted())")
            }
            // Whatever reads the database may be answered 503: unreachable, or past the time limit.
            if parts[1].hasPrefix("/v1/") || parts[1] == "/readyz", !responses.contains("503") {
                problems.append("\(operation) reaches the database but lacks 503")
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theUnavailableAnswerNamesRetryAfterAndTheTimeoutCode() throws {
        let contract = try OpenAPIContract()
        let unavailable = try #require(contract.resolve("#/components/responses/Unavailable"))
        #expect((unavailable["headers"] as? [String: Any])?["Retry-After"] != nil)
        let error = try #require(contract.resolve("#/components/schemas/Error"))
        let detail = (error["properties"] as? [String: Any])?["error"] as? [String: Any]
        let code = (detail?["properties"] as? [String: Any])?["code"] as? [String: Any]
        let codes = code?["enum"] as? [String] ?? []
        for name in [ServiceError.databaseUnavailable().code, ServiceError.databaseTimedOut().code] {
            #expect(codes.contains(name), "\(name) is not among the documented codes \(codes)")
        }
    }
}
