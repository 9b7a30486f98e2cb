public import Foundation

/// A MIME message built from header fields and text parts, with optional alternatives and
/// attachments, written as 7-bit text with CRLF line endings (RFC 5322, RFC 2045–2047, 2231).
///
/// - A body alone is one `text/plain` part in quoted-printable.
/// - With alternatives, the body and alternatives form `multipart/alternative` (simplest
///   first: put the plain text in `body` and richer versions such as HTML in `alternatives`).
/// - With attachments, that is wrapped in `multipart/mixed` with each attachment in base64.
///
/// Boundaries derive from `boundarySeed`, so the same message always has the same text; they
/// start with `=_`, which quoted-printable and base64 can never produce, so no content can
/// contain one.
public struct MIMEMessage: Sendable, Hashable {
    /// The header fields, without the MIME ones, which the message writes itself.
    public var headers: MIMEHeaders
    /// The main text part.
    public var body: MIMEPart
    /// Other versions of the body, in increasing order of preference.
    public var alternatives: [MIMEPart]
    /// Files attached to the message.
    public var attachments: [MIMEAttachment]
    /// The seed boundaries are made from; use something stable and unique to the message.
    public var boundarySeed: String

    /// Makes a message.
    public init(
        headers: MIMEHeaders,
        body: MIMEPart,
        alternatives: [MIMEPart] = [],
        attachments: [MIMEAttachment] = [],
        boundarySeed: String = ""
    ) {
        self.headers = headers
        self.body = body
        self.alternatives = alternatives
        self.attachments = attachments
        self.boundarySeed = boundarySeed
    }

    /// The whole message, headers and body, every line ending in CRLF.
    public var text: String {
        var output = ""
        // Parts held in memory cannot fail to be read.
        try? Self.write(
            headers: headers, body: Self.entity(of: body), alternatives: alternatives.map(Self.entity),
            attachments: attachments.map(Self.entity), boundarySeed: boundarySeed
        ) { output += $0 }
        return output
    }

    /// Writes, in constant memory, the message that `MIMEMessage` would make of text parts and
    /// attachments that are the contents of files: what a report of any size is sent as.
    public static func write(
        headers: MIMEHeaders,
        body: MIMEFilePart,
        alternatives: [MIMEFilePart] = [],
        attachments: [MIMEFileAttachment] = [],
        boundarySeed: String,
        to emit: (String) -> Void
    ) throws {
        try write(
            headers: headers, body: entity(of: body), alternatives: alternatives.map(entity),
            attachments: attachments.map(entity), boundarySeed: boundarySeed, to: emit)
    }

    /// A MIME entity: its content header lines, and what writes its encoded body (ending in CRLF).
    private struct Entity {
        var headers: [String]
        var writeBody: (_ emit: (String) -> Void) throws -> Void
    }

    private static func write(
        headers: MIMEHeaders, body: Entity, alternatives: [Entity], attachments: [Entity], boundarySeed: String,
        to emit: (String) -> Void
    ) throws {
        var entity =
            alternatives.isEmpty
            ? body
            : multipart(
                "alternative", [body] + alternatives, boundary: boundary(seed: boundarySeed, level: "alternative"))
        if !attachments.isEmpty {
            entity = multipart("mixed", [entity] + attachments, boundary: boundary(seed: boundarySeed, level: "mixed"))
        }
        for field in headers.fields { emit(field.line + "\r\n") }
        emit("MIME-Version: 1.0\r\n" + entity.headers.joined(separator: "\r\n") + "\r\n\r\n")
        try entity.writeBody(emit)
    }

