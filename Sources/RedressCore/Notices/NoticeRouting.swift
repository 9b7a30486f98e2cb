/// How one party can be reached: what notice routing needs to know of them.
public struct NoticeContact: Sendable, Hashable {
    /// Their email address, if they have one. A party's may be redacted for the staff member
    /// who queues the notice: only whether there is one matters, as a notice to the
    /// complainant's side carries no address.
    public var email: String?
    /// Whether they asked to be written to by post.
    public var prefersPost: Bool
    /// Their language, if they gave one.
    public var language: String?

    /// Makes a contact.
    public init(email: String?, prefersPost: Bool = false, language: String? = nil) {
        self.email = email
        self.prefersPost = prefersPost
        self.language = language
    }
}

/// Where one notice goes: to whom, at which address, by which channel, in which language.
public struct NoticeAddress: Sendable, Hashable {
    /// Who the notice is written for.
    public var audience: NoticeAudience
    /// The email address, or nil when it goes by post (or none is known).
    public var recipient: String?
    /// How it goes out.
    public var channel: NoticeChannel
    /// The language it is written in.
    public var language: String

    /// Makes an address.
    public init(audience: NoticeAudience, recipient: String?, channel: NoticeChannel, language: String) {
        self.audience = audience
        self.recipient = recipient
        self.channel = channel
        self.language = language
    }
}

/// The one rule of who gets a notice and how (SPEC §3.4). The store's notices, the nightly
/// sweep (whose set-based SQL is tested against this rule) and the calendar recomputation all
/// follow it.
public enum NoticeRouting {
    /// The channel for a party: email when there is an address and post is not preferred,
    /// else post. Staff are always written to by email.
    public static func channel(for audience: NoticeAudience, email: String?, prefersPost: Bool) -> NoticeChannel {
        if audience.isStaff { return .email }
        return email != nil && !prefersPost ? .email : .post
    }

    /// The address of a notice to `audience` at `contact`: the email address only when the
    /// notice goes by email to a body or to staff (the complainant's side's is read from the case
    /// when the notice is rendered); the contact's language, else `fallbackLanguage`.
    public static func address(_ audience: NoticeAudience, _ contact: NoticeContact?, fallbackLanguage: String)
        -> NoticeAddress
    {
        let channel = channel(for: audience, email: contact?.email, prefersPost: contact?.prefersPost ?? false)
        return NoticeAddress(
            audience: audience, recipient: channel == .email && !audience.isComplainantSide ? contact?.email : nil,
            channel: channel, language: contact?.language ?? fallbackLanguage)
    }

    /// The audiences a notice planned for `audience` can be written for: a notice to the
    /// complainant goes to their representative too, and a warning to the assignee of a case
    /// nobody is assigned goes to the supervisors.
    public static func audiences(for audience: NoticeAudience) -> [NoticeAudience] {
        switch audience {
        case .complainant: return [.complainant, .representative]
        case .assignee: return [.assignee, .supervisor]
        default: return [audience]
        }
    }

    /// A notice to the complainant goes to the first complainant (who speaks for all) and, when
    /// they have one, a copy to their representative; each in their language, else the case's.
    public static func complainantAddresses(
        complainant: NoticeContact?, representative: NoticeContact?, caseLanguage: String
    ) -> [NoticeAddress] {
        [address(.complainant, complainant, fallbackLanguage: caseLanguage)]
            + (representative.map { [address(.representative, $0, fallbackLanguage: caseLanguage)] } ?? [])
    }
}
