public import RedressCore

/// A correction of what was entered at intake; nil (or empty) leaves a field as it is.
public struct CaseCorrection: Sendable, Hashable {
    public var summary: String?
    /// The case's categories from now on, replacing the set.
    public var categories: [String]?
    public var addCategories: [String]
    public var removeCategories: [String]
    public var urgent: Bool?
    public var channel: Channel?
    public var incidentDate: LocalDate?

    public init(
        summary: String? = nil, categories: [String]? = nil, addCategories: [String] = [],
        removeCategories: [String] = [], urgent: Bool? = nil, channel: Channel? = nil, incidentDate: LocalDate? = nil
    ) {
        self.summary = summary
        self.categories = categories
        self.addCategories = addCategories
        self.removeCategories = removeCategories
        self.urgent = urgent
        self.channel = channel
        self.incidentDate = incidentDate
    }

    public var isEmpty: Bool { self == CaseCorrection() }
}

/// Which party of a case a correction is for.
public enum PartySelector: Sendable, Hashable {
    /// The complainant at this position, from 1.
    case complainant(Int)
    case representative

    /// As the audit row and messages name it: "complainant 1", "representative".
    public var label: String {
        switch self {
        case let .complainant(position): return "complainant \(position)"
        case .representative: return "representative"
        }
    }
}

/// A correction of a complainant's or representative's name and contact details; nil leaves
/// a detail as it is, "" clears an optional one.
public struct PartyCorrection: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
    public var language: String?
    public var contactPreference: String?

    public init(
        name: String? = nil, email: String? = nil, phone: String? = nil, postalAddress: String? = nil,
        language: String? = nil, contactPreference: String? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.language = language
        self.contactPreference = contactPreference
    }

    public var isEmpty: Bool { self == PartyCorrection() }
}
