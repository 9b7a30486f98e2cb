import Foundation

/// The complainant's identity as it could be written in a notice's text: a safety net for
/// respondent and head-of-body notices without consent to disclosure, which are refused if
/// their text shows any of it, e.g. in a summary written by staff.
///
/// Text is compared after NFKC normalisation and case folding, so composed and decomposed
/// accents, full-width letters and capitals all match. A name matches when each of its parts of
/// two or more letters is there, in any order ("Ramírez, José" for "José Ramírez"), so that a
/// shared surname or syllable alone (a caseworker's "Ji" in "Park Ji-hoon") does not stop a
/// letter; phone numbers match on their digits
/// whatever the separators; postal addresses on their letters and digits whatever the line
/// breaks and punctuation; email addresses whole or by their local part.
public struct WithheldIdentity: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var names: [String]
    public var emails: [String]
    public var phones: [String]
    public var addresses: [String]

    public init(names: [String] = [], emails: [String] = [], phones: [String] = [], addresses: [String] = []) {
        self.names = names
        self.emails = emails
        self.phones = phones
        self.addresses = addresses
    }

    /// Terms sorted by their look: an `@` makes an email address, digits and separators only
    /// a phone number, anything else a name.
    public init(arrayLiteral terms: String...) {
        self.init(names: [])
        for term in terms {
            if term.contains("@") {
                emails.append(term)
            } else if term.contains(where: \.isNumber), term.allSatisfy({ $0.isNumber || " +-().".contains($0) }) {
                phones.append(term)
            } else {
                names.append(term)
            }
        }
    }

    public var isEmpty: Bool { names.isEmpty && emails.isEmpty && phones.isEmpty && addresses.isEmpty }

    /// Whether `text` shows any part of the identity.
    public func isShown(in text: String) -> Bool {
        guard !isEmpty else { return false }
        let folded = Self.fold(text)
        let words = Set(Self.words(folded))
        let compact = Self.compact(folded)
        let digitRuns = Self.digitRuns(folded)
        for name in names {
            let parts = Self.words(Self.fold(name)).filter { $0.filter(\.isLetter).count >= 2 }
            // Scripts written without spaces between words (Hangul, Han, kana) carry particles
            // on the name itself: there a part matches inside a word too.
            if !parts.isEmpty,
                parts.allSatisfy({ part in
                    part.unicodeScalars.contains(where: Self.isUnspacedScript)
                        ? compact.contains(part) : words.contains(part)
                })
            {
                return true
            }
        }
        for email in emails.map(Self.fold) where email.count >= 3 {
            if folded.contains(email) { return true }
            let local = Self.compact(String(email.prefix { $0 != "@" }))
            if local.count >= 2, words.contains(local) || (local.count >= 6 && compact.contains(local)) { return true }
        }
        for phone in phones {
            let digits = phone.filter(\.isASCIIDigit)
            if digits.count >= 6, digitRuns.contains(where: { $0.contains(digits) }) { return true }
        }
        for address in addresses {
            let wanted = Self.compact(Self.fold(address))
            if wanted.count >= 6, compact.contains(wanted) { return true }
        }
        return false
    }

    /// NFKC, then case folded.
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
    }

    /// The runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Letters and digits only, everything else dropped.
    static func compact(_ text: String) -> String {
        String(text.filter { $0.isLetter || $0.isNumber })
    }

    /// The digits of each run of digits and phone separators ("010-5555 0142" is one run).
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text {
            if character.isASCIIDigit {
                current.append(character)
            } else if !" +-().".contains(character) {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF, // Hangul
            0x3040...0x30FF, // kana
            0x3400...0x4DBF, 0x4E00...0x9FFF: // Han
            return true
        default:
            return false
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
