/// How a notice reaches its recipient.
public enum NoticeChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A complete RFC 5322 message, handed to `sendmail -t` or any command.
    case email
    /// A print-ready plain-text letter.
    case post
}

extension NoticeChannel: CustomStringConvertible {
    public var description: String { rawValue }
}
