public import Foundation
public import RedressCore

/// A case as read from the store, with its parties, categories and clocks.
public struct CaseRecord: Sendable {
    public var id: Int
    public var reference: String
    public var state: CaseState
    public var outcome: Outcome?
    public var receivedAt: Date
    public var receivedOn: LocalDate
    public var channel: Channel
    public var summary: String
    public var language: String
    public var incidentDate: LocalDate?
    public var lateFiling: Bool
    public var lateFilingReason: String?
    public var urgent: Bool
    public var confidential: Bool
    public var groupSize: Int?
    public var respondent: RespondentBody
    public var assignee: String?
    public var infoRequests: Int
    public var version: Int
    public var openedBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    public var complainants: [Party]
    public var representative: Party?
    public var categories: [String]
    public var clocks: [StoredClock]

    /// The live clock of `kind`, if any.
    public func liveClock(_ kind: ClockKind) -> StoredClock? {
        clocks.last { $0.clock.kind == kind && $0.subject == nil && $0.isLive }
    }

    /// The first complainant: who notices go to.
    public var primaryComplainant: Party? { complainants.first }

    /// The record as staff who may not see the complainant's identity see it: the names and
    /// contact details of the complainants and of their representative redacted.
    public func withIdentityRedacted() -> CaseRecord {
        var record = self
        record.complainants = complainants.map(\.redacted)
        record.representative = representative?.redacted
        return record
    }
}
