import Foundation
public import RedressCore

/// What `case find` and `GET /v1/cases?q=` look for: a text of at least two characters in
/// some fields of every case, compared lower-case with whitespace collapsed (phone numbers
/// by their digits).
public struct CaseSearch: Sendable, Hashable {
    /// A field a search looks in.
    public enum Field: String, Sendable, CaseIterable, Encodable {
        case name, email, phone, reference, respondent, summary, notes

        /// Whether the field is a complainant's or representative's identity, searched only
        /// on cases whose identities the searcher may see, and audited.
        public var isIdentity: Bool { [.name, .email, .phone].contains(self) }
    }

    /// The text as given.
    public var text: String
    /// The fields to look in, in the order of `Field.allCases`.
    public var fields: [Field]
    /// At most this many cases, best first.
    public var limit: Int

    /// The fewest characters a search takes: one character would match most cases.
    public static let minimumLength = 2
    /// The most characters a search takes.
    public static let maximumLength = 200
    /// The most cases one search returns, and how many when none is asked.
    public static let limitRange = 1...1_000
    public static let defaultLimit = 100

    /// A checked search; bad input throws `StoreError.invalid` with one sentence.
    public init(text: String, fields: [Field] = Field.allCases, limit: Int = Self.defaultLimit) throws {
        if text.unicodeScalars.contains("\u{FFFD}") {
            throw StoreError.invalid("The search text is not valid UTF-8 text; type it again.")
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) {
            throw StoreError.invalid("The search text contains a control character; give plain text.")
        }
        let length = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars.count
        if length == 0 {
            throw StoreError.invalid(
                "Give the text to search for: at least \(Self.minimumLength) characters of a name, email address, phone number, reference, respondent, summary or note."
            )
        }
        if length < Self.minimumLength {
            throw StoreError.invalid(
                "A search needs at least \(Self.minimumLength) characters; \"\(text)\" has \(length).")
        }
        if length > Self.maximumLength {
            throw StoreError.invalid(
                "A search takes at most \(Self.maximumLength) characters; the text given has \(length).")
        }
        guard Self.limitRange.contains(limit) else {
            throw StoreError.invalid(
                "A search returns from \(Self.limitRange.lowerBound) to \(Self.limitRange.upperBound) cases; \(limit) is not in that range.",
                hint: .give(["limit"]))
        }
        self.text = text
        self.fields = Field.allCases.filter(fields.contains)
        self.limit = limit
    }

    private static let known = Field.allCases.map(\.rawValue).joined(separator: ", ")

    /// The fields of a comma-separated list (`name,phone`); an unknown one throws.
    public static func fields(parsing list: String) throws -> [Field] {
        let names = list.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw StoreError.invalid("Name the fields to search, separated by commas, from \(known).")
        }
        return try names.map { name in
            guard let field = Field(rawValue: name) else {
                throw StoreError.invalid(
                    "\"\(name.prefix(40))\" is not a field a search looks in: name them from \(known).")
            }
            return field
        }
    }
}
