/// The one rule for text people give, at intake and in every later change: no control
/// characters (NUL, escapes, C1 controls) that could act on a terminal or that PostgreSQL
/// cannot store, line breaks and tabs only where a field allows them, and a length limited in
/// characters (Unicode scalars, so combining marks count) and in UTF-8 bytes.
enum TextField {
    /// The limit of free text such as a note, a summary or a reason for the record.
    static let longText = (characters: 20_000, bytes: 80_000)

    static func check(_ label: String, _ text: String, limit: (characters: Int, bytes: Int), lines: Bool) throws {
        let characters = text.unicodeScalars.count
        let bytes = text.utf8.count
        guard characters <= limit.characters, bytes <= limit.bytes else {
            throw StoreError.invalid(
                "The \(label) is \(characters) characters (\(bytes) bytes) long; the most is \(limit.characters) characters and \(limit.bytes) bytes."
            )
        }
        if let bad = text.unicodeScalars.first(where: { isControl($0, lines: lines) }) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw StoreError.invalid(
                "The \(label) holds the control character \(code), which Redress does not keep; remove it.")
        }
    }

    /// Free text of many lines, up to `longText`.
    static func checkLong(_ label: String, _ text: String?) throws {
        if let text { try check(label, text, limit: longText, lines: true) }
    }

    static func isControl(_ scalar: Unicode.Scalar, lines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return !lines
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
