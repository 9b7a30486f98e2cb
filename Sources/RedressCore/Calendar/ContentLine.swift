/// One content line of an iCalendar file once unfolded (RFC 5545 §3.1):
/// `NAME;PARAM=VALUE;PARAM="QUOTED":value`.
struct ContentLine: Sendable, Hashable {
    /// The line of the file it starts on, from 1.
    var number: Int
    /// The property name, upper-cased (`DTSTART`, `BEGIN`, `X-WR-CALNAME`).
    var name: String
    /// Parameters by upper-cased name, their values unquoted.
    var parameters: [String: [String]]
    /// Everything after the first colon outside quotes, as written.
    var value: String

    /// Splits `bytes` into unfolded content lines: lines end with CRLF or LF, and a line
    /// beginning with a space or a tab continues the one before it. Unfolding works on bytes,
    /// so a fold inside a multi-byte character (which careless writers make) is mended before
    /// the text is decoded. Empty lines are skipped; a byte-order mark is dropped. A file whose
    /// first line is not `BEGIN:VCALENDAR` is not iCalendar.
    static func lines(of bytes: [UInt8]) throws(HolidayFeedError) -> [ContentLine] {
        var unfolded: [(number: Int, bytes: [UInt8])] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while start < bytes.count {
            number += 1
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            if end > start {
                if bytes[start] == 0x20 || bytes[start] == 0x09 {
                    guard !unfolded.isEmpty else { throw .malformedLine(line: number) }
                    unfolded[unfolded.count - 1].bytes += bytes[(start + 1)..<end]
                } else {
                    unfolded.append((number, Array(bytes[start..<end])))
                }
            }
            start = newline + 1
        }
        guard let first = unfolded.first,
            String(decoding: first.bytes, as: UTF8.self).trimmingWhitespace().uppercased() == "BEGIN:VCALENDAR"
        else { throw .notICalendar }
        return try unfolded.map { line throws(HolidayFeedError) in
            guard let text = String(validating: line.bytes, as: UTF8.self) else { throw .notUTF8(line: line.number) }
            return try ContentLine(number: line.number, text: text)
        }
    }

    /// Parses one unfolded line.
    init(number: Int, text: String) throws(HolidayFeedError) {
        self.number = number
        let scalars = Array(text.unicodeScalars)
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
        }
        var index = 0
        func name() throws(HolidayFeedError) -> String {
            let from = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            guard index > from else { throw .malformedLine(line: number) }
            return String(String.UnicodeScalarView(scalars[from..<index])).uppercased()
        }
        self.name = try name()
        var parameters: [String: [String]] = [:]
        while index < scalars.count, scalars[index] == ";" {
            index += 1
            let parameter = try name()
            guard index < scalars.count, scalars[index] == "=" else { throw .malformedLine(line: number) }
            var values: [String] = []
            repeat {
                index += 1
                let from = index
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    while index < scalars.count, scalars[index] != "\"" { index += 1 }
                    guard index < scalars.count else { throw .malformedLine(line: number) }
                    values.append(String(String.UnicodeScalarView(scalars[(from + 1)..<index])))
                    index += 1
                } else {
                    while index < scalars.count, !";:,".unicodeScalars.contains(scalars[index]) { index += 1 }
                    values.append(String(String.UnicodeScalarView(scalars[from..<index])))
                }
            } while index < scalars.count && scalars[index] == ","
            parameters[parameter, default: []] += values
        }
        guard index < scalars.count, scalars[index] == ":" else { throw .malformedLine(line: number) }
        self.parameters = parameters
        self.value = String(String.UnicodeScalarView(scalars[(index + 1)...]))
    }

    /// The first value of the parameter `name`, upper-cased (`VALUE=DATE` gives `DATE`).
    func parameter(_ name: String) -> String? {
        parameters[name]?.first?.uppercased()
    }

    /// The value as TEXT (RFC 5545 §3.3.11): `\,` `\;` `\\` unescaped, and `\n` a line break,
    /// which a holiday's one-line name turns into a space, as it does a tab. Other
    /// backslashes are kept as written.
    var text: String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case ",", ";", "\\": result.append(character)
                case "n", "N": result.append(" ")
                default: result += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character == "\t" ? " " : character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}
