public import RedressCore

/// A move of a case to another state, with the data the move records.
public struct MoveRequest: Sendable, Hashable {
    public var to: CaseState
    public var outcome: Outcome?
    public var reason: String?
    public var terms: String?
    public var awardText: String?
    public var binding: Bool?
    /// For an information request: what is asked of the complainant.
    public var requested: String?
    /// For closing as a duplicate: the reference of the original case.
    public var original: String?

    public init(
        to: CaseState, outcome: Outcome? = nil, reason: String? = nil, terms: String? = nil,
        awardText: String? = nil, binding: Bool? = nil, requested: String? = nil, original: String? = nil
    ) {
        self.to = to
        self.outcome = outcome
        self.reason = reason
        self.terms = terms
        self.awardText = awardText
        self.binding = binding
        self.requested = requested
        self.original = original
    }

    var moveData: MoveData {
        MoveData(outcome: outcome, terms: terms, awardText: awardText, binding: binding, reason: reason)
    }
}
