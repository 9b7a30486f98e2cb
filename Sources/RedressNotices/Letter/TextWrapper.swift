/// Word wrapping for fixed-width print, aware of wide (East Asian) characters.
enum TextWrapper {
    /// The line as lines of at most `width` columns, broken at spaces. A line that starts
    /// with spaces or a list marker (`- `, `* `, `1. `) continues under its text; a word wider
    /// than the line is broken between characters.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard displayWidth(line) > width else { return [line] }
        let indent = hangingIndent(of: line)
        let continuation = String(repeating: " ", count: indent)
        let prefix = String(line.prefix(indent))
        let words = line.dropFirst(indent).split(separator: " ", omittingEmptySubsequences: true)
        var lines: [String] = []
        var current = prefix
        var currentWidth = displayWidth(prefix)
        var lineHasWord = false
        for word in words {
            var piece = String(word)
            var pieceWidth = displayWidth(piece)
            if lineHasWord, currentWidth + 1 + pieceWidth > width {
                lines.append(current)
                current = continuation
                currentWidth = indent
                lineHasWord = false
            }
            // A word too wide for any line is split between characters.
            while currentWidth + (lineHasWord ? 1 : 0) + pieceWidth > width {
                if lineHasWord {
                    lines.append(current)
                    current = continuation
                    currentWidth = indent
                    lineHasWord = false
                }
                var head = ""
                var headWidth = 0
                var rest = Substring(piece)
                while let character = rest.first, currentWidth + headWidth + displayWidth(character) <= width {
                    head.append(character)
                    headWidth += displayWidth(character)
                    rest = rest.dropFirst()
                }
                if head.isEmpty, let character = rest.first {
                    // Not even one character fits after the indent: take it anyway.
                    head.append(character)
                    rest = rest.dropFirst()
                }
                lines.append(current + head)
                current = continuation
                currentWidth = indent
                piece = String(rest)
                pieceWidth = displayWidth(piece)
                if piece.isEmpty { break }
            }
            if piece.isEmpty { continue }
            current += (lineHasWord ? " " : "") + piece
            currentWidth += (lineHasWord ? 1 : 0) + pieceWidth
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// How many columns of the line's start the wrapped lines are indented by: its leading
    /// spaces plus a list marker after them, if any (at most half the usual width).
    static func hangingIndent(of line: String) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        var marker = 0
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("• ") {
            marker = 2
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
            if digits > 0, digits <= 3, rest.dropFirst(digits).hasPrefix(". ") { marker = digits + 2 }
        }
        return min(spaces + marker, 36)
    }

    /// The columns a string takes in a fixed-width font.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + displayWidth($1) }
    }

    /// The columns a character takes: 2 for wide and full-width characters (Hangul, CJK, …),
    /// 0 for combining marks alone, 1 otherwise.
    static func displayWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.value < 0x300 { return 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
