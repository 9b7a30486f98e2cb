/// An email mailbox: an optional display name and an address (RFC 5322 §3.4).
public struct Mailbox: Sendable, Hashable {
    /// The display name, if any; any text (it is encoded when written).
    public var name: String?
    /// The address, `local@domain`, in ASCII.
    public let address: String

    /// Makes a mailbox, refusing an address that is not a plain ASCII `local@domain`.
    public init(name: String?, address: String) throws {
        guard Mailbox.isValidAddress(address) else { throw MIMEError.invalidAddress(address) }
        self.name = name
        self.address = address
    }

    /// Reads `Name <address>`, `"Name" <address>` or a bare address.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = String(trimmed[..<open]).trimmingSpaces()
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                var unquoted = ""
                var escaped = false
                for character in name.dropFirst().dropLast() {
                    if !escaped, character == "\\" {
                        escaped = true
                    } else {
                        unquoted.append(character)
                        escaped = false
                    }
                }
                name = unquoted
            }
            try self.init(name: name.isEmpty ? nil : name, address: address)
        } else {
            try self.init(name: nil, address: trimmed)
        }
    }

    /// Whether `address` is `dot-atom@domain` in ASCII: the local part of RFC 5322 atext and
    /// single dots, the domain of letters, digits and inner hyphens in dot-separated labels.
    public static func isValidAddress(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        return isDotAtom(bytes[..<at]) && isDomain(bytes[(at + 1)...])
    }

    /// The mailbox as header tokens: display name (encoded as needed) and `<address>`.
    var headerTokens: [String] {
        HeaderText.phraseTokens(name ?? "") + ["<\(address)>"]
    }

    /// Whether the bytes are a dot-atom: atext separated by single dots.
    static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
            } else {
                guard isAtext(byte) else { return false }
                previousDot = false
            }
        }
        return true
    }

    /// Whether the bytes are a host name: dot-separated labels of letters, digits and inner hyphens.
    static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            return label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}

extension Mailbox: CustomStringConvertible {
    /// The mailbox as a person would write it, not encoded: `Name <address>`.
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}
