/// How one value is written as a CSV field: the single formula guard and the RFC 4180 quoting
/// that every CSV Redress writes shares (`CSVRecordWriter`).
public enum CSVField {
    /// The characters that make a spreadsheet read a cell as a formula (or, for tab and
    /// carriage return, hide one) when they come first.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` as a spreadsheet will show it and never run it: a value starting with `=`, `+`,
    /// `-`, `@`, tab or carriage return gets a leading apostrophe; anything else is unchanged.
    ///
    /// Names and free text come from complainants and respondents, so every field is guarded
    /// alike, whatever its column: a value cannot pass by looking like a number ("-1", "+1").
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// `text` as one CSV field: neutralised, then quoted (inner quotes doubled) when it holds
    /// a comma, a quote or a line break.
    public static func encoded(_ text: String) -> String {
        let value = neutralised(text)
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
