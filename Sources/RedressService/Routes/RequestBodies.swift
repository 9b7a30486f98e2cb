import Foundation
import RedressCore
import RedressStore

/// A coding key for any name, to find fields a body should not have.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Refuses a nested object with a field outside `allowed`.
func rejectUnknownFields(_ decoder: any Decoder, allowed: Set<String>) throws {
    let container = try decoder.container(keyedBy: AnyCodingKey.self)
    if let unknown = container.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: container.codingPath + [unknown],
                debugDescription: "is not a known field; the fields are \(allowed.sorted().joined(separator: ", "))"))
    }
}

/// Reads a vocabulary value (a state, an outcome, a clock kind), saying which values there are.
func vocabulary<T: RawRepresentable & CaseIterable>(_ text: String, field: String, as type: T.Type) throws -> T
where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw ServiceError.malformed(
            "field '\(field)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
}

/// A complainant or representative as the public form sends it.
struct PartyBody: Decodable, Sendable {
    var name: String
    var email: String?
    var phone: String?
    var postalAddress: String?
    var language: String?
    var contactPreference: String?

    enum CodingKeys: String, CodingKey {
        case name, email, phone
        case postalAddress = "postal_address"
        case language
        case contactPreference = "contact_preference"
    }

    init(from decoder: any Decoder) throws {
        try rejectUnknownFields(
            decoder, allowed: ["name", "email", "phone", "postal_address", "language", "contact_preference"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        postalAddress = try c.decodeIfPresent(String.self, forKey: .postalAddress)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        contactPreference = try c.decodeIfPresent(String.self, forKey: .contactPreference)
    }

    func party(field: String) throws -> Party {
        Party(
            name: name, email: email, phone: phone, postalAddress: postalAddress, language: language,
            contactPreference: try contactPreference.map {
                try vocabulary($0, field: "\(field).contact_preference", as: ContactPreference.self)
            })
    }
}

/// The public body complained about, as the public form names it.
struct RespondentBodyBody: Decodable, Sendable {
    var name: String
    var email: String?

    enum CodingKeys: String, CodingKey { case name, email }

    init(from decoder: any Decoder) throws {
        try rejectUnknownFields(decoder, allowed: ["name", "email"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email)
    }
}

/// `POST /v1/complaints`.
struct ComplaintBody: JSONRequestBody {
    static let fields: Set<String> = [
        "complainants", "group_size", "representative", "respondent", "categories", "summary", "language",
        "urgent", "confidential", "incident_date",
    ]
    var complainants: [PartyBody]
    var groupSize: Int?
    var representative: PartyBody?
    var respondent: RespondentBodyBody
    var categories: [String]?
    var summary: String
    var language: String?
    var urgent: Bool?
    var confidential: Bool?
    var incidentDate: String?

    enum CodingKeys: String, CodingKey {
        case complainants
        case groupSize = "group_size"
        case representative, respondent, categories, summary, language, urgent, confidential
        case incidentDate = "incident_date"
    }

    /// The complaint as intake registers it, received now over the web.
    func newCase(receivedAt: Date) throws -> NewCase {
        let incident = try incidentDate.map { text -> LocalDate in
            guard let date = LocalDate(iso: text) else {
                throw ServiceError.malformed("field 'incident_date' must be a date written YYYY-MM-DD")
            }
            return date
        }
        return NewCase(
            receivedAt: receivedAt, channel: .web,
            complainants: try complainants.enumerated().map { try $1.party(field: "complainants[\($0)]") },
            groupSize: groupSize,
            representative: try representative?.party(field: "representative"),
            respondent: RespondentBody(name: respondent.name, email: respondent.email),
            categories: categories ?? [], summary: summary, language: language,
            urgent: urgent ?? false, confidential: confidential ?? false, incidentDate: incident)
    }
}

/// What every change body may carry besides its own fields.
protocol ChangeBody: JSONRequestBody {
    /// When it happened (as `--at`): a date, a local time or an instant; now when absent.
    var at: String? { get }
    /// Refuse with 409 unless the case is still at this version.
    var expectVersion: Int? { get }
}

/// `POST /v1/cases/{reference}/moves`.
struct MoveBody: ChangeBody {
    static let fields: Set<String> = [
        "to", "outcome", "reason", "terms", "award_text", "binding", "original", "at", "expect_version",
    ]
    var to: String
    var outcome: String?
    var reason: String?
    var terms: String?
    var awardText: String?
    var binding: Bool?
    var original: String?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case to, outcome, reason, terms
        case awardText = "award_text"
        case binding, original, at
        case expectVersion = "expect_version"
    }

    func request() throws -> MoveRequest {
        MoveRequest(
            to: try vocabulary(to, field: "to", as: CaseState.self),
            outcome: try outcome.map { try vocabulary($0, field: "outcome", as: Outcome.self) },
            reason: reason, terms: terms, awardText: awardText, binding: binding, original: original)
    }
}

/// `POST /v1/cases/{reference}/pauses`.
struct PauseBody: ChangeBody {
    static let fields: Set<String> = ["reason", "clock", "at", "expect_version"]
    var reason: String
    var clock: String?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case reason, clock, at
        case expectVersion = "expect_version"
    }
}

/// `POST /v1/cases/{reference}/resume`.
struct ResumeBody: ChangeBody {
    static let fields: Set<String> = ["clock", "at", "expect_version"]
    var clock: String?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case clock, at
        case expectVersion = "expect_version"
    }
}

/// `POST /v1/cases/{reference}/extensions`.
struct ExtensionBody: ChangeBody {
    static let fields: Set<String> = ["clock", "days", "reason", "consent", "at", "expect_version"]
    var clock: String
    var days: Int
    var reason: String
    var consent: Bool?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case clock, days, reason, consent, at
        case expectVersion = "expect_version"
    }
}

/// `POST /v1/cases/{reference}/notes`.
struct NoteBody: ChangeBody {
    static let fields: Set<String> = ["text", "at", "expect_version"]
    var text: String
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case text, at
        case expectVersion = "expect_version"
    }
}
