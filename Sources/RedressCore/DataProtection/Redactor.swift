import Foundation

/// Replaces what identifies other people in a text with their role in brackets
/// ("[respondent officer]"), for what a person is given about themselves
/// (`redress person export`): whole names and each of their parts, email addresses, and
/// phone numbers whatever their separators. It errs towards replacing too much: a word
/// that is also another person's name goes too.
public struct Redactor {
    /// One person's identifying values and the role that stands for them.
    public struct Other: Sendable, Hashable {
        public var role: String
        public var names: [String]
        public var emails: [String]
        public var phones: [String]
        public var addresses: [String]

        public init(
            role: String, names: [String] = [], emails: [String] = [], phones: [String] = [],
            addresses: [String] = []
        ) {
            self.role = role
            self.names = names
            self.emails = emails
            self.phones = phones
            self.addresses = addresses
        }
    }

    private var rules: [(pattern: NSRegularExpression, label: String)] = []

    /// A redactor for `others`; values of `keep` (the person's own) are never taken as
    /// another's part.
    public init(others: [Other], keep: [String] = []) {
        let kept = Set(keep.flatMap { Self.parts(of: $0) }.map { $0.lowercased() })
        var literal: [(String, String, Bool)] = [] // value, label, whole word
        var phoneRules: [(pattern: NSRegularExpression, label: String)] = []
        for other in others {
            let label = "[" + other.role + "]"
            for address in other.addresses where address.count >= 4 {
                // Line by line: an address is written on one line or several.
                literal.append((address, label, false))
                for line in address.split(whereSeparator: \.isNewline) where line.count >= 4 {
                    literal.append((String(line).trimmingCharacters(in: .whitespaces), label, false))
                }
            }
            for email in other.emails where email.count >= 3 { literal.append((email, label, false)) }
            for name in other.names where !name.trimmingCharacters(in: .whitespaces).isEmpty {
                literal.append((name.trimmingCharacters(in: .whitespaces), label, true))
                for part in Self.parts(of: name) where !kept.contains(part.lowercased()) {
                    literal.append((part, label, !part.unicodeScalars.contains(where: Self.isUnspacedScript)))
                }
            }
            for phone in other.phones {
                let digits = phone.filter { $0.isASCII && $0.isNumber }
                guard digits.count >= 6 else { continue }
                let pattern = digits.map { String($0) }.joined(separator: "[\\s().+-]*")
                if let regex = try? NSRegularExpression(pattern: pattern) { phoneRules.append((regex, label)) }
            }
        }
        // Longest first, so a whole name goes before its parts.
        for (value, label, word) in literal.sorted(by: { $0.0.count > $1.0.count }) {
            let escaped = NSRegularExpression.escapedPattern(for: value.precomposedStringWithCanonicalMapping)
            let pattern = word ? "(?<![\\p{L}\\p{N}])" + escaped + "(?![\\p{L}\\p{N}])" : escaped
            if let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                rules.append((regex, label))
            }
        }
        // Phone numbers after names and addresses, as an address may hold a house number.
        rules += phoneRules
    }

    /// `text` with every other person's values replaced by their role.
    public func redact(_ text: String) -> String {
        var result = text.precomposedStringWithCanonicalMapping
        for rule in rules {
            let range = NSRange(result.startIndex..., in: result)
            result = rule.pattern.stringByReplacingMatches(
                in: result, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: rule.label))
        }
        return result
    }

    /// `text` redacted, or nil.
    public func redact(_ text: String?) -> String? {
        text.map(redact)
    }

    /// The parts of a name worth replacing alone: runs of letters, two or more long.
    static func parts(of name: String) -> [String] {
        name.precomposedStringWithCanonicalMapping.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter {
            $0.count >= 2
        }
    }

    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }
}
