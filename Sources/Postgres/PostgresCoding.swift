public import Foundation

/// A PostgreSQL type OID, sent with each parameter so the server never guesses.
public struct PostgresType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unknown = PostgresType(rawValue: 0)
    public static let bool = PostgresType(rawValue: 16)
    public static let bytea = PostgresType(rawValue: 17)
    public static let int8 = PostgresType(rawValue: 20)
    public static let int4 = PostgresType(rawValue: 23)
    public static let text = PostgresType(rawValue: 25)
    public static let float8 = PostgresType(rawValue: 701)
    public static let textArray = PostgresType(rawValue: 1009)
    public static let date = PostgresType(rawValue: 1082)
    public static let timestamptz = PostgresType(rawValue: 1184)
    public static let numeric = PostgresType(rawValue: 1700)
    public static let uuid = PostgresType(rawValue: 2950)
    public static let jsonb = PostgresType(rawValue: 3802)
}

/// One parameter of a query, already in PostgreSQL's text format.
public struct PostgresBind: Sendable {
    public var type: PostgresType
    /// nil is SQL NULL.
    public var text: String?

    public init(_ value: some PostgresEncodable) {
        type = Swift.type(of: value).postgresType
        text = value.postgresText
    }

    public init(nullOf type: any PostgresEncodable.Type) {
        self.type = type.postgresType
        text = nil
    }
}

/// A Swift value that can be sent as a query parameter.
public protocol PostgresEncodable: Sendable {
    static var postgresType: PostgresType { get }
    /// The value in PostgreSQL's text input format.
    var postgresText: String { get }
}

/// A Swift value that can be read from a result column in text format.
public protocol PostgresDecodable {
    /// Decodes the column's text bytes (never called for NULL).
    init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError)
}

public typealias PostgresCodable = PostgresEncodable & PostgresDecodable

func decodingError(_ type: Any.Type, _ bytes: UnsafeBufferPointer<UInt8>) -> PostgresError {
    // The value itself is left out: it may be personal data.
    PostgresError(kind: .decoding, message: "cannot decode a \(bytes.count)-byte column value as \(type)")
}

extension String: PostgresCodable {
    public static var postgresType: PostgresType { .text }
    public var postgresText: String { self }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Int: PostgresCodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String { String(self) }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        var value = 0
        var negative = false
        var index = 0
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < bytes.count else { throw decodingError(Int.self, bytes) }
        while index < bytes.count {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { throw decodingError(Int.self, bytes) }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1, !o2 else { throw decodingError(Int.self, bytes) }
            value = sum
            index += 1
        }
        self = value
    }
}

extension Int64: PostgresCodable {
    public static var postgresType: PostgresType { .int8 }
    public var postgresText: String { String(self) }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        self = Int64(try Int(postgresText: bytes))
    }
}

extension Int32: PostgresCodable {
    public static var postgresType: PostgresType { .int4 }
    public var postgresText: String { String(self) }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        guard let value = Int32(exactly: try Int(postgresText: bytes)) else { throw decodingError(Int32.self, bytes) }
        self = value
    }
}

extension Bool: PostgresCodable {
    public static var postgresType: PostgresType { .bool }
    public var postgresText: String { self ? "t" : "f" }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        switch bytes.first {
        case UInt8(ascii: "t"): self = true
        case UInt8(ascii: "f"): self = false
        default: throw decodingError(Bool.self, bytes)
        }
    }
}

extension Double: PostgresCodable {
    public static var postgresType: PostgresType { .float8 }
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"
    }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(text) else { throw decodingError(Double.self, bytes) }
            self = value
        }
    }
}

