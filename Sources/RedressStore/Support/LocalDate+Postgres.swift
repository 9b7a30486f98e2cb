public import Postgres
public import RedressCore

/// A `date` column or parameter.
///
/// PostgreSQL keeps dates from 4713 BC to 5874897 AD and `infinity`; Redress works in years 1 to
/// 9999. A stored date outside them (written through psql, or before times were checked) is
/// read as the nearest date inside, so one such row cannot break a list for everyone.
extension LocalDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresType { .date }
    public var postgresText: String { iso }

    /// The dates Redress reads as they are.
    public static let storableRange = LocalDate(iso: "0001-01-01")!...LocalDate(iso: "9999-12-31")!

    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = LocalDate(iso: text) {
            self = date
            return
        }
        switch text {
        case "infinity": self = Self.storableRange.upperBound
        case "-infinity": self = Self.storableRange.lowerBound
        default:
            // A year of five or more digits (beyond 9999), or any date BC.
            if text.hasSuffix(" BC") {
                self = Self.storableRange.lowerBound
            } else if let dash = text.firstIndex(of: "-"), text[..<dash].count > 4,
                text[..<dash].allSatisfy(\.isASCIIDigit)
            {
                self = Self.storableRange.upperBound
            } else {
                throw PostgresError(
                    kind: .decoding, message: "cannot decode a \(bytes.count)-byte column value as a date")
            }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
