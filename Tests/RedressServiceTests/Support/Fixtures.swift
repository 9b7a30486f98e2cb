import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Postgres
import RedressCore
import RedressService
import RedressStore
import RedressTesting
import Testing

extension ServiceUnderTest {
    /// Adds (or reuses) staff member `login` with `roles` and issues a token for it.
    func token(for login: String, roles: [Role], expires: TokenExpiry? = nil) throws -> String {
        try database.withConnection { connection in
            try connection.withStoreTransaction { connection in
                let admin = try StaffStore(connection).currentActor()
                if try StaffStore(connection).member(login) == nil {
                    _ = try StaffStore(connection).add(
                        login: login, roles: roles, displayName: nil, email: nil, actor: admin, at: Date())
                }
                return try StaffTokenStore(connection).create(login: login, expires: expires, actor: admin, at: Date())
                    .token
            }
        }
    }

    /// Registers a complaint through the public endpoint and returns its receipt.
    func submitComplaint(_ body: String = ServiceFixtures.complaint) async throws -> (
        reference: String, statusToken: String
    ) {
        let response = try await send(.post, "/v1/complaints", documented: "/v1/complaints", body: .json(body))
        try #require(
            response.status == .created, "intake answered \(response.status.code): \(String(buffer: response.body))")
        let receipt = try json(response)
        return (try #require(receipt["reference"] as? String), try #require(receipt["status_token"] as? String))
    }

    /// Runs SQL on the test database as its owner (the admin the migration made).
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try database.withConnection(body)
    }
}

extension HTTPFields {
    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }
}

enum ServiceFixtures {
    /// A complaint a web form would send, with identity the status must not show.
    static let complaint = """
        {"complainants": [{"name": "Park Min-jun", "email": "minjun@example.org", "phone": "+82 62 000 0000", "contact_preference": "email"}],
         "respondent": {"name": "Gwangju Housing Office"},
         "summary": "Eviction notice served without a hearing",
         "categories": ["housing"], "language": "ko"}
        """
}
