/// One case a search found: its line of `case list`, the fields that matched, best first,
/// and how well the best one did.
public struct CaseHit: Sendable, Encodable {
    public var summary: CaseSummary
    /// The fields that matched, best first; the first is the field shown.
    public var matchedFields: [CaseSearch.Field]
    /// The share of the best matched value that the search text covers, from 0 to 1
    /// (1: the whole value, such as an exact reference or name).
    public var score: Double

    /// The field shown for the hit.
    public var matchedField: CaseSearch.Field { matchedFields[0] }

    enum CodingKeys: String, CodingKey {
        case matchedField = "matched_field"
        case matchedFields = "matched_fields"
        case score
    }

    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(matchedField, forKey: .matchedField)
        try c.encode(matchedFields, forKey: .matchedFields)
        try c.encode(score, forKey: .score)
    }
}