    private static func textHeaders(_ mediaType: String) -> [String] {
        ["Content-Type: \(mediaType); charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]
    }

    private static func attachmentHeaders(filename: String, mediaType: String) -> [String] {
        let charset = mediaType.hasPrefix("text/") ? "; charset=UTF-8" : ""
        return [
            "Content-Type: \(mediaType)\(charset)",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment;\r\n \(filenameParameter(filename))",
        ]
    }

    private static func entity(of part: MIMEPart) -> Entity {
        Entity(headers: textHeaders(part.mediaType)) { emit in emit(QuotedPrintable.encode(part.text)) }
    }

    private static func entity(of attachment: MIMEAttachment) -> Entity {
        Entity(headers: attachmentHeaders(filename: attachment.filename, mediaType: attachment.mediaType)) { emit in
            emit(base64Lines(attachment.data[...]))
        }
    }

    private static func entity(of part: MIMEFilePart) -> Entity {
        Entity(headers: textHeaders(part.mediaType)) { emit in
            var output: [UInt8] = []
            try FileLines.read(part.file) { line in
                QuotedPrintable.encode(line: line, into: &output)
                if output.count >= 1 << 16 {
                    emit(String(decoding: output, as: UTF8.self))
                    output.removeAll(keepingCapacity: true)
                }
            }
            emit(String(decoding: output, as: UTF8.self))
        }
    }

    private static func entity(of attachment: MIMEFileAttachment) -> Entity {
        Entity(headers: attachmentHeaders(filename: attachment.filename, mediaType: attachment.mediaType)) { emit in
            // Whole lines of 57 bytes each (76 characters of base64), so chunks join seamlessly.
            try FileLines.chunks(of: attachment.file, size: 57 * 1024) { emit(base64Lines($0)) }
        }
    }

    private static func multipart(_ subtype: String, _ parts: [Entity], boundary: String) -> Entity {
        Entity(headers: ["Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\""]) { emit in
            for part in parts {
                emit("--\(boundary)\r\n" + part.headers.joined(separator: "\r\n") + "\r\n\r\n")
                try part.writeBody(emit)
            }
            emit("--\(boundary)--\r\n")
        }
    }

    /// A boundary for one level of the message: `=_` and 32 hex digits from the seed.
    private static func boundary(seed: String, level: String) -> String {
        "=_" + hexHash(seed + "\u{0}" + level + "\u{0}1") + hexHash(seed + "\u{0}" + level + "\u{0}2")
    }

    /// FNV-1a, 64 bits, in hex: stable across runs and platforms, unlike `Hasher`.
    private static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The `filename` parameter: quoted when it is short plain ASCII, RFC 2231 UTF-8 otherwise.
    private static func filenameParameter(_ filename: String) -> String {
        let name = HeaderText.singleLine(filename)
        if HeaderText.isPrintableASCII(name), !name.contains("\""), !name.contains("\\"), name.utf8.count <= 60 {
            return "filename=\"\(name)\""
        }
        let attributeCharacters = Set("!#$&+-.^_`|~".utf8)
        var encoded = ""
        for byte in name.utf8 {
            if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || attributeCharacters.contains(byte)
            {
                encoded.append(Character(Unicode.Scalar(byte)))
            } else {
                encoded += "%" + String(format: "%02X", byte)
            }
        }
        return "filename*=UTF-8''\(encoded)"
    }

    /// Base64 in lines of 76 characters, each ending in CRLF.
    private static func base64Lines(_ data: ArraySlice<UInt8>) -> String {
        let encoded = Array(Data(data).base64EncodedString().utf8)
        var output = ""
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            output += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return output
    }
}

/// A text part of a message, always sent as UTF-8 in quoted-printable.
public struct MIMEPart: Sendable, Hashable {
    /// The media type without parameters, e.g. `text/plain`.
    public let mediaType: String
    /// The text; line breaks of any kind are sent as CRLF.
    public let text: String

    /// Makes a part of a text media type such as `text/html` or `text/csv`.
    public init(mediaType: String, text: String) throws {
        guard MIMEAttachment.isMediaType(mediaType), mediaType.lowercased().hasPrefix("text/") else {
            throw MIMEError.invalidMediaType(mediaType)
        }
        self.mediaType = mediaType
        self.text = text
    }

    private init(known mediaType: String, text: String) {
        self.mediaType = mediaType
        self.text = text
    }

    /// A `text/plain` part.
    public static func plainText(_ text: String) -> MIMEPart {
        MIMEPart(known: "text/plain", text: text)
    }

    /// A `text/html` part.
    public static func html(_ text: String) -> MIMEPart {
        MIMEPart(known: "text/html", text: text)
    }
}

/// A text part of a message whose text is the content of a file (UTF-8), for
/// `MIMEMessage.write(headers:body:alternatives:attachments:boundarySeed:to:)`.
public struct MIMEFilePart: Sendable, Hashable {
    public let mediaType: String
    public let file: URL

    /// A `text/plain` part.
    public static func plainText(_ file: URL) -> MIMEFilePart { MIMEFilePart(mediaType: "text/plain", file: file) }

    /// A `text/html` part.
    public static func html(_ file: URL) -> MIMEFilePart { MIMEFilePart(mediaType: "text/html", file: file) }
}

/// A file attached to a message, read from disk as it is written, sent in base64.
public struct MIMEFileAttachment: Sendable, Hashable {
    public let filename: String
    public let mediaType: String
    public let file: URL

    /// Refuses a media type that is not `type/subtype`.
    public init(filename: String, mediaType: String, file: URL) throws {
        guard MIMEAttachment.isMediaType(mediaType) else { throw MIMEError.invalidMediaType(mediaType) }
        self.filename = filename
        self.mediaType = mediaType
        self.file = file
    }
}

/// A file attached to a message, sent in base64.
public struct MIMEAttachment: Sendable, Hashable {
    /// The file name offered to the recipient (any text; encoded as needed).
    public let filename: String
    /// The media type without parameters, e.g. `text/csv`; text types are marked UTF-8.
    public let mediaType: String
    /// The file's bytes.
    public let data: [UInt8]

    /// Makes an attachment, refusing a media type that is not `type/subtype`.
    public init(filename: String, mediaType: String, data: [UInt8]) throws {
        guard MIMEAttachment.isMediaType(mediaType) else { throw MIMEError.invalidMediaType(mediaType) }
        self.filename = filename
        self.mediaType = mediaType
        self.data = data
    }

    /// Makes an attachment of text, sent as its UTF-8 bytes.
    public init(filename: String, mediaType: String, text: String) throws {
        try self.init(filename: filename, mediaType: mediaType, data: Array(text.utf8))
    }

    /// Whether `text` is `type/subtype` made of RFC 2045 token characters.
    static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let tspecials = Set("()<>@,;:\\\"/[]?=".utf8)
        return parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { $0 > 32 && $0 < 127 && !tspecials.contains($0) }
            }
    }
}
