/// How a clock may be extended (SPEC §2.3).
public struct ExtensionRule: Sendable, Hashable, Codable {
    /// The lowest role that may approve an extension; higher roles may too.
    public var approver: Role
    /// The most one extension may add, in the clock's unit; `nil` for no limit.
    public var maxPerGrant: Int?
    /// How many extensions a clock may have (the policy allows at most 2).
    public var maxGrants: Int
    /// The first extension (1 or 2) that needs recorded consent whatever the cap; `nil` when
    /// consent is needed only beyond the cap.
    public var consentFromGrant: Int?
    /// Whose consent `consentFromGrant` asks for.
    public var consentOf: ConsentParty
    /// A remark for people reading the policy ("exceptional only").
    public var note: String?

    /// The policy's ceiling on extensions per clock.
    public static let maximumGrants = 2

    /// Makes an extension rule.
    public init(
        approver: Role,
        maxPerGrant: Int? = nil,
        maxGrants: Int = ExtensionRule.maximumGrants,
        consentFromGrant: Int? = nil,
        consentOf: ConsentParty = .complainant,
        note: String? = nil
    ) {
        self.approver = approver
        self.maxPerGrant = maxPerGrant
        self.maxGrants = maxGrants
        self.consentFromGrant = consentFromGrant
        self.consentOf = consentOf
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case approver
        case maxPerGrant = "max_per_grant"
        case maxGrants = "max_grants"
        case consentFromGrant = "consent_from_grant"
        case consentOf = "consent_of"
        case note
    }
}

/// Whose recorded consent an extension needs.
public enum ConsentParty: String, Sendable, Hashable, Codable, CaseIterable {
    /// The complainant's.
    case complainant
    /// Both the complainant's and the respondent's.
    case bothParties = "both_parties"

    /// How error messages name the party.
    public var phrase: String {
        switch self {
        case .complainant: return "the complainant's"
        case .bothParties: return "both parties'"
        }
    }
}
