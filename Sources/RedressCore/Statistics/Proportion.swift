/// A count out of a total, such as "42 of 60 clocks met": kept as the two integers so that
/// shares are exact, and shown as a percentage.
public struct Proportion: Sendable, Hashable {
    /// The part.
    public var count: Int
    /// The whole; a share of nothing has no value.
    public var total: Int

    /// Makes `count` out of `total`.
    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
    }

    /// Nothing out of nothing.
    public static let none = Proportion(0, of: 0)

    /// The share as a fraction between 0 and 1, or `nil` when the total is zero.
    public var value: Double? {
        total == 0 ? nil : Double(count) / Double(total)
    }

    /// The share rounded to four decimal places, as JSON gives it.
    public var roundedValue: Double? {
        guard let value else { return nil }
        return (value * 10_000).rounded() / 10_000
    }

    /// The share as a percentage with one decimal ("66.7%"), or "–" when the total is zero.
    public var percentText: String {
        guard total > 0 else { return "–" }
        // Integer arithmetic so that halves round away from zero the same way everywhere.
        let tenths = (count * 2000 + total) / (2 * total)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension Proportion: CustomStringConvertible {
    /// "2 of 3 (66.7%)".
    public var description: String { "\(count) of \(total) (\(percentText))" }
}

extension Proportion: Codable {
    private enum CodingKeys: String, CodingKey {
        case count
        case total
        case share
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Int.self, forKey: .count), of: try container.decode(Int.self, forKey: .total))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(total, forKey: .total)
        try container.encode(roundedValue, forKey: .share)
    }
}
