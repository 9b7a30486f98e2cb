/// How the cases closed in the period ended, and at which stage (DOMAIN.md §d.2 and §d.3).
public struct OutcomeStatistics: Sendable, Hashable, Codable {
    /// Closings in the period, the whole of every share below.
    public var closed: Int
    /// Closings by the stage at which the case was resolved (see `ClosureStage`), in stage order.
    public var byStage: [CountRow]
    /// Closings by outcome code, in the order of `Outcome.allCases`.
    public var byOutcome: [CountRow]
    /// Closings as premature: the respondent's own complaints process was not used first.
    public var premature: Proportion
    /// Upheld or partly upheld among the investigated outcomes (upheld, partly upheld, not upheld).
    public var upheld: Proportion

    /// Makes the outcome section.
    public init(closed: Int, byStage: [CountRow], byOutcome: [CountRow], premature: Proportion, upheld: Proportion) {
        self.closed = closed
        self.byStage = byStage
        self.byOutcome = byOutcome
        self.premature = premature
        self.upheld = upheld
    }

    private enum CodingKeys: String, CodingKey {
        case closed
        case byStage = "by_stage"
        case byOutcome = "by_outcome"
        case premature
        case upheld
    }
}

/// The stage at which a case was resolved: the last working stage it was in before its decision
/// or closing. `received` and `awaiting_info` before any route count as triage, `on_hold` and
/// `awaiting_info` during an investigation as investigation.
public enum ClosureStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Closed before a route was chosen (out of jurisdiction, premature, withdrawn early…).
    case triage
    /// Resolved early with the respondent.
    case earlyResolution = "early_resolution"
    /// Settled, failed or withdrawn in mediation.
    case mediation
    /// Decided after an investigation.
    case investigation
    /// Decided by an arbitral award.
    case arbitration

    /// The stage as people read it.
    public var label: String {
        switch self {
        case .triage: return "Triage"
        case .earlyResolution: return "Early resolution"
        case .mediation: return "Mediation"
        case .investigation: return "Investigation"
        case .arbitration: return "Arbitration"
        }
    }
}
