public import Foundation
public import RedressCore

/// Why a MIME message could not be built.
public enum MIMEError: Error, Sendable, Hashable {
    /// A header name is empty or has characters other than printable ASCII without a colon.
    case invalidHeaderName(String)
    /// The header is written by `MIMEMessage` itself (MIME-Version, Content-Type, Content-Transfer-Encoding).
    case reservedHeader(String)
    /// A structured header value has characters a header cannot carry.
    case invalidHeaderValue(name: String)
    /// The text is not an email address (`local@domain`, ASCII).
    case invalidAddress(String)
    /// The parts of a `Message-ID` are not dot-atoms.
    case invalidMessageID(String)
    /// The media type is not `type/subtype` made of token characters (or not text where text is needed).
    case invalidMediaType(String)
}

extension MIMEError: RedressError, LocalizedError {
    public var kind: ErrorKind { .failure }

    public var message: String {
        switch self {
        case let .invalidHeaderName(name):
            return
                "\"\(name.debugDescription.dropFirst().dropLast())\" is not a header name; use printable ASCII without a colon."
        case let .reservedHeader(name):
            return "The \(name) header is written by the message itself; do not add it."
        case let .invalidHeaderValue(name):
            return "The value of the \(name) header has characters a header cannot carry."
        case let .invalidAddress(text):
            return
                "\"\(text.debugDescription.dropFirst().dropLast())\" is not an email address; write it as name@example.org."
        case let .invalidMessageID(text):
            return "\"\(text.debugDescription.dropFirst().dropLast())\" cannot be part of a Message-ID."
        case let .invalidMediaType(text):
            return
                "\"\(text.debugDescription.dropFirst().dropLast())\" is not a usable media type; write it as type/subtype, e.g. text/csv."
        }
    }

    public var errorDescription: String? { description }
}
