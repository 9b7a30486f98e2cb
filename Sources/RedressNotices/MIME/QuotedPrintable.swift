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
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for line in lines(of: text) {
            var physical: [UInt8] = []
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                var token = literal(byte, atEndOfLine: isLast) ? [byte] : escaped(byte)
                if physical.isEmpty, token == [UInt8(ascii: ".")] || (token == [UInt8(ascii: "F")] && bytes[index...].starts(with: "From ".utf8)) {
                    token = escaped(byte)
                }
                let limit = isLast ? lineLimit : lineLimit - 1
                if physical.count + token.count > limit {
                    output += String(decoding: physical, as: UTF8.self) + "=\r\n"
                    physical = []
                    if token == [UInt8(ascii: ".")] || (token == [UInt8(ascii: "F")] && bytes[index...].starts(with: "From ".utf8)) {
                        token = escaped(byte)
                    }
                }
                physical += token
            }
            output += String(decoding: physical, as: UTF8.self) + "\r\n"
        }
        return output
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

    private static func escaped(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}

extension String {
    /// The text with every CRLF and lone CR turned into LF.
    func replacingLineBreaks() -> String {
        guard utf8.contains(13) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if byte == 13 {
                bytes.append(10)
                previousCR = true
            } else {
                if !(byte == 10 && previousCR) { bytes.append(byte) }
                previousCR = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
