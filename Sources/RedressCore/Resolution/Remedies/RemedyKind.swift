/// What a remedy item asks the respondent body to do (SPEC §2.5, DOMAIN.md §c).
public enum RemedyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An apology, by a senior, accountable person.
    case apology
    /// An explanation of what happened and why.
    case explanation
    /// The decision complained of, taken again properly.
    case decisionRetaken = "decision_retaken"
    /// A record corrected.
    case recordAmended = "record_amended"
    /// A service the complainant should have had, provided.
    case serviceProvided = "service_provided"
    /// A payment (loss, time and trouble, distress), with an amount and a currency.
    case financial
    /// The violation stopped.
    case stopViolation = "stop_violation"
    /// A policy, procedure or ordinance changed.
    case policyChange = "policy_change"
    /// Staff trained.
    case training
    /// A measure against the same thing happening again.
    case preventiveMeasure = "preventive_measure"
    /// A remedy for others affected by the same fault.
    case othersAffected = "others_affected"
    /// Anything else (a referral, a disciplinary recommendation).
    case other

    /// The policy rule that sets the remedy clock when no due date is set by hand (SPEC §2.3).
    ///
    /// Personal redress and stopping a violation: 20 working days; a service, training or a
    /// remedy for others affected: 3 months; a policy change or preventive measure: 6 months.
    public var defaultScale: RemedyScale {
        switch self {
        case .apology, .explanation, .decisionRetaken, .recordAmended, .financial, .stopViolation, .other:
            return .personal
        case .serviceProvided, .training, .othersAffected:
            return .service
        case .policyChange, .preventiveMeasure:
            return .systemic
        }
    }

    /// The reporting class an item of this kind gets unless one is given (SPSO's three classes).
    public var defaultClass: RemedyClass {
        switch self {
        case .apology, .explanation, .decisionRetaken, .recordAmended, .serviceProvided, .financial,
            .stopViolation, .othersAffected, .other:
            return .personal
        case .policyChange, .training, .preventiveMeasure:
            return .learning
        }
    }

    /// Whether items of this kind are systemic recommendations, listed across cases.
    public var isSystemic: Bool {
        self == .policyChange || self == .preventiveMeasure
    }

    /// Whether an item of this kind needs an amount and a currency.
    public var needsAmount: Bool { self == .financial }

    /// The kinds that `remedy list --systemic` shows.
    public static let systemic: [RemedyKind] = allCases.filter(\.isSystemic)
}

extension RemedyKind: CustomStringConvertible {
    public var description: String { rawValue }
}

/// The class of a remedy item for reporting (SPSO: personal redress, learning and improvement,
/// complaint handling).
public enum RemedyClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Redress for the person who complained.
    case personal
    /// Learning and improvement by the body.
    case learning
    /// Improvement of the body's own complaint handling.
    case complaintHandling = "complaint_handling"
}

extension RemedyClass: CustomStringConvertible {
    public var description: String { rawValue }
}
