public import RedressCore

/// A notice rendered for sending: the complete message or letter, and its parts for listing.
public struct RenderedNotice: Sendable, Hashable {
    /// What the notice is.
    public var kind: NoticeKind
    /// Who it was written for.
    public var audience: NoticeAudience
    /// How it is sent.
    public var channel: NoticeChannel
    /// The language of the template used.
    public var language: String
    /// The file name of the template used, e.g. `decision.complainant.ko.mustache`.
    public var templateName: String
    /// The subject, as the recipient reads it (one line, not encoded).
    public var subject: String
    /// The body text, as the recipient reads it (lines separated by LF, not encoded).
    public var body: String
    /// The `Message-ID` of the email, with its angle brackets; `nil` for a letter.
    public var messageID: String?
    /// For email, the complete RFC 5322 message (CRLF line endings, 7-bit, ready for
    /// `sendmail -t -i`); for post, the print-ready letter (LF line endings).
    public var text: String
}
