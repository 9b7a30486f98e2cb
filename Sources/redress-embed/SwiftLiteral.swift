/// Swift source text for values the generated files carry.
enum SwiftLiteral {
    /// `text` as a multi-line raw string literal that reads back exactly as `text`, whatever it
    /// holds.
    ///
    /// The literal has one `#` more than any run that follows a quote or a backslash in `text`,
    /// so nothing in it can close the literal or start an escape. Characters a literal would not
    /// keep as they are (a carriage return becomes a line feed) or that no one should meet
    /// unseen in Swift source are written as escapes.
    static func rawString(_ text: String) -> String {
        let hashes = String(repeating: "#", count: longestHashRun(in: text) + 1)
        var body = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                body += "\\\(hashes)u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                body.unicodeScalars.append(scalar)
            }
        }
        // A multi-line literal ends before the line break that precedes its closing delimiter.
        return "\(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)"
    }

    /// The longest run of `#` right after a `"` or a `\` in `text`.
    private static func longestHashRun(in text: String) -> Int {
        var longest = 0
        var run: Int?
        for scalar in text.unicodeScalars {
            if scalar == "#", let count = run {
                run = count + 1
                longest = max(longest, count + 1)
            } else {
                run = scalar == "\"" || scalar == "\\" ? 0 : nil
            }
        }
        return longest
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
