import Foundation
public import Postgres
public import RedressCore

/// A `date` column or parameter.
///
/// PostgreSQL keeps dates from 4713 BC to 5874897 AD and `infinity`; Redress works in years 1 to
/// 9999. A stored date outside them (written through psql, or before times were checked) is
/// read as the nearest date inside, as `Date` reads instants, so one such row cannot break a
/// list for everyone.
extension LocalDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresType { .date }
    public var postgresText: String { iso }

    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        if let date = LocalDate(iso: String(decoding: bytes, as: UTF8.self)) {
            self = date
            return
        }
        // `Date` reads a plain date as its midnight UTC, and clamps what lies beyond its range.
        guard let instant = try? Date(postgresText: bytes) else {
            throw PostgresError(kind: .decoding, message: "cannot decode a \(bytes.count)-byte column value as a date")
        }
        self = LocalDate(instant: instant, in: .gmt)
    }
}
