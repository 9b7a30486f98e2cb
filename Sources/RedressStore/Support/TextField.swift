import RedressCore

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
        if let bad = text.unicodeScalars.first(where: {
            $0.isControlCharacter && !(lines && Self.lineBreaks.contains($0))
        }) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw StoreError.invalid(
                "The \(label) holds the control character \(code), which Redress does not keep; remove it.")
        }
    }

    /// A one-line field: no line breaks or tabs.
    static func checkLine(_ label: String, _ text: String, limit: (characters: Int, bytes: Int)) throws {
        try check(label, text, limit: limit, lines: false)
    }

    /// Free text of many lines, up to `longText`.
    static func checkLong(_ label: String, _ text: String?) throws {
        if let text { try check(label, text, limit: longText, lines: true) }
    }

    /// What free text may hold that is otherwise a control: tab, line feed, carriage return.
    static let lineBreaks: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
}
