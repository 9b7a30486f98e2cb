/// The remedies recommended, settled or awarded in the period (DOMAIN.md §d.5).
public struct RemedyStatistics: Sendable, Hashable, Codable {
    /// Remedy items created in the period.
    public var total: Int
    /// By class for reporting (`personal`, `learning`, `complaint_handling`).
    public var byClass: [CountRow]
    /// By kind (`apology`, `financial`, `policy_change`, …).
    public var byKind: [CountRow]
    /// Financial redress by currency.
    public var financial: [FinancialRow]

    /// Makes the remedy section.
    public init(total: Int, byClass: [CountRow], byKind: [CountRow], financial: [FinancialRow]) {
        self.total = total
        self.byClass = byClass
        self.byKind = byKind
        self.financial = financial
    }

    private enum CodingKeys: String, CodingKey {
        case total
        case byClass = "by_class"
        case byKind = "by_kind"
        case financial
    }
}

/// Financial redress in one currency.
///
/// Amounts are decimal text exactly as the database summed them ("1250.00"), never a binary
/// floating-point number.
public struct FinancialRow: Sendable, Hashable, Codable {
    /// The ISO 4217 currency code.
    public var currency: String
    /// Financial remedy items created in the period.
    public var items: Int
    /// Their total amount.
    public var recommended: String
    /// Financial items verified as paid in the period.
    public var verifiedItems: Int
    /// Their total amount.
    public var verified: String

    /// Makes a row.
    public init(currency: String, items: Int, recommended: String, verifiedItems: Int, verified: String) {
        self.currency = currency
        self.items = items
        self.recommended = recommended
        self.verifiedItems = verifiedItems
        self.verified = verified
    }

    private enum CodingKeys: String, CodingKey {
        case currency
        case items
        case recommended
        case verifiedItems = "verified_items"
        case verified
    }
}

/// Whether respondents accepted and carried out the remedies (DOMAIN.md §d.6).
///
/// Answers and conclusions count when they fall in the period; what is overdue or
/// non-compliant is taken at the end of the period.
public struct ComplianceStatistics: Sendable, Hashable, Codable {
    /// Accepted among the remedy items accepted or rejected in the period.
    public var accepted: Proportion
    /// Verified as implemented (on time or late) among the items concluded in the period
    /// (verified, partial or not implemented; superseded items are left out).
    public var implemented: Proportion
    /// Verified late among the items verified in the period.
    public var implementedLate: Proportion
    /// Respondent clocks (response, reply, remedy) in non-compliance at the end of the period:
    /// still running 30 working days or more after their due date.
    public var openNonCompliance: Int
    /// The same figures for each respondent body, most non-compliance first.
    public var byRespondent: [ComplianceRow]

    /// Makes the compliance section.
    public init(
        accepted: Proportion, implemented: Proportion, implementedLate: Proportion, openNonCompliance: Int,
        byRespondent: [ComplianceRow]
    ) {
        self.accepted = accepted
        self.implemented = implemented
        self.implementedLate = implementedLate
        self.openNonCompliance = openNonCompliance
        self.byRespondent = byRespondent
    }

    private enum CodingKeys: String, CodingKey {
        case accepted
        case implemented
        case implementedLate = "implemented_late"
        case openNonCompliance = "open_non_compliance"
        case byRespondent = "by_respondent"
    }
}

/// Compliance figures for one respondent body.
public struct ComplianceRow: Sendable, Hashable, Codable {
    /// The respondent body.
    public var respondent: String
    /// Items it accepted in the period.
    public var accepted: Int
    /// Items it rejected in the period.
    public var rejected: Int
    /// Items verified as implemented on time in the period.
    public var implementedOnTime: Int
    /// Items verified as implemented late in the period.
    public var implementedLate: Int
    /// Items concluded as partly implemented in the period.
    public var partial: Int
    /// Items concluded as not implemented in the period.
    public var notImplemented: Int
    /// Its respondent clocks running past their due date at the end of the period.
    public var overdueAtEnd: Int
    /// Of those, the ones in non-compliance (30 working days or more past due).
    public var nonComplianceAtEnd: Int

    /// Makes a row.
    public init(
        respondent: String, accepted: Int, rejected: Int, implementedOnTime: Int, implementedLate: Int,
        partial: Int, notImplemented: Int, overdueAtEnd: Int, nonComplianceAtEnd: Int
    ) {
        self.respondent = respondent
        self.accepted = accepted
        self.rejected = rejected
        self.implementedOnTime = implementedOnTime
        self.implementedLate = implementedLate
        self.partial = partial
        self.notImplemented = notImplemented
        self.overdueAtEnd = overdueAtEnd
        self.nonComplianceAtEnd = nonComplianceAtEnd
    }

    /// Items concluded in the period.
    public var concluded: Int { implementedOnTime + implementedLate + partial + notImplemented }

    /// Implemented (on time or late) among the items concluded.
    public var implemented: Proportion { Proportion(implementedOnTime + implementedLate, of: concluded) }

    private enum CodingKeys: String, CodingKey {
        case respondent
        case accepted
        case rejected
        case implementedOnTime = "implemented_on_time"
        case implementedLate = "implemented_late"
        case partial
        case notImplemented = "not_implemented"
        case overdueAtEnd = "overdue_at_end"
        case nonComplianceAtEnd = "non_compliance_at_end"
    }
}
