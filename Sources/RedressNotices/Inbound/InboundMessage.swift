import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A message that came in by mail (RFC 5322 with MIME), read for what Redress needs: who sent
/// it, what it answers, its text, its attachments, and whether it is automatic or a delivery
/// report. Reading is lenient (a cut-short multipart, an unknown charset, NUL bytes are read
/// as far as they go, and noted in `problems`); only a message without a header section or a
/// sender is refused.
public struct InboundMessage: Sendable {
    public var headers: InboundHeaders
    /// The `Message-ID`, without angle brackets.
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    /// The subject, encoded words decoded.
    public var subject: String?
    /// The `From` field, decoded.
    public var from: String?
    public var fromAddress: String?
    public var fromName: String?
    /// The `Date` field as written.
    public var date: String?
    /// Sent by a program, not a person (`Auto-Submitted`, `Precedence: bulk|junk|list`,
    /// vacation replies, delivery reports): filed, and nothing is triggered by it.
    public var isAutomatic: Bool
    /// The text of the message: its first plain-text part (or HTML reduced to text).
    public var text: String?
    public var attachments: [InboundAttachment]
    /// The delivery report (RFC 3464) the message carries, when it is one.
    public var report: DeliveryReport?
    /// What could not be read as it should, one sentence each.
    public var problems: [String]

    /// The header field of the note that takes the place of an attachment over the size limit
    /// in a stored message: `attachment; filename="…"; type="…"; size=N; sha256=HEX`.
    public static let leftOutField = "X-Redress-Left-Out"

    /// How deep multiparts are followed; deeper ones are kept in the raw message only.
    public static let depthLimit = 20

    /// Reads `bytes`; an attachment larger than `attachmentLimit` bytes is listed with its size
    /// but not decoded.
    public static func parse(_ bytes: [UInt8], attachmentLimit: Int) throws(InboundMessageError) -> InboundMessage {
        var parser = InboundParser(bytes: bytes, attachmentLimit: attachmentLimit)
        return try parser.message()
    }
}

/// An attachment of a received message.
public struct InboundAttachment: Sendable {
    /// Its file name as the sender gave it, if any.
    public var filename: String?
    /// The content type the sender declared (Redress sniffs its own).
    public var declaredType: String
    /// Its bytes; nil when it was over the size limit.
    public var bytes: [UInt8]?
    /// Its size in bytes (for one over the limit, as its encoding says).
    public var size: Int
    /// For one over the limit inside a multipart: the whole part (its header fields and body)
    /// in the message's bytes, its encoded body, and its transfer encoding, so that the
    /// message can be kept without it.
    public var part: Range<Int>? = nil
    public var body: Range<Int>? = nil
    public var encoding = "7bit"
    /// For one left out of a stored message: the SHA-256 of its decoded bytes (hexadecimal),
    /// as the note that took its place says.
    public var leftOutSHA256: String? = nil
}

/// What a delivery status notification (RFC 3464) says about one message.
public struct DeliveryReport: Sendable {
    /// The Message-ID of the message it reports on, from the returned message or its headers.
    public var originalMessageID: String?
    /// Whether a recipient's `Action` is `failed`.
    public var failed: Bool
    /// What the receiving server said: the `Diagnostic-Code` without its type
    /// ("550 5.1.1 user unknown"), else the `Status`.
    public var diagnostic: String
}

/// Why a message could not be read at all.
public enum InboundMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case noHeader
    case noSender

    public var description: String {
        switch self {
        case .empty: return "the message is empty"
        case .noHeader: return "the message does not begin with header fields"
        case .noSender: return "the message has no From field"
        }
    }
}

struct InboundParser {
    let bytes: [UInt8]
    let attachmentLimit: Int
    var text: String?
    var htmlText: String?
    var attachments: [InboundAttachment] = []
    var report: DeliveryReport?
    var problems: [String] = []
    /// The multipart part being read (header fields and body), if any.
    var currentPart: Range<Int>?

    init(bytes: [UInt8], attachmentLimit: Int) {
        self.bytes = bytes
        self.attachmentLimit = attachmentLimit
    }