extension Decimal: PostgresCodable {
    public static var postgresType: PostgresType { .numeric }
    public var postgresText: String { description }
    /// Reads numeric's output (`-123.4500`, `NaN`). A value a Decimal cannot
    /// hold exactly (more than 38 significant digits, `Infinity`) is an
    /// error: Foundation would round it, or read `-Infinity` as 0.
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        if bytes.elementsEqual("NaN".utf8) {
            self = .nan
            return
        }
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        var digits = 0
        var firstSignificant: Int? = nil
        var lastSignificant = 0
        var points = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."):
                points += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if bytes[index] != UInt8(ascii: "0") {
                    if firstSignificant == nil { firstSignificant = digits }
                    lastSignificant = digits
                }
            default:
                throw decodingError(Decimal.self, bytes)
            }
            index += 1
        }
        let significant = firstSignificant.map { lastSignificant - $0 + 1 } ?? 0
        guard digits > 0, points <= 1, significant <= 38,
            let value = Decimal(
                string: String(decoding: bytes, as: UTF8.self), locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw decodingError(Decimal.self, bytes)
        }
        self = value
    }
}

extension UUID: PostgresCodable {
    public static var postgresType: PostgresType { .uuid }
    public var postgresText: String { uuidString.lowercased() }
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        guard let value = UUID(uuidString: String(decoding: bytes, as: UTF8.self)) else {
            throw decodingError(UUID.self, bytes)
        }
        self = value
    }
}

/// Bytes sent and read as `bytea`.
extension Array: PostgresEncodable where Element == UInt8 {
    public static var postgresType: PostgresType { .bytea }
    public var postgresText: String {
        let hex: [Character] = [Character]("0123456789abcdef")
        var out = "\\x"
        out.reserveCapacity(2 + count * 2)
        for byte in self {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return out
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0
        else {
            throw decodingError([UInt8].self, bytes)
        }
        func nibble(_ c: UInt8) throws(PostgresError) -> UInt8 {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: throw decodingError([UInt8].self, bytes)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            out.append(try nibble(bytes[index]) << 4 | nibble(bytes[index + 1]))
            index += 2
        }
        self = out
    }
}

/// An instant: `timestamptz` (the session runs in UTC, ISO date style).
extension Date: PostgresCodable {
    public static var postgresType: PostgresType { .timestamptz }

    public var postgresText: String {
        let micros = (timeIntervalSince1970 * 1_000_000).rounded()
        let totalMicros = Int64(micros)
        var seconds = totalMicros / 1_000_000
        var fraction = totalMicros % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (y, m, d) = civilFromDays(Int(days))
        // Digits by hand: String(format:) goes through CoreFoundation and was a tenth of the
        // client's time in a bulk import, which formats a few instants per row.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        if y > 9999 || y < 0 {
            bytes.append(contentsOf: String(y).utf8)
        } else {
            digits(y, 4)
        }
        bytes.append(UInt8(ascii: "-"))
        digits(m, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(Int(secondOfDay / 3600), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay / 60 % 60), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(secondOfDay % 60), 2)
        bytes.append(UInt8(ascii: "."))
        digits(Int(fraction), 6)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The instants read as they are: years 1 to 9999. PostgreSQL keeps more (and `infinity`);
    /// a value beyond is read as the nearest end, so one odd row cannot fail a whole list.
    public static let storableRange =
        Date(
            timeIntervalSince1970: Double(daysFromCivil(1, 1, 1)) * 86_400)...Date(
            timeIntervalSince1970: Double(daysFromCivil(10_000, 1, 1)) * 86_400 - 1)

