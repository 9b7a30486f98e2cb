/// JSON text written by hand, for output produced a row at a time (reports, bulk loads) where
/// an encoder per value would cost more than the rest of the work.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included (RFC 8259): `"`, `\\` and every control
    /// character escaped, and U+2028 and U+2029 too, so the text is also safe inside a script.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let digits = Array("0123456789abcdef")
                    let v = Int(scalar.value)
                    out +=
                        "\\u"
                        + String([digits[v >> 12 & 0xF], digits[v >> 8 & 0xF], digits[v >> 4 & 0xF], digits[v & 0xF]])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
