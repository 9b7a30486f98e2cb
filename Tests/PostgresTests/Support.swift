import Foundation
import Postgres
import RedressTesting

/// Runs `body` with a connection to a fresh, empty database of the test's own.
func withEmptyDatabase<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    try withTestDatabase(migrated: false) { db in
        try db.withConnection(body)
    }
}

/// Microseconds since 1970, the precision of `timestamptz`.
func microseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
}

/// The first column of the first row.
func scalar<T: PostgresDecodable>(_ connection: PostgresConnection, _ query: PostgresQuery, as type: T.Type = T.self)
    throws -> T
{
    guard let row = try connection.query(query).first else {
        throw PostgresError(kind: .client, message: "the query returned no row")
    }
    return try row.decode(T.self, at: 0)
}

/// An error a test body throws on purpose.
struct Deliberate: Error, Equatable {}
