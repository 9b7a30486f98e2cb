public import Foundation
public import Postgres

/// The status tokens a complainant gets at public intake: one per case, stored as the SHA-256
/// of its secret, checked in constant time when the status page is asked for.
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
            VALUES (\(caseID), sha256(convert_to(\(secret), 'UTF8')), \(instant))
            """)
        return secret
    }

    /// Whether `offered` is the status token of case `caseID`.
    public func matches(caseID: Int, offered: String) throws -> Bool {
        let row = try connection.query(
            """
            SELECT encode(secret_sha256, 'hex'), encode(sha256(convert_to(\(offered), 'UTF8')), 'hex')
            FROM complaint_status_token WHERE case_id = \(caseID)
            """
        ).first
        guard let row else { return false }
        return Secret.constantTimeEquals(try row.decode(String.self, at: 0), try row.decode(String.self, at: 1))
    }
}
