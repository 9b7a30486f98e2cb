/// A requested move of a case from one state to another, with its data.
public struct Move: Sendable, Hashable, Codable {
    /// The state the case is in.
    public var from: CaseState
    /// The state asked for.
    public var to: CaseState
    /// What the move records.
    public var data: MoveData

    /// Makes a move from `from` to `to` carrying `data`.
    public init(from: CaseState, to: CaseState, data: MoveData = MoveData()) {
        self.from = from
        self.to = to
        self.data = data
    }
}

/// The data a move may carry; which fields are needed depends on the move (`Lifecycle.requiredFields`).
public struct MoveData: Sendable, Hashable, Codable {
    /// The outcome code of a decision or closing.
    public var outcome: Outcome?
    /// The terms of a mediated settlement.
    public var terms: String?
    /// The text of an arbitral award.
    public var awardText: String?
    /// Whether the award binds the parties (`false`: advisory).
    public var binding: Bool?
    /// Why the case is reopened, withdrawn or transferred.
    public var reason: String?

    /// Makes move data; leave out what the move does not need.
    public init(
        outcome: Outcome? = nil, terms: String? = nil, awardText: String? = nil, binding: Bool? = nil,
        reason: String? = nil
    ) {
        self.outcome = outcome
        self.terms = terms
        self.awardText = awardText
        self.binding = binding
        self.reason = reason
    }

    /// Whether `field` is given; blank text counts as missing.
    public func has(_ field: MoveField) -> Bool {
        switch field {
        case .outcome: return outcome != nil
        case .terms: return !(terms ?? "").isBlank
        case .awardText: return !(awardText ?? "").isBlank
        case .binding: return binding != nil
        case .reason: return !(reason ?? "").isBlank
        }
    }

    private enum CodingKeys: String, CodingKey {
        case outcome
        case terms
        case awardText = "award_text"
        case binding
        case reason
    }
}

/// A piece of data a move may need.
public enum MoveField: String, Sendable, Hashable, Codable, CaseIterable {
    /// `MoveData.outcome`.
    case outcome
    /// `MoveData.terms`.
    case terms
    /// `MoveData.awardText`.
    case awardText = "award_text"
    /// `MoveData.binding`.
    case binding
    /// `MoveData.reason`.
    case reason

    /// How an error message names the field ("the settlement terms").
    public var phrase: String {
        switch self {
        case .outcome: return "an outcome code"
        case .terms: return "the settlement terms"
        case .awardText: return "the award text"
        case .binding: return "whether the award is binding"
        case .reason: return "a reason"
        }
    }
}

extension MoveField: CustomStringConvertible {
    public var description: String { rawValue }
}
