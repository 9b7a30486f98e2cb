extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
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
