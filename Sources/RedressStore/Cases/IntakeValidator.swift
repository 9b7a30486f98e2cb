import Foundation
public import RedressCore

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

    /// The longest text Redress keeps in a field other than the summary.
    public static let maximumFieldLength = 1_000
    /// The longest summary.
    public static let maximumSummaryLength = 20_000

    public func validate(_ new: NewCase) throws -> Intake {
        guard !new.complainants.isEmpty else { throw StoreError.invalid("A complaint needs a complainant; give --complainant NAME.") }
        for party in new.complainants + (new.representative.map { [$0] } ?? []) {
            try checkParty(party)
        }
        if let size = new.groupSize, size < 2 {
            throw StoreError.invalid("A group complaint needs a group of 2 or more; \(size) is too few.")
        }
        guard !new.respondent.name.isBlankText else { throw StoreError.invalid("A complaint needs the respondent body; give --respondent NAME.") }
        try checkLength("respondent", new.respondent.name)
        for email in [new.respondent.email, new.respondent.headOfBodyEmail].compactMap({ $0 }) { try checkEmail(email) }
        guard !new.summary.isBlankText else { throw StoreError.invalid("A complaint needs a summary; give --summary TEXT.") }
        guard new.summary.count <= Self.maximumSummaryLength else {
            throw StoreError.invalid("The summary is \(new.summary.count) characters long; keep it to \(Self.maximumSummaryLength) and attach the rest as notes.")
        }
        for code in new.categories where !knownCategories.contains(code) {
            throw StoreError.unknownCategory(code, known: knownCategories.sorted())
        }
        if let language = new.language { try checkLanguage(language) }
        try checkText(new.summary)
        let receivedOn = context.localDate(new.receivedAt)
        var late = false
        if let incident = new.incidentDate {
            guard incident <= receivedOn else {
                throw StoreError.invalid("The incident date \(incident.iso) is after the complaint was received on \(receivedOn.iso); give a date on or before it.")
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
        guard !party.name.isBlankText else { throw StoreError.invalid("Every complainant and representative needs a name.") }
        try checkLength("name", party.name)
        if let email = party.email { try checkEmail(email) }
        if let phone = party.phone {
            try checkLength("phone number", phone)
            guard phone.allSatisfy({ $0.isNumber || " +-().".contains($0) }), phone.contains(where: \.isNumber) else {
                throw StoreError.invalid("\"\(phone)\" is not a phone number; write digits, spaces and + - ( ) only.")
            }
        }
        if let language = party.language { try checkLanguage(language) }
        for text in [party.name, party.postalAddress ?? ""] { try checkText(text) }
    }

    func checkEmail(_ email: String) throws {
        try checkLength("email address", email)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw StoreError.invalid("\"\(email)\" is not an email address; write it as name@example.org.")
        }
    }

    func checkLanguage(_ language: String) throws {
        guard (2...3).contains(language.utf8.count), language.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
            throw StoreError.invalid("\"\(language)\" is not a language code; use a two- or three-letter ISO 639 code such as en or ko.")
        }
    }

    func checkLength(_ label: String, _ text: String) throws {
        guard text.count <= Self.maximumFieldLength else {
            throw StoreError.invalid("The \(label) is \(text.count) characters long; the most is \(Self.maximumFieldLength).")
        }
    }

    /// Text may hold anything a person writes, SQL included, but no NUL (PostgreSQL cannot store it).
    func checkText(_ text: String) throws {
        guard !text.utf8.contains(0) else { throw StoreError.invalid("The text holds a NUL character, which cannot be stored; remove it.") }
    }
}

extension String {
    /// Whether the text is empty or only whitespace and newlines, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` judges it, without bridging through
    /// NSString on every call.
    var isBlankText: Bool { unicodeScalars.allSatisfy { $0.isSpace || $0.isNewline } }

    /// The text without leading and trailing spaces and tabs (not newlines), as
    /// `trimmingCharacters(in: .whitespaces)` leaves it, without NSString.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}

extension Unicode.Scalar {
    /// What Foundation's `CharacterSet.whitespaces` holds: tab, the space separators, and the
    /// zero-width space that it still counts among them.
    var isSpace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What `CharacterSet.newlines` holds.
    var isNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
