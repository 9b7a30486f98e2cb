/// Text from outside (a complainant's name, a summary, a note) made safe to show on a terminal.
///
/// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates are shown as
/// visible escapes such as `\u{1B}`, so a name cannot plant a link, clear the screen, move the
/// cursor over lines a caseworker reads, or reverse the text around it.
public enum TerminalText {
    /// `text` with every such character escaped; line feeds and tabs are kept when `keepingLines`.
    public static func neutralised(_ text: String, keepingLines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLines: keepingLines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepingLines: keepingLines) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLines
        // LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; the Arabic letter mark.
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        default: return scalar.isControlCharacter
        }
    }
}
