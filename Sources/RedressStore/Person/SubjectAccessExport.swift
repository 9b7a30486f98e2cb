public import Foundation
public import RedressCore

/// Everything held about a person, as `redress person export` writes it: per case, the case's
/// facts about them, their own details, the notices sent to them (rendered), the messages they
/// sent, the contacts logged with them and the documents of their cases. Other people's names
/// and contacts are replaced by their role (`Redactor`); the respondent body keeps its name.
public struct SubjectAccessExport: Sendable, Encodable {
    /// The request's number in the register, once recorded.
    public var request: Int?
    public var office: String
    /// What the person was found by: email, phone or name (the key itself is in `cases`' details).
    public var foundBy: PersonKey.Kind
    public var receivedOn: LocalDate
    public var completedAt: Date
    public var handledBy: String
    public var reference: String?
    public var cases: [SubjectAccessCase]
    /// What was replaced and what was left out, in words.
    public var redaction: [String]

    enum CodingKeys: String, CodingKey {
        case request, office
        case foundBy = "found_by"
        case receivedOn = "request_received_on"
        case completedAt = "completed_at"
        case handledBy = "handled_by"
        case reference, cases, redaction
    }
}

/// One case in an export.
public struct SubjectAccessCase: Sendable, Encodable {
    public var reference: String
    /// The person's roles in the case.
    public var roles: [String]
    public var receivedOn: LocalDate
    public var channel: String
    public var state: String
    public var outcome: String?
    public var incidentDate: LocalDate?
    public var closedAt: Date?
    public var respondent: String
    public var categories: [String]
    public var summary: String
    /// The person's details as the office holds them, one entry per role.
    public var details: [SubjectAccessParty]
    public var notes: [SubjectAccessNote]
    public var notices: [SubjectAccessNotice]
    public var messages: [SubjectAccessMessage]
    public var contacts: [SubjectAccessContact]
    public var documents: [SubjectAccessDocument]
    var caseID: Int

    enum CodingKeys: String, CodingKey {
        case reference, roles
        case receivedOn = "received_on"
        case channel, state, outcome
        case incidentDate = "incident_date"
        case closedAt = "closed_at"
        case respondent, categories, summary, details, notes, notices, messages, contacts, documents
    }
}

/// The person's own details in one role.
public struct SubjectAccessParty: Sendable, Encodable {
    public var role: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
    public var language: String?
    public var contactPreference: String?

    enum CodingKeys: String, CodingKey {
        case role, name, email, phone
        case postalAddress = "postal_address"
        case language
        case contactPreference = "contact_preference"
    }
}

/// A note on the case (mediation notes, which never leave the office, are not given).
public struct SubjectAccessNote: Sendable, Encodable {
    public var notedAt: Date
    public var text: String

    enum CodingKeys: String, CodingKey {
        case notedAt = "noted_at"
        case text
    }
}

/// A notice addressed to the person, as rendered for them.
public struct SubjectAccessNotice: Sendable, Encodable {
    public var id: Int
    public var kind: String
    public var audience: String
    public var channel: String
    public var state: String
    public var queuedAt: Date
    public var sentAt: Date?
    public var subject: String?
    public var body: String?
    /// Why it could not be rendered, when it could not.
    public var problem: String?
    /// Its text in the export folder.
    public var file: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, audience, channel, state
        case queuedAt = "queued_at"
        case sentAt = "sent_at"
        case subject, body, problem, file
    }
}

/// A message received from the person.
public struct SubjectAccessMessage: Sendable, Encodable {
    public var number: Int
    public var receivedAt: Date
    public var subject: String?
    public var text: String?
    /// The numbers of the case's documents that came with it.
    public var documents: [Int]

    enum CodingKeys: String, CodingKey {
        case number
        case receivedAt = "received_at"
        case subject, text, documents
    }
}

/// A contact by no mail logged with the complainant's side.
public struct SubjectAccessContact: Sendable, Encodable {
    public var contactAt: Date
    public var channel: String
    public var direction: String
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case contactAt = "contact_at"
        case channel, direction, summary
    }
}

/// A document of the case: its bytes are given when the person sent it, otherwise it is
/// listed and `withheld` says why (it may name others; the office reviews it first).
public struct SubjectAccessDocument: Sendable, Encodable {
    public var number: Int
    public var title: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var addedAt: Date
    public var source: String
    /// Its bytes in the export folder.
    public var file: String?
    public var withheld: String?
    var record: DocumentRecord

    enum CodingKeys: String, CodingKey {
        case number, title
        case contentType = "content_type"
        case size, sha256
        case addedAt = "added_at"
        case source, file, withheld
    }
}
