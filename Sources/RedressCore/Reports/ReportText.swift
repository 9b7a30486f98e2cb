/// Text helpers shared by the report formatters: terminal widths, escaping for each format.
enum ReportText {
    /// The sentence a report read from a standby carries: how far behind the primary it was.
    static func standbyLine(_ seconds: Double) -> String {
        "Read from a standby \(ReplayLag.seconds(seconds)) s behind the primary when the report was read."
    }

    /// Columns a string takes on a terminal: two for East Asian wide characters (Hangul, CJK),
    /// none for combining marks and zero-width characters, one otherwise.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
            0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0x1160...0x11FF:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` with every control character (C0, DEL, C1: newlines, tabs, escape sequences that
    /// could drive a terminal) replaced by a space.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: \.isControlCharacter) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar.isControlCharacter ? " " : scalar)
        }
        return String(scalars)
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = Self.width(of: scalar)
            if used + w > width - 1 { break }
            result.append(scalar)
            used += w
        }
        return String(result) + "…"
    }

    /// `text` followed by spaces up to `width` columns.
    static func padded(_ text: String, to width: Int) -> String {
        let used = displayWidth(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// Spaces then `text`, up to `width` columns.
    static func rightAligned(_ text: String, to width: Int) -> String {
        let used = displayWidth(text)
        return used >= width ? text : String(repeating: " ", count: width - used) + text
    }

    /// A JSON string literal, quotes included (`JSONText.quoted`).
    static func jsonString(_ text: String) -> String {
        JSONText.quoted(text)
    }

    /// A JSON value: a string literal, or `null`.
    static func jsonString(_ text: String?) -> String {
        text.map { jsonString($0) } ?? "null"
    }

    /// A JSON number, or `null`.
    static func jsonNumber(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    /// Text for HTML element content or a quoted attribute: `& < > " '` escaped, control
    /// characters replaced.
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar.isControlCharacter ? " " : scalar)
            }
        }
        return out
    }
}
