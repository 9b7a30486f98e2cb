/// A case's public reference, `PREFIX-YYYY-NNNNNN` (`HRC-2026-000042`): the office prefix,
/// the year of receipt and a gapless per-year number.
public struct CaseReference: Sendable, Hashable, Comparable {
    /// The office's prefix: 1 to 16 ASCII letters or digits.
    public let prefix: String
    /// The year the case was received.
    public let year: Int
    /// The number within the year, from 1 to 999999.
    public let number: Int

    /// The largest number a year can hold in six digits.
    public static let maximumNumber = 999_999

    /// Makes a reference, refusing a bad prefix, a year outside 1–9999 or a number outside 1–999999.
    public init(prefix: String, year: Int, number: Int) throws {
        let text = "\(prefix)-\(year)-\(number)"
        guard CaseReference.isValidPrefix(prefix), (1...9999).contains(year),
            (1...CaseReference.maximumNumber).contains(number)
        else {
            throw CaseError.invalidReference(text)
        }
        self.prefix = prefix
        self.year = year
        self.number = number
    }

    /// Reads a reference written exactly as `PREFIX-YYYY-NNNNNN`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts[1].utf8.count == 4, parts[1].utf8.allSatisfy(CaseReference.isDigit),
            parts[2].utf8.count == 6, parts[2].utf8.allSatisfy(CaseReference.isDigit),
            let year = Int(parts[1]), let number = Int(parts[2])
        else { throw CaseError.invalidReference(text) }
        do {
            try self.init(prefix: String(parts[0]), year: year, number: number)
        } catch {
            throw CaseError.invalidReference(text)
        }
    }

    /// The reference as `PREFIX-YYYY-NNNNNN`.
    public var formatted: String {
        let digits = String(number)
        let yearDigits = String(year)
        return
            "\(prefix)-\(String(repeating: "0", count: 4 - yearDigits.count))\(yearDigits)-\(String(repeating: "0", count: 6 - digits.count))\(digits)"
    }

    public static func < (lhs: CaseReference, rhs: CaseReference) -> Bool {
        (lhs.prefix, lhs.year, lhs.number) < (rhs.prefix, rhs.year, rhs.number)
    }

    /// Whether `prefix` is 1 to 16 ASCII letters or digits.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        let bytes = prefix.utf8
        return (1...16).contains(bytes.count)
            && bytes.allSatisfy { isDigit($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }
}

extension CaseReference: LosslessStringConvertible {
    /// Reads a reference, or gives `nil` when the text is not one.
    public init?(_ description: String) {
        guard let reference = try? CaseReference(parsing: description) else { return nil }
        self = reference
    }

    public var description: String { formatted }
}

extension CaseReference: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch let error as CaseError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
