public import Foundation

/// The header fields of a message, in order, each already encoded and folded.
///
/// Values go in through typed `append` methods, so every one is encoded for its kind: text
/// as RFC 2047 encoded-words where it is not plain ASCII, addresses and ids validated. No value
/// can contain a line break, so none can add a header of its own.
public struct MIMEHeaders: Sendable, Hashable {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The field name, e.g. `Subject`.
        public let name: String
        /// The whole field as written, `Name: value`, folded with CRLF + space, without a final CRLF.
        public let line: String
    }

    /// The fields in the order they were added.
    public private(set) var fields: [Field] = []

    /// The names `MIMEMessage` writes itself.
    static let reservedNames: Set<String> = ["mime-version", "content-type", "content-transfer-encoding"]

    /// Makes an empty header.
    public init() {}

    /// Adds an unstructured field such as `Subject`: the text on one line, encoded where needed.
    public mutating func append(_ name: String, text: String) throws {
        try add(name, tokens: HeaderText.unstructuredTokens(text))
    }

    /// Adds an address field such as `From` or `To`.
    public mutating func append(_ name: String, mailboxes: [Mailbox]) throws {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxTokens = mailbox.headerTokens
            if index < mailboxes.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        try add(name, tokens: tokens)
    }

    /// Adds a date field such as `Date`, written in `timeZone` with its offset.
    public mutating func append(_ name: String, date: Date, timeZone: TimeZone) throws {
        try add(name, tokens: [RFC5322Date.format(date, timeZone: timeZone)])
    }

    /// Adds a field of message ids such as `Message-ID`, `In-Reply-To` or `References`.
    public mutating func append(_ name: String, messageIDs: [MessageID]) throws {
        try add(name, tokens: messageIDs.map(\.description))
    }

    /// Adds a field whose value is a short structured token such as `auto-generated`: printable
    /// ASCII, refused otherwise.
    public mutating func append(_ name: String, token: String) throws {
        guard !token.isEmpty, HeaderText.isPrintableASCII(token) else { throw MIMEError.invalidHeaderValue(name: name) }
        try add(name, tokens: token.split(separator: " ").map(String.init))
    }

    /// The values of the fields called `name` (any case), as written after the colon.
    public func values(named name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map {
            String($0.line.dropFirst($0.name.count + 1)).replacingOccurrences(of: "\r\n", with: "").trimmingSpaces()
        }
    }

    private mutating func add(_ name: String, tokens: [String]) throws {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }) else {
            throw MIMEError.invalidHeaderName(name)
        }
        guard !MIMEHeaders.reservedNames.contains(name.lowercased()) else { throw MIMEError.reservedHeader(name) }
        fields.append(Field(name: name, line: HeaderText.fold(name: name, tokens: tokens)))
    }
}