    mutating func message() throws(InboundMessageError) -> InboundMessage {
        guard !bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }) else { throw .empty }
        var start = 0
        // An mbox "From " line, as some local delivery agents leave it.
        if bytes.starts(with: Array("From ".utf8)) { start = lineEnd(from: 0).next }
        let (headers, bodyStart) = readHeaders(start..<bytes.count)
        guard !headers.fields.isEmpty, bytes[start] != 32, bytes[start] != 9 else { throw .noHeader }
        guard let from = headers.first("From"), !from.trimmingSpaces.isEmpty else { throw .noSender }
        entity(headers: headers, body: bodyStart..<bytes.count, depth: 0, defaultType: "text/plain")
        let decodedFrom = EncodedWords.decode(String(from.trimmingSpaces))
        let (name, address) = Self.mailbox(decodedFrom)
        let autoSubmitted = headers.first("Auto-Submitted").map {
            $0.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        }
        let precedence = headers.first("Precedence")?.trimmingSpaces.lowercased()
        let returnPath = headers.first("Return-Path")?.trimmingSpaces
        let automatic =
            (autoSubmitted != nil && autoSubmitted != "no")
            || ["bulk", "junk", "list"].contains(precedence ?? "")
            || headers.first("X-Autoreply") != nil || headers.first("X-Autorespond") != nil
            || returnPath == "<>" || report != nil
            || (address?.lowercased().hasPrefix("mailer-daemon@") ?? false)
        return InboundMessage(
            headers: headers, messageID: InboundHeaders.messageIDs(in: headers.first("Message-ID")).first,
            inReplyTo: InboundHeaders.messageIDs(in: headers.first("In-Reply-To")),
            references: InboundHeaders.messageIDs(in: headers.first("References")),
            subject: headers.first("Subject").map { EncodedWords.decode(String($0.trimmingSpaces)) },
            from: decodedFrom, fromAddress: address, fromName: name,
            date: headers.first("Date").map { String($0.trimmingSpaces) },
            isAutomatic: automatic, text: Self.withoutNUL(text ?? htmlText), attachments: attachments,
            report: report, problems: problems)
    }

    /// The display name and address of a mailbox (`Name <a@b>` or `a@b`).
    static func mailbox(_ text: String) -> (name: String?, address: String?) {
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = text[text.index(after: open)..<close].trimmingSpaces
            var name = String(text[..<open].trimmingSpaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingBackslashes
            }
            return (name.isEmpty ? nil : name, address.contains("@") ? String(address) : nil)
        }
        let bare = text.split(separator: " ").first { $0.contains("@") }
        return (nil, bare.map { String($0.trimmingSpaces) })
    }

    static func withoutNUL(_ text: String?) -> String? {
        guard let text else { return nil }
        return text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "") : text
    }

    // MARK: Lines

    /// The end of the line starting at `start` (before CRLF or LF) and the start of the next.
    func lineEnd(from start: Int) -> (end: Int, next: Int) {
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard start < buffer.count, let base = buffer.baseAddress else { return nil }
            guard let hit = memchr(base + start, 10, buffer.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let newline = found else { return (bytes.count, bytes.count) }
        let end = newline > start && bytes[newline - 1] == 13 ? newline - 1 : newline
        return (end, newline + 1)
    }

    // MARK: Headers

    /// The header fields at the start of `range` and where the body begins (after the blank line).
    func readHeaders(_ range: Range<Int>) -> (InboundHeaders, Int) {
        var headers = InboundHeaders()
        var position = range.lowerBound
        while position < range.upperBound {
            let (end, next) = lineEnd(from: position)
            let lineEnd = min(end, range.upperBound)
            if lineEnd == position { return (headers, min(next, range.upperBound)) }
            let line = bytes[position..<lineEnd]
            if line.first == 32 || line.first == 9 {
                if !headers.fields.isEmpty { headers.fields[headers.fields.count - 1].value += Self.text(line) }
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > position,
                bytes[position..<colon].allSatisfy({ $0 > 32 && $0 < 127 })
            {
                headers.fields.append(
                    .init(name: Self.text(bytes[position..<colon]), value: Self.text(bytes[(colon + 1)..<lineEnd])))
            } else if headers.fields.isEmpty {
                return (headers, position)
            } else {
                // Not a field: the body begins here, without its blank line.
                return (headers, position)
            }
            position = min(next, range.upperBound)
        }
        return (headers, range.upperBound)
    }

    /// Header bytes as text: UTF-8 when they are, else ISO-8859-1; NUL left out.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let clean = bytes.contains(0) ? Array(bytes.filter { $0 != 0 })[...] : bytes
        if let text = String(validating: clean, as: UTF8.self) { return text }
        return Charset.decode(clean, charset: "iso-8859-1").text
    }

    // MARK: Entities

    mutating func entity(headers: InboundHeaders, body: Range<Int>, depth: Int, defaultType: String) {
        let type = HeaderParameters(headers.first("Content-Type") ?? defaultType)
        let mediaType = type.value.isEmpty || !type.value.contains("/") ? defaultType : type.value
        let encoding = headers.first("Content-Transfer-Encoding")?.trimmingSpaces.lowercased() ?? "7bit"
        if mediaType.hasPrefix("multipart/") {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
                problems.append("A \(mediaType) part has no boundary; it was read as text.")
                leaf(
                    headers: headers, mediaType: "text/plain", parameters: type.parameters, encoding: encoding,
                    body: body)
                return
            }
            guard depth < InboundMessage.depthLimit else {
                problems.append(
                    "Multiparts nest deeper than \(InboundMessage.depthLimit) levels; what lies deeper is kept only in the raw message."
                )
                return
            }
            let parts = split(body, boundary: boundary)
            if mediaType == "multipart/report" {
                readReport(parts, depth: depth)
                return
            }
            let inner = mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
            for part in parts {
                currentPart = part
                let (partHeaders, partBody) = readHeaders(part)
                entity(headers: partHeaders, body: partBody..<part.upperBound, depth: depth + 1, defaultType: inner)
            }
            return
        }
        leaf(headers: headers, mediaType: mediaType, parameters: type.parameters, encoding: encoding, body: body)
    }

    /// The parts of a multipart body, between its delimiter lines; a body cut short ends its
    /// last part where the bytes end.
    mutating func split(_ body: Range<Int>, boundary: String) -> [Range<Int>] {
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var position = body.lowerBound
        var closed = false
        while position < body.upperBound {
            let (end, next) = lineEnd(from: position)
            let lineEnd = min(end, body.upperBound)
            if lineEnd - position >= delimiter.count, bytes[position] == 45,
                bytes[position..<(position + delimiter.count)].elementsEqual(delimiter)
            {
                let rest = bytes[(position + delimiter.count)..<lineEnd]
                let isClose = rest.starts(with: [45, 45])
                let restAfter = isClose ? rest.dropFirst(2) : rest
                if restAfter.allSatisfy({ $0 == 32 || $0 == 9 }) {
                    if let start = partStart {
                        // The line break before a delimiter belongs to the delimiter.
                        var stop = position
                        if stop > start, bytes[stop - 1] == 10 { stop -= 1 }
                        if stop > start, bytes[stop - 1] == 13 { stop -= 1 }
                        parts.append(start..<max(start, stop))
                    }
                    if isClose {
                        closed = true
                        partStart = nil
                        break
                    }
                    partStart = min(next, body.upperBound)
                }
            }
            position = min(next, body.upperBound)
        }
        if let start = partStart, start < body.upperBound { parts.append(start..<body.upperBound) }
        if !closed {
            problems.append("A multipart ends without its closing boundary; its parts were read as far as they go.")
        }
        return parts
    }

    mutating func leaf(
        headers: InboundHeaders, mediaType: String, parameters: [String: String], encoding: String, body: Range<Int>
    ) {
        let part = currentPart
        currentPart = nil
        // The note Redress put in place of an attachment over the limit when it kept the message.
        if let note = headers.first(InboundMessage.leftOutField) {
            let fields = HeaderParameters(note)
            attachments.append(
                InboundAttachment(
                    filename: fields.parameters["filename"], declaredType: fields.parameters["type"] ?? mediaType,
                    bytes: nil, size: Int(fields.parameters["size"] ?? "") ?? 0,
                    leftOutSHA256: fields.parameters["sha256"]))
            return
        }
        let disposition = headers.first("Content-Disposition").map(HeaderParameters.init)
        let filename = (disposition?.parameters["filename"] ?? parameters["name"]).map {
            EncodedWords.decode($0)
        }
        let isAttachment = disposition?.value == "attachment" || filename != nil
        if !isAttachment, mediaType == "text/plain" || mediaType == "text/html" {
            let decoded = decode(body, encoding: encoding)
            let (value, known) = Charset.decode(decoded, charset: parameters["charset"])
            if !known, let charset = parameters["charset"] {
                problems.append("The charset \"\(charset.prefix(40))\" is unknown; the text was read as UTF-8.")
            }
            if mediaType == "text/plain" {
                if text == nil {
                    text = value
                } else {
                    addAttachment(filename, mediaType, decoded, part: part, body: body, encoding: encoding)
                }
            } else if htmlText == nil {
                htmlText = Self.plainText(html: value)
            }
            return
        }
        let size =
            encoding == "base64" ? TransferDecoding.base64Size(bytes[body]) : body.count
        guard size <= attachmentLimit else {
            attachments.append(
                InboundAttachment(
                    filename: filename, declaredType: mediaType, bytes: nil, size: size, part: part, body: body,
                    encoding: encoding))
            return
        }
        let decoded = decode(body, encoding: encoding)
        addAttachment(
            filename ?? (mediaType == "message/rfc822" ? "message.eml" : nil), mediaType, decoded,
            part: part, body: body, encoding: encoding)
    }

    mutating func addAttachment(
        _ filename: String?, _ mediaType: String, _ decoded: [UInt8], part: Range<Int>? = nil, body: Range<Int>? = nil,
        encoding: String = "7bit"
    ) {
        if decoded.count > attachmentLimit {
            attachments.append(
                InboundAttachment(
                    filename: filename, declaredType: mediaType, bytes: nil, size: decoded.count, part: part,
                    body: body,
                    encoding: encoding))
        } else {
            attachments.append(
                InboundAttachment(filename: filename, declaredType: mediaType, bytes: decoded, size: decoded.count))
        }
    }

    func decode(_ body: Range<Int>, encoding: String) -> [UInt8] {
        switch encoding {
        case "base64": return TransferDecoding.base64(bytes[body])
        case "quoted-printable": return TransferDecoding.quotedPrintable(bytes[body])
        default: return Array(bytes[body])
        }
    }

    /// A delivery report: its human-readable part is the text, its machine-readable part says
    /// what failed, and the returned message (or its headers) which message it was.
    mutating func readReport(_ parts: [Range<Int>], depth: Int) {
        var failed = false
        var diagnostic: String?
        var status: String?
        var original: String?
        for part in parts {
            let (partHeaders, partBody) = readHeaders(part)
            let body = partBody..<part.upperBound
            let type = HeaderParameters(partHeaders.first("Content-Type") ?? "text/plain").value
            switch type {
            case "message/delivery-status", "message/global-delivery-status":
                let decoded = decode(
                    body,
                    encoding: partHeaders.first("Content-Transfer-Encoding")?.trimmingSpaces.lowercased() ?? "7bit")
                var inner = InboundParser(bytes: decoded, attachmentLimit: 0)
                var position = 0
                // Groups of fields separated by blank lines: the message's, then each recipient's.
                while position < decoded.count {
                    let (fields, next) = inner.readHeaders(position..<decoded.count)
                    if fields.fields.isEmpty && next <= position { break }
                    if fields.first("Action")?.trimmingSpaces.lowercased() == "failed" {
                        failed = true
                        if diagnostic == nil, let code = fields.first("Diagnostic-Code") {
                            let afterType =
                                code.split(separator: ";", maxSplits: 1).last.map { $0.trimmingSpaces } ?? ""
                            diagnostic = String(afterType).split(whereSeparator: { $0 == " " || $0 == "\t" })
                                .joined(separator: " ")
                        }
                        if status == nil { status = fields.first("Status").map { String($0.trimmingSpaces) } }
                    }
                    position = max(next, position + 1)
                    inner.problems = []
                }
            case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
                let (returned, _) = readHeaders(body)
                original = InboundHeaders.messageIDs(in: returned.first("Message-ID")).first
            default:
                entity(headers: partHeaders, body: body, depth: depth + 1, defaultType: "text/plain")
            }
        }
        report = DeliveryReport(
            originalMessageID: original, failed: failed,
            diagnostic: diagnostic.flatMap { $0.isEmpty ? nil : $0 } ?? status.map { "status \($0)" }
                ?? "no diagnostic given")
    }

    /// HTML reduced to its text: tags dropped, line breaks at block ends, the common entities
    /// decoded. Enough to read a reply sent as HTML only; never rendered.
    static func plainText(html: String) -> String {
        var output = ""
        var inTag = false
        var tag = ""
        var skipping = false
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name =
                        tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                    if ["script", "style"].contains(name) { skipping = true }
                    if tag.lowercased().hasPrefix("/script") || tag.lowercased().hasPrefix("/style") {
                        skipping = false
                    }
                    if ["br", "p", "/p", "div", "/div", "tr", "li", "blockquote"].contains(name) { output += "\n" }
                    tag = ""
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
            } else if !skipping {
                output.append(character)
            }
        }
        for (entity, value) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
        ] {
            output = output.replacingOccurrences(of: entity, with: value)
        }
        return output
    }
}

extension InboundMessage {
    /// The new text of a reply: what comes before the quoted message that mail programs add
    /// (`> ` lines, "On … wrote:", Outlook's "-----Original Message-----" or its
    /// "From:/Sent:" block after a rule).
    public static func replyText(_ text: String) -> String {
        var kept: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix(">") { break }
            if trimmed.hasPrefix("-----Original Message-----") || trimmed.hasPrefix("-----Ursprüngliche Nachricht")
                || trimmed.hasPrefix("________________________________")
            {
                break
            }
            if trimmed.hasPrefix("From:"), index + 1 < lines.count,
                lines[(index + 1)...].prefix(3).contains(where: { $0.hasPrefix("Sent:") || $0.hasPrefix("Date:") })
            {
                break
            }
            if trimmed.hasPrefix("On "), trimmed.hasSuffix("wrote:") { break }
            // "On … at …, Name <a@b>" wrapped over two lines, "wrote:" on the second.
            if trimmed.hasPrefix("On "), index + 1 < lines.count, lines[index + 1].trimmingSpaces.hasSuffix("wrote:") {
                break
            }
            kept.append(line)
        }
        while let last = kept.last, last.trimmingSpaces.isEmpty { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}
