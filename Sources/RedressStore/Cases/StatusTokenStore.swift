public import Foundation
public import Postgres

/// The status tokens a complainant gets at public intake: one per case, stored as the SHA-256
/// of its secret; the database compares digests and never hands one out.
public struct StatusTokenStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Issues the token of case `caseID` and returns its secret, the only time it is seen.
    /// Call in the transaction that opens the case.
    public func issue(caseID: Int, at instant: Date) throws -> String {
        let secret = Secret.make()
        try connection.execute(
            """
            INSERT INTO complaint_status_token (case_id, secret_sha256, created_at)
            VALUES (\(caseID), \(Secret.digest(secret)), \(instant))
            """)
        return secret
    }

    /// Whether `offered` is the status token of case `caseID`.
    public func matches(caseID: Int, offered: String) throws -> Bool {
        try connection.query("SELECT complaint_status_token_matches(\(caseID), \(Secret.digest(offered)))").first!
            .decode(Bool.self, at: 0)
    }
}
