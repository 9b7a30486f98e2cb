/// Where a remedy item stands (SPEC §2.5).
///
/// `proposed → accepted | rejected (with reasons) → in_progress → evidence_submitted →
/// verified (on time or late) | partial | not_implemented | superseded`.
public enum RemedyState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recommended or awarded; the respondent's answer awaited.
    case proposed
    /// Accepted by the respondent (or agreed in a settlement, or bound by an award); its clock runs.
    case accepted
    /// Rejected by the respondent, with reasons.
    case rejected
    /// Being implemented.
    case inProgress = "in_progress"
    /// Evidence of implementation received; the office's verification clock runs.
    case evidenceSubmitted = "evidence_submitted"
    /// Verified as implemented (on time or late).
    case verified
    /// Verified as implemented in part.
    case partial
    /// Not implemented.
    case notImplemented = "not_implemented"
    /// Replaced by another item or made moot.
    case superseded

    /// Whether the item is finished; a case closes by itself once every item is.
    public var isTerminal: Bool {
        switch self {
        case .rejected, .verified, .partial, .notImplemented, .superseded: return true
        case .proposed, .accepted, .inProgress, .evidenceSubmitted: return false
        }
    }

    /// Whether the respondent has agreed to the item and it is being carried out.
    public var isUnderway: Bool {
        self == .accepted || self == .inProgress || self == .evidenceSubmitted
    }
}

extension RemedyState: CustomStringConvertible {
    public var description: String { rawValue }
}

/// What can be done to a remedy item; each command of `redress remedy` is one of these.
public enum RemedyAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The respondent accepts a proposed item.
    case accept
    /// The respondent rejects a proposed item, with reasons.
    case reject
    /// Progress reported; an accepted item is then in progress.
    case progress
    /// Evidence of implementation received.
    case evidence
    /// The office verifies the evidence: implemented in full.
    case verify
    /// The office verifies the evidence: implemented in part.
    case verifyPartial = "verify_partial"
    /// The office records that the item was not implemented.
    case notImplemented = "not_implemented"
    /// The item is replaced by another or made moot.
    case supersede

    /// The state an item reaches by this action.
    public var target: RemedyState {
        switch self {
        case .accept: return .accepted
        case .reject: return .rejected
        case .progress: return .inProgress
        case .evidence: return .evidenceSubmitted
        case .verify: return .verified
        case .verifyPartial: return .partial
        case .notImplemented: return .notImplemented
        case .supersede: return .superseded
        }
    }

    /// How messages name the action ("accepted", "verified as partial").
    public var phrase: String {
        switch self {
        case .accept: return "accepted"
        case .reject: return "rejected"
        case .progress: return "given progress"
        case .evidence: return "given evidence"
        case .verify: return "verified"
        case .verifyPartial: return "verified as partial"
        case .notImplemented: return "recorded as not implemented"
        case .supersede: return "superseded"
        }
    }
}

extension RemedyAction: CustomStringConvertible {
    public var description: String { rawValue }
}
