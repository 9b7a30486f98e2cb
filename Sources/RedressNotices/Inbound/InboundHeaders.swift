/// The header fields of a received message or part, unfolded, in order.
public struct InboundHeaders: Sendable, Hashable {
    /// One field: its name as written and its value, unfolded and decoded to text (UTF-8 when
    /// the bytes are UTF-8, else ISO-8859-1), without NUL.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var fields: [Field] = []

    /// The value of the first field named `name` (case-insensitive).
    public func first(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The values of every field named `name`, in order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The message ids in a field's value (`<a@b> <c@d>`), without their angle brackets.
    public static func messageIDs(in value: String?) -> [String] {
        guard let value else { return [] }
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let id = after[..<close].trimmingSpaces
            if !id.isEmpty, id.count <= 998 { ids.append(String(id)) }
            rest = after[after.index(after: close)...]
        }
        if ids.isEmpty {
            // Some senders leave the brackets off.
            let bare = value.trimmingSpaces
            if !bare.isEmpty, bare.contains("@"), !bare.contains(" "), bare.count <= 998 { ids.append(String(bare)) }
        }
        return ids
    }
}

/// A `Content-Type` or `Content-Disposition` value: its lower-cased main value and parameters
/// (names lower-cased, quotes removed, RFC 2231 `name*=charset''text` decoded).
struct HeaderParameters: Sendable {
    var value: String
    var parameters: [String: String]

    init(_ text: String) {
        var parts = Self.split(text)
        value = parts.isEmpty ? "" : parts.removeFirst().trimmingSpaces.lowercased()
        var parameters: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var name = part[..<equals].trimmingSpaces.lowercased()
            var raw = part[part.index(after: equals)...].trimmingSpaces
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 {
                raw = Substring(raw.dropFirst().dropLast().replacingBackslashes)
            }
            // RFC 2231: `name*0*=`, `name*1=`, `name*=`.
            var extended = false
            if name.hasSuffix("*") {
                extended = true
                name = String(name.dropLast())
            }
            if let star = name.firstIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: []].append((number, String(raw), extended))
                continue
            }
            parameters[String(name)] = extended ? Self.extendedValue(String(raw), first: true) : String(raw)
        }
        for (name, pieces) in continued where parameters[name] == nil {
            let ordered = pieces.sorted { $0.0 < $1.0 }
            let charset = ordered.first.flatMap { $0.2 ? Self.charsetOf($0.1) : nil }
            var bytes: [UInt8] = []
            for (index, piece) in ordered.enumerated() {
                if piece.2 {
                    bytes += Self.percentDecoded(index == 0 ? Self.dropCharset(piece.1) : piece.1)
                } else {
                    bytes += Array(piece.1.utf8)
                }
            }
            parameters[name] = Charset.decode(bytes, charset: charset ?? "utf-8").text
        }
        self.parameters = parameters
    }

    /// Splits at semicolons outside quotes.
    static func split(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts.enumerated().filter { $0.offset == 0 || !$0.element.trimmingSpaces.isEmpty }.map(\.element)
    }

    static func extendedValue(_ raw: String, first: Bool) -> String {
        Charset.decode(percentDecoded(dropCharset(raw)), charset: charsetOf(raw) ?? "utf-8").text
    }

    static func charsetOf(_ raw: String) -> String? {
        let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        return pieces.count == 3 && !pieces[0].isEmpty ? String(pieces[0]) : nil
    }

    static func dropCharset(_ raw: String) -> String {
        let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        return pieces.count == 3 ? String(pieces[2]) : raw
    }

    static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = TransferDecoding.hexValue(bytes[index + 1]),
                let low = TransferDecoding.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }

    var replacingBackslashes: String {
        var output = ""
        var escaped = false
        for character in self {
            if escaped || character != "\\" {
                output.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return output
    }
}
