public import Foundation
public import Postgres

/// The keys of the public complaint form's submissions (migration 27): a form sent twice opens
/// one case. Only the SHA-256 of a key is stored.
public struct PublicSubmissionStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The reference of the case the form with `key` already opened, or nil.
    public func reference(forKey key: String) throws -> String? {
        try connection.query(
            """
            SELECT c.reference FROM public_form_submission s JOIN complaint_case c ON c.id = s.case_id
            WHERE s.key_sha256 = \(Secret.digest(key))
            """
        ).first?.decode(String.self, at: 0)
    }

    /// Remembers that the form with `key` opened case `caseID`; call in the transaction that
    /// opens the case. A second submission of the same key fails on the primary key.
    public func remember(key: String, caseID: Int, at instant: Date) throws {
        try connection.execute(
            """
            INSERT INTO public_form_submission (key_sha256, case_id, created_at)
            VALUES (\(Secret.digest(key)), \(caseID), \(instant))
            """)
    }
}
