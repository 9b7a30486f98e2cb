/// The named clocks a case carries (SPEC §2.3); a case runs several at once.
public enum ClockKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Acknowledging the complaint, from receipt.
    case acknowledge
    /// Deciding admissibility and route, from receipt.
    case triage
    /// The complainant's answer to a request for information.
    case infoResponse = "info_response"
    /// Seeking a quick fix, from the choice of route.
    case earlyResolution = "early_resolution"
    /// Accepting an offer of mediation; unanswered, it is deemed declined.
    case mediationAcceptance = "mediation_acceptance"
    /// The mediation itself, from acceptance.
    case mediation
    /// The respondent's first written response, from the opening of the investigation.
    case respondentResponse = "respondent_response"
    /// The investigation, from its opening to the decision.
    case investigation
    /// The award, from the close of the hearing.
    case arbitrationAward = "arbitration_award"
    /// The whole arbitration, from the constitution of the panel.
    case arbitrationOverall = "arbitration_overall"
    /// The respondent's reply to the decision and its implementation plan.
    case respondentReply = "respondent_reply"
    /// Implementing one remedy, from its acceptance; the allowance depends on its `RemedyScale`.
    case remedy
    /// The office's verification of evidence of compliance.
    case verification
    /// The periodic review of a case on hold (repeating).
    case parallelReview = "parallel_review"
    /// The next progress update to the complainant (repeating).
    case complainantUpdate = "complainant_update"
    /// The review of a decision, from the complainant's request to the reviewer's outcome.
    case review

    /// The event that starts the clock, as explanations print it.
    public var startEvent: String {
        switch self {
        case .acknowledge, .triage: return "complaint received"
        case .infoResponse: return "information requested"
        case .earlyResolution: return "route chosen"
        case .mediationAcceptance: return "mediation offered"
        case .mediation: return "mediation accepted"
        case .respondentResponse, .investigation: return "investigation opened"
        case .arbitrationAward: return "hearing closed"
        case .arbitrationOverall: return "panel constituted"
        case .respondentReply: return "decision issued"
        case .remedy: return "remedy accepted"
        case .verification: return "evidence received"
        case .parallelReview: return "case put on hold"
        case .complainantUpdate: return "last update to the complainant"
        case .review: return "review requested"
        }
    }

    /// Whether the respondent body runs this clock, so a breach escalates to the respondent
    /// (reminder, letter to the head of the body, non-compliance) rather than only inside the office.
    public var isRespondentClock: Bool {
        switch self {
        case .respondentResponse, .respondentReply, .remedy: return true
        default: return false
        }
    }

    /// Whether this is one of the office's stage clocks, which stop while the case waits on the
    /// complainant (`awaiting_info`).
    public var isStageClock: Bool {
        switch self {
        case .triage, .earlyResolution, .mediation, .investigation, .arbitrationAward, .arbitrationOverall: return true
        default: return false
        }
    }
}

extension ClockKind: CustomStringConvertible {
    public var description: String { rawValue }
}
