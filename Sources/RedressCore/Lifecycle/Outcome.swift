/// How a case ended, or what its decision was (SPEC §2.1).
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The respondent or the matter is outside the office's remit.
    case outOfJurisdiction = "out_of_jurisdiction"
    /// Filed after the filing limit, and not accepted late.
    case outOfTime = "out_of_time"
    /// The respondent's own complaints process was not used first.
    case premature
    /// The complainant did not supply what was needed to proceed.
    case insufficientInformation = "insufficient_information"
    /// The complainant withdrew.
    case withdrawn
    /// Transferred or referred to another body.
    case transferred
    /// The office used its discretion not to investigate.
    case discretionary
    /// A court or statutory body is dealing with the matter.
    case parallelProceedings = "parallel_proceedings"
    /// The same complaint is already open.
    case duplicate
    /// Resolved early with agreed action.
    case earlyResolution = "early_resolution"
    /// A mediated settlement.
    case settled
    /// An arbitral award.
    case award
    /// Investigated and upheld.
    case upheld
    /// Investigated and upheld in part.
    case partlyUpheld = "partly_upheld"
    /// Investigated and not upheld.
    case notUpheld = "not_upheld"

    /// Outcomes that end a case before any investigation (DOMAIN.md §c).
    public static let beforeInvestigation: [Outcome] = [
        .outOfJurisdiction, .outOfTime, .premature, .insufficientInformation, .withdrawn,
        .transferred, .discretionary, .parallelProceedings, .duplicate,
    ]

    /// Outcomes of a decision, settlement or award.
    public static let decisions: [Outcome] = [.earlyResolution, .settled, .award, .upheld, .partlyUpheld, .notUpheld]

    /// Whether this outcome needs a recorded reason: the case was withdrawn or transferred.
    public var needsReason: Bool { self == .withdrawn || self == .transferred }
}

extension Outcome: CustomStringConvertible {
    public var description: String { rawValue }
}
