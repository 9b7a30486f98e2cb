/// Data protection over the period: cases anonymised (by retention or on an erasure request)
/// and legal holds. Further rows (subject access requests) are added here as fields.
public struct DataProtectionStatistics: Sendable, Hashable, Codable {
    /// Cases anonymised in the period, on any basis.
    public var casesAnonymised: Int
    /// Of those, because their retention period ended.
    public var anonymisedByRetention: Int
    /// Of those, on a person's erasure request.
    public var anonymisedOnErasure: Int
    /// Legal holds placed in the period.
    public var holdsPlaced: Int
    /// Cases on legal hold at the end of the period.
    public var onHoldAtEnd: Int

    /// Makes the data-protection section.
    public init(anonymisedByRetention: Int, anonymisedOnErasure: Int, holdsPlaced: Int, onHoldAtEnd: Int) {
        self.casesAnonymised = anonymisedByRetention + anonymisedOnErasure
        self.anonymisedByRetention = anonymisedByRetention
        self.anonymisedOnErasure = anonymisedOnErasure
        self.holdsPlaced = holdsPlaced
        self.onHoldAtEnd = onHoldAtEnd
    }

    /// Label and value of each row, in order, for the text, CSV and HTML formatters.
    public var rows: [(key: String, label: String, value: Int)] {
        [
            ("cases_anonymised", "Cases anonymised", casesAnonymised),
            ("anonymised_by_retention", "  by retention", anonymisedByRetention),
            ("anonymised_on_erasure", "  on an erasure request", anonymisedOnErasure),
            ("holds_placed", "Legal holds placed", holdsPlaced),
            ("on_hold_at_end", "Cases on legal hold at end", onHoldAtEnd),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case casesAnonymised = "cases_anonymised"
        case anonymisedByRetention = "anonymised_by_retention"
        case anonymisedOnErasure = "anonymised_on_erasure"
        case holdsPlaced = "holds_placed"
        case onHoldAtEnd = "on_hold_at_end"
    }
}
