public import Foundation
public import RedressCore

/// How a complaint reached the office.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case web, email, post, phone
    case inPerson = "in_person"
    case referral
    case ownInitiative = "own_initiative"
}

/// How a complainant wants to be contacted.
public enum ContactPreference: String, Sendable, Hashable, Codable, CaseIterable {
    case email, post, phone
}

/// A complainant or representative.
public struct Party: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
    public var language: String?
    public var contactPreference: ContactPreference?

    public init(
        name: String, email: String? = nil, phone: String? = nil, postalAddress: String? = nil,
        language: String? = nil, contactPreference: ContactPreference? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.language = language
        self.contactPreference = contactPreference
    }

    /// What others than the assignee, supervisors and the ombudsperson see.
    public static let redactedText = "[redacted]"

    /// The party with name and contact details replaced by `[redacted]`.
    public var redacted: Party {
        Party(
            name: Self.redactedText, email: email == nil ? nil : Self.redactedText,
            phone: phone == nil ? nil : Self.redactedText,
            postalAddress: postalAddress == nil ? nil : Self.redactedText, language: language,
            contactPreference: contactPreference)
    }

    enum CodingKeys: String, CodingKey {
        case name, email, phone
        case postalAddress = "postal_address"
        case language
        case contactPreference = "contact_preference"
    }
}

/// The public body complained about.
public struct RespondentBody: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var headOfBodyName: String?
    public var headOfBodyEmail: String?

    public init(name: String, email: String? = nil, headOfBodyName: String? = nil, headOfBodyEmail: String? = nil) {
        self.name = name
        self.email = email
        self.headOfBodyName = headOfBodyName
        self.headOfBodyEmail = headOfBodyEmail
    }

    enum CodingKeys: String, CodingKey {
        case name, email
        case headOfBodyName = "head_of_body_name"
        case headOfBodyEmail = "head_of_body_email"
    }
}

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

/// A clock as stored: its facts as a RedressCore `Clock`, and where they live.
public struct StoredClock: Sendable, Hashable {
    /// The `clock` row, nil until saved.
    public var id: Int?
    public var clock: Clock
    /// For a clock of one remedy item (`remedy`, `verification`) or one further information
    /// request to the respondent, that item's or request's number; nil for the case's own clocks.
    public var subject: Int?
    /// Why each pause was made (`manual`, `awaiting_info`, `on_hold`, `mediation`), parallel to `clock.pauses`.
    public var pauseCauses: [String]
    /// The pauses as they were read, to find what changed.
    var savedPauses: [Clock.Pause]
    /// How many extensions were read.
    var savedExtensionCount: Int
    /// Whether the clock's own facts changed since it was read.
    var isDirty: Bool

    init(id: Int?, clock: Clock, pauseCauses: [String], subject: Int? = nil) {
        self.id = id
        self.clock = clock
        self.subject = subject
        self.pauseCauses = pauseCauses
        savedPauses = id == nil ? [] : clock.pauses
        savedExtensionCount = id == nil ? 0 : clock.extensions.count
        isDirty = id == nil
    }

    /// Whether the clock still counts (neither ended nor cancelled).
    public var isLive: Bool { clock.endedOn == nil && !clock.cancelled }

    /// The cause of the open pause, if the clock is paused.
    public var openPauseCause: String? {
        guard let index = clock.pauses.lastIndex(where: \.isOpen) else { return nil }
        return pauseCauses[index]
    }
}

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

/// A running clock whose due date moved because the calendar changed.
public struct MovedDueDate: Sendable, Hashable, Codable {
    public var reference: String
    public var clock: ClockKind
    public var from: LocalDate?
    public var to: LocalDate?

    enum CodingKeys: String, CodingKey {
        case reference, clock, from, to
    }
}
