import Foundation
public import RedressCore
import RedressNotices

/// Checks a complaint before it is registered, saying what is wrong in one sentence; the same
/// checks serve `case open`, `case import` and the service's intake.
public struct IntakeValidator: Sendable {
    public var context: OfficeContext
    public var knownCategories: Set<String>

    public init(context: OfficeContext, knownCategories: Set<String>) {
        self.context = context
        self.knownCategories = knownCategories
    }

    /// What validation works out about a valid complaint.
    public struct Intake: Sendable {
        /// The office-local date of receipt.
        public var receivedOn: LocalDate
        /// Whether the complaint is past the filing limit (and accepted late).
        public var lateFiling: Bool
    }

    /// The longest text Redress keeps in a field other than the summary, in characters
    /// (Unicode scalars, so combining marks count) and in UTF-8 bytes. The byte limit keeps
    /// every name well inside what a PostgreSQL index entry can hold (about 2,700 bytes).
    public static let maximumFieldLength = (characters: 1_000, bytes: 2_000)
    /// The longest summary.
    public static let maximumSummaryLength = (characters: 20_000, bytes: 80_000)
    /// The largest group a complaint may speak for.
    public static let maximumGroupSize = 1_000_000

    public func validate(_ new: NewCase) throws -> Intake {
        guard !new.complainants.isEmpty else {
            throw StoreError.invalid("A complaint needs a complainant.", hint: .give(["complainant"]))
        }
        for party in new.complainants + (new.representative.map { [$0] } ?? []) {
            try checkParty(party)
        }
        if let size = new.groupSize, !(2...Self.maximumGroupSize).contains(size) {
            throw StoreError.invalid(
                "A group complaint speaks for 2 to \(Self.maximumGroupSize) people; \(size) is not that.",
                hint: .give(["group_size"]))
        }
        guard !new.respondent.name.isBlankText else {
            throw StoreError.invalid("A complaint needs the respondent body.", hint: .give(["respondent"]))
        }
        try TextField.checkLine("respondent", new.respondent.name, limit: Self.maximumFieldLength)
        if let head = new.respondent.headOfBodyName {
            try TextField.checkLine("head of body", head, limit: Self.maximumFieldLength)
        }
        for email in [new.respondent.email, new.respondent.headOfBodyEmail].compactMap({ $0 }) {
            try Self.checkEmailAddress(email)
        }
        guard !new.summary.isBlankText else {
            throw StoreError.invalid("A complaint needs a summary.", hint: .give(["summary"]))
        }
        try TextField.check("summary", new.summary, limit: Self.maximumSummaryLength, lines: true)
        for code in new.categories where !knownCategories.contains(code) {
            throw StoreError.unknownCategory(code, known: knownCategories.sorted())
        }
        if let language = new.language { try checkLanguage(language) }
        if let reason = new.acceptLateReason {
            try TextField.check("reason for accepting it late", reason, limit: Self.maximumFieldLength, lines: true)
        }
        try context.checkEventTime(new.receivedAt)
        let receivedOn = context.localDate(new.receivedAt)
        var late = false
        if let incident = new.incidentDate {
            guard incident <= receivedOn else {
                throw StoreError.invalid(
                    "The incident date \(incident.iso) is after the complaint was received on \(receivedOn.iso); give a date on or before it."
                )
            }
            let policy = try context.policies.inForce(on: receivedOn)
            if policy.isLateFiling(eventsOn: incident, receivedOn: receivedOn) {
                guard let reason = new.acceptLateReason, !reason.isBlankText else {
                    throw StoreError.lateFiling(incidentDate: incident, limit: policy.filingLimit)
                }
                late = true
            }
        }
        return Intake(receivedOn: receivedOn, lateFiling: late)
    }

    func checkParty(_ party: Party) throws {
        guard !party.name.isBlankText else {
            throw StoreError.invalid("Every complainant and representative needs a name.")
        }
        try TextField.checkLine("name", party.name, limit: Self.maximumFieldLength)
        if let email = party.email { try Self.checkEmailAddress(email) }
        if let address = party.postalAddress {
            try TextField.check("postal address", address, limit: Self.maximumFieldLength, lines: true)
        }
        if let phone = party.phone {
            try TextField.checkLine("phone number", phone, limit: Self.maximumFieldLength)
            guard phone.allSatisfy({ $0.isNumber || " +-().".contains($0) }), phone.contains(where: \.isNumber) else {
                throw StoreError.invalid("\"\(phone)\" is not a phone number; write digits, spaces and + - ( ) only.")
            }
        }
        if let language = party.language { try checkLanguage(language) }
    }

    /// An address the notices can be sent to: checked by the rules the renderer writes
    /// headers by, so a notice is never stuck on an address taken at intake.
    static func checkEmailAddress(_ email: String) throws {
        try TextField.checkLine("email address", email, limit: Self.maximumFieldLength)
        guard Mailbox.isValidAddress(email) else {
            throw StoreError.invalid("\"\(email)\" is not an email address; write it as name@example.org.")
        }
    }

    func checkLanguage(_ language: String) throws {
        guard (2...3).contains(language.utf8.count), language.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
            throw StoreError.invalid(
                "\"\(language)\" is not a language code; use a two- or three-letter ISO 639 code such as en or ko.")
        }
    }
}
