/// Quoted-printable encoding of text (RFC 2045 §6.7) for 7-bit transport.
enum QuotedPrintable {
    /// Encoded lines are at most this long, soft line break included.
    static let lineLimit = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// The UTF-8 of `text` as quoted-printable lines, each ending in CRLF. Line breaks in the
    /// text (CRLF, CR or LF) become CRLF; long lines get soft breaks (`=` at the end); `=`,
    /// non-ASCII and control bytes, and spaces or tabs at the end of a line, are written `=XX`.
    /// A physical line never starts with `.` or `From ` as written, for the sake of SMTP and mbox.
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        for line in lines(of: text) { encode(line: Array(line.utf8)[...], into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// One line of text (without its line break) as quoted-printable, CRLF included.
    static func encode(line bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        let dot = UInt8(ascii: ".")
        let capitalF = UInt8(ascii: "F")
        var physical = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isLast = index == bytes.endIndex - 1
            var escape = !literal(byte, atEndOfLine: isLast)
            let limit = isLast ? lineLimit : lineLimit - 1
            // A physical line must not start with "." or "From " as written.
            func startsBadly() -> Bool {
                byte == dot || (byte == capitalF && bytes[index...].starts(with: "From ".utf8))
            }
            if physical == 0, startsBadly() { escape = true }
            if physical + (escape ? 3 : 1) > limit {
                output += [UInt8(ascii: "="), 13, 10]
                physical = 0
                if startsBadly() { escape = true }
            }
            if escape {
                output += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                physical += 3
            } else {
                output.append(byte)
                physical += 1
            }
        }
        output += [13, 10]
    }

    /// The lines of `text`, split at CRLF, CR or LF; a final line break ends the last line
    /// rather than starting an empty one.
    static func lines(of text: String) -> [Substring] {
        let normalised = text.replacingLineBreaks()
        var result = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        if result.count > 1, result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    private static func literal(_ byte: UInt8, atEndOfLine: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return !atEndOfLine
        case UInt8(ascii: "="): return false
        case 33...126: return true
        default: return false
        }
    }
}
