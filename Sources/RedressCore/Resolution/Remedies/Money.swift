/// An amount of money in a currency, held exactly in hundredths.
///
/// The amount is what a financial remedy pays; the currency is an ISO 4217 code such as KRW
/// or EUR. Amounts are written with at most two decimals ("250000", "1500.50").
public struct Money: Sendable, Hashable {
    /// The amount in hundredths of the currency's unit (150050 is 1500.50).
    public let hundredths: Int64
    /// The ISO 4217 code: three capital letters.
    public let currency: String

    /// The largest amount accepted: 999,999,999,999.99.
    public static let maximumHundredths: Int64 = 99_999_999_999_999

    /// Makes an amount, refusing one that is not positive, too large, or a currency that is
    /// not three capital letters.
    public init(hundredths: Int64, currency: String) throws {
        guard (1...Money.maximumHundredths).contains(hundredths) else {
            throw ResolutionError.invalidAmount(Money.format(hundredths))
        }
        guard Money.isCurrencyCode(currency) else { throw ResolutionError.invalidCurrency(currency) }
        self.hundredths = hundredths
        self.currency = currency
    }

    /// Reads an amount written as digits with at most two decimals ("1500", "1500.5", "1500.50").
    public init(amount text: String, currency: String) throws {
        let bytes = Array(text.utf8)
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.count)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        let isDigit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
        guard !whole.isEmpty, whole.count <= 12, whole.allSatisfy(isDigit),
            point == nil || (1...2).contains(fraction.count), fraction.allSatisfy(isDigit)
        else { throw ResolutionError.invalidAmount(text) }
        var value: Int64 = 0
        for byte in whole { value = value * 10 + Int64(byte - 0x30) }
        var cents: Int64 = 0
        for (index, byte) in fraction.enumerated() { cents += Int64(byte - 0x30) * (index == 0 ? 10 : 1) }
        guard value * 100 + cents > 0 else { throw ResolutionError.invalidAmount(text) }
        try self.init(hundredths: value * 100 + cents, currency: currency)
    }

    /// The amount alone with two decimals: "1500.50".
    public var amount: String { Money.format(hundredths) }

    static func format(_ hundredths: Int64) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Whether `code` is three capital ASCII letters.
    public static func isCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (0x41...0x5A).contains($0) }
    }
}

extension Money: CustomStringConvertible {
    /// "1500.50 EUR".
    public var description: String { "\(amount) \(currency)" }
}

extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount
        case currency
    }

    /// Reads `{"amount": "1500.50", "currency": "EUR"}`, checking both.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(String.self, forKey: .amount)
        let currency = try container.decode(String.self, forKey: .currency)
        do {
            try self.init(amount: amount, currency: currency)
        } catch let error as ResolutionError {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
