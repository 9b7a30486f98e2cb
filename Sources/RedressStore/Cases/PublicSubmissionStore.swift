public import Foundation
public import Postgres

/// The keys of the public complaint form's submissions (migration 26): a form sent twice opens
/// one case. A submission has two keys, the nonce its form carried and a digest of what it says;
/// either one seen in the last day names the case it opened. Only the SHA-256 of a key is stored.
public struct PublicSubmissionStore {
    public let connection: PostgresConnection

    /// How long a key is remembered for.
    public static let window: TimeInterval = 24 * 3600

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The reference of the case a submission with any of `keys` opened in the last day, or nil.
    public func reference(forKeys keys: [String], at instant: Date) throws -> String? {
        for key in keys {
            let since = instant.addingTimeInterval(-Self.window)
            if let reference = try connection.query(
                """
                SELECT c.reference FROM public_form_submission s JOIN complaint_case c ON c.id = s.case_id
                WHERE s.key_sha256 = \(Secret.digest(key)) AND s.created_at > \(since)
                """
            ).first?.decode(String.self, at: 0) {
                return reference
            }
        }
        return nil
    }

    /// Remembers that the submission with `keys` opened case `caseID`; call in the transaction
    /// that opens the case. The same submission sent twice at once fails here on the key, and
    /// its transaction, case included, rolls back. Keys that say what a form says carry the day
    /// (see `RedressServer.file`), so they never meet an old one.
    public func remember(keys: [String], caseID: Int, at instant: Date) throws {
        for key in Set(keys) {
            try connection.execute(
                """
                INSERT INTO public_form_submission (key_sha256, case_id, created_at)
                VALUES (\(Secret.digest(key)), \(caseID), \(instant))
                """)
        }
    }
}
