public import Postgres
public import RedressCore

/// A `date` column or parameter.
extension LocalDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresType { .date }
    public var postgresText: String { iso }

    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        guard let date = LocalDate(iso: String(decoding: bytes, as: UTF8.self)) else {
            throw PostgresError(kind: .decoding, message: "cannot decode a \(bytes.count)-byte column value as a date")
        }
        self = date
    }
}
