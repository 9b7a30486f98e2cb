public import Foundation
import Postgres

/// A case note as `case show` gives it: who wrote it, when, and what it says.
public struct NoteDocument: Sendable, Encodable {
    public var author: String
    public var notedAt: Date
    public var text: String

    /// The case's notes recorded in mediation (`underMediation`) or outside it, oldest first.
    static func load(_ connection: PostgresConnection, caseID: Int, underMediation: Bool) throws -> [NoteDocument] {
        try connection.query(
            """
            SELECT author, noted_at, body FROM case_note
            WHERE case_id = \(caseID) AND under_mediation = \(underMediation) ORDER BY noted_at, id
            """
        ).map {
            NoteDocument(
                author: try $0.decode(String.self, at: 0), notedAt: try $0.decode(Date.self, at: 1),
                text: try $0.decode(String.self, at: 2))
        }
    }

    enum CodingKeys: String, CodingKey {
        case author
        case notedAt = "noted_at"
        case text
    }
}