    /// Reads `YYYY-MM-DD[ HH:MM:SS[.ffffff]][+HH[:MM]]`, as the server prints
    /// timestamptz in ISO style, or a plain date as midnight UTC.
    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        if let outside = Self.outsideStorableRange(bytes) {
            self = outside
            return
        }
        var index = 0
        func number(_ width: Int) throws(PostgresError) -> Int {
            guard index + width <= bytes.count else { throw decodingError(Date.self, bytes) }
            var value = 0
            for i in index..<(index + width) {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { throw decodingError(Date.self, bytes) }
                value = value * 10 + digit
            }
            index += width
            return value
        }
        func expect(_ c: Character) throws(PostgresError) {
            guard index < bytes.count, bytes[index] == c.asciiValue! else { throw decodingError(Date.self, bytes) }
            index += 1
        }
        // Years beyond 9999 or BC are not used by Redress.
        let year = try number(4)
        try expect("-")
        let month = try number(2)
        try expect("-")
        let day = try number(2)
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "T") else {
                throw decodingError(Date.self, bytes)
            }
            index += 1
            let hour = try number(2)
            try expect(":")
            let minute = try number(2)
            try expect(":")
            let second = try number(2)
            seconds += Double(hour * 3600 + minute * 60 + second)
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var fraction = 0.0
                var scale = 0.1
                while index < bytes.count, (48...57).contains(bytes[index]) {
                    fraction += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                seconds += fraction
            }
            if index < bytes.count {
                let sign: Double
                switch bytes[index] {
                case UInt8(ascii: "+"): sign = 1
                case UInt8(ascii: "-"): sign = -1
                case UInt8(ascii: "Z"): sign = 0
                default: throw decodingError(Date.self, bytes)
                }
                index += 1
                if sign != 0 {
                    var offset = try number(2) * 3600
                    if index < bytes.count {
                        try expect(":")
                        offset += try number(2) * 60
                    }
                    if index < bytes.count {
                        try expect(":")
                        offset += try number(2)
                    }
                    seconds -= sign * Double(offset)
                }
            }
        }
        guard index == bytes.count else { throw decodingError(Date.self, bytes) }
        self = Date(timeIntervalSince1970: seconds)
    }

    /// The end of `storableRange` that a value outside it is read as: `infinity`, a year of
    /// five or more digits, or a year BC; nil for any other text.
    static func outsideStorableRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let text = String(decoding: bytes, as: UTF8.self)
        if text == "infinity" { return storableRange.upperBound }
        if text == "-infinity" || text.hasSuffix(" BC") { return storableRange.lowerBound }
        let year = text.prefix { $0.isASCII && $0.isNumber }
        return year.count > 4 && text.dropFirst(year.count).hasPrefix("-") ? storableRange.upperBound : nil
    }
}

/// A JSON document sent and read as `jsonb`.
public struct PostgresJSON<Value: Codable & Sendable>: PostgresCodable, Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }

    public static var postgresType: PostgresType { .jsonb }

    /// JSON has no NaN or infinity: those travel as the strings "NaN",
    /// "Infinity" and "-Infinity" rather than failing the whole document.
    public var postgresText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // With non-finite floats handled, only a custom encode(to:) that throws can fail.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            value = try decoder.decode(Value.self, from: Data(buffer: bytes))
        } catch {
            throw decodingError(Value.self, bytes)
        }
    }
}

/// `text[]`, in PostgreSQL's array literal syntax.
public struct PostgresTextArray: PostgresCodable, Sendable, Hashable {
    public var elements: [String?]
    public init(_ elements: [String?]) { self.elements = elements }

    public static var postgresType: PostgresType { .textArray }

    public var postgresText: String {
        "{"
            + elements.map { element -> String in
                guard let element else { return "NULL" }
                var quoted = "\""
                for c in element {
                    if c == "\"" || c == "\\" { quoted.append("\\") }
                    quoted.append(c)
                }
                return quoted + "\""
            }.joined(separator: ",") + "}"
    }

    public init(postgresText bytes: UnsafeBufferPointer<UInt8>) throws(PostgresError) {
        let text = Array(bytes)
        guard text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else {
            throw decodingError([String].self, bytes)
        }
        var elements: [String?] = []
        var index = 1
        let end = text.count - 1
        while index < end {
            var element: [UInt8] = []
            var quoted = false
            if text[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while index < end, text[index] != UInt8(ascii: "\"") {
                    if text[index] == UInt8(ascii: "\\") { index += 1 }
                    guard index < end else { throw decodingError([String].self, bytes) }
                    element.append(text[index])
                    index += 1
                }
                index += 1
            } else {
                while index < end, text[index] != UInt8(ascii: ",") {
                    element.append(text[index])
                    index += 1
                }
            }
            let value = String(decoding: element, as: UTF8.self)
            elements.append(!quoted && value == "NULL" ? nil : value)
            if index < end {
                guard text[index] == UInt8(ascii: ",") else { throw decodingError([String].self, bytes) }
                index += 1
            }
        }
        self.elements = elements
    }
}

// Days since 1970-01-01 <-> proleptic Gregorian date (H. Hinnant's algorithms).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
