import Foundation

/// What a person is looked for by (`redress person find|export --email|--phone|--name`),
/// normalised as the database compares it: an email address trimmed and in lower case, a
/// phone number as its digits (a Korean +82 country code as the trunk 0), a name
/// compatibility-normalised (NFKC), in lower case and without whitespace.
public struct PersonKey: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case email, phone, name
    }

    public var kind: Kind
    /// The key as given.
    public var value: String

    /// Checks that the key can find anyone: an email address with an `@`, a phone number of
    /// at least 6 digits, a name of at least 2 letters.
    public init(kind: Kind, value: String) throws(PersonKeyError) {
        self.kind = kind
        self.value = value
        switch kind {
        case .email:
            let text = normalised
            guard text.contains("@"), !text.hasPrefix("@"), !text.hasSuffix("@"), !text.contains(where: \.isWhitespace)
            else { throw .unusable(kind: kind, value: value, why: "it is not an email address") }
        case .phone:
            guard normalised.count >= 6 else {
                throw .unusable(kind: kind, value: value, why: "a phone number has at least 6 digits")
            }
        case .name:
            guard normalised.count >= 2 else {
                throw .unusable(kind: kind, value: value, why: "a name has at least 2 letters")
            }
        }
    }

    /// The key as the database compares it (`redress_person_*_key` of migration 30).
    public var normalised: String {
        switch kind {
        case .email:
            return value.trimmingWhitespace().lowercased()
        case .phone:
            let digits = value.filter { $0.isASCII && $0.isNumber }
            if digits.hasPrefix("820") { return String(digits.dropFirst(2)) }
            if digits.hasPrefix("82") { return "0" + digits.dropFirst(2) }
            return digits
        case .name:
            return String(
                value.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace })
        }
    }
}

/// A key that cannot find anyone.
public enum PersonKeyError: Error, Sendable, Hashable {
    case unusable(kind: PersonKey.Kind, value: String, why: String)
}

extension PersonKeyError: RedressError {
    public var kind: ErrorKind { .badInput }
    public var message: String {
        switch self {
        case let .unusable(kind, value, why):
            return "The \(kind.rawValue) \"\(value)\" cannot find anyone: \(why)."
        }
    }
    public var hint: ErrorHint? { .give(["email", "phone", "name"]) }
}
