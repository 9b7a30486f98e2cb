public import Foundation
public import RedressCore

/// A complaint as intake registers it.
public struct NewCase: Sendable, Hashable {
    public var receivedAt: Date
    public var channel: Channel
    /// One or more complainants; for a group complaint, the group as one party.
    public var complainants: [Party]
    /// For a collective complaint, how many people the group counts (2 or more).
    public var groupSize: Int?
    public var representative: Party?
    public var respondent: RespondentBody
    /// Rights category codes (`housing`, `right_to_remedy`, …).
    public var categories: [String]
    public var summary: String
    /// The complainant's language; the office default when nil.
    public var language: String?
    public var urgent: Bool
    public var confidential: Bool
    /// When the events complained of happened, for the filing limit.
    public var incidentDate: LocalDate?
    /// Why a complaint past the filing limit is accepted; nil refuses such a complaint.
    public var acceptLateReason: String?

    public init(
        receivedAt: Date, channel: Channel, complainants: [Party], groupSize: Int? = nil, representative: Party? = nil,
        respondent: RespondentBody, categories: [String] = [], summary: String, language: String? = nil,
        urgent: Bool = false, confidential: Bool = false, incidentDate: LocalDate? = nil,
        acceptLateReason: String? = nil
    ) {
        self.receivedAt = receivedAt
        self.channel = channel
        self.complainants = complainants
        self.groupSize = groupSize
        self.representative = representative
        self.respondent = respondent
        self.categories = categories
        self.summary = summary
        self.language = language
        self.urgent = urgent
        self.confidential = confidential
        self.incidentDate = incidentDate
        self.acceptLateReason = acceptLateReason
    }
}
