public import Foundation
public import RedressCore

/// Everything needed to render one notice; rendering reads nothing else (no clock, no database).
public struct NoticeInput: Sendable {
    /// The notice's id in the outbox; part of its `Message-ID`.
    public var id: Int
    /// What the notice is.
    public var kind: NoticeKind
    /// Who it is written for.
    public var audience: NoticeAudience
    /// How it is sent.
    public var channel: NoticeChannel
    /// The language of the template, a lowercase ISO 639 code such as `en` or `ko`.
    public var language: String
    /// Who receives it.
    public var recipient: NoticeRecipient
    /// Whether Redress sent it on its own (the sweep) rather than a person's action; automatic
    /// email carries `Auto-Submitted: auto-generated`.
    public var automatic: Bool
    /// The office sending it.
    public var office: NoticeOffice
    /// The case it belongs to.
    public var reference: CaseReference
    /// When it is issued: its `Date` header and the date printed on it.
    public var issuedAt: Date
    /// Whether the complainant has consented to their identity going to the respondent. Without
    /// it, respondent and head-of-body notices refuse every complainant identity variable.
    public var disclosureAllowed: Bool
    /// The complainant's identity as it could be written (names, emails, phones, addresses):
    /// a safety net for respondent and head-of-body notices without disclosure consent.
    public var withheldIdentity: WithheldIdentity
    /// Who signs it, if a person does; otherwise it is signed by the office.
    public var signatory: NoticeSignatory?
    /// The template variables that belong to this kind of notice (see `NoticeKind.variables`).
    public var variables: [String: NoticeValue]

    /// Makes the input for one notice.
    public init(
        id: Int,
        kind: NoticeKind,
        audience: NoticeAudience,
        channel: NoticeChannel,
        language: String,
        recipient: NoticeRecipient,
        automatic: Bool,
        office: NoticeOffice,
        reference: CaseReference,
        issuedAt: Date,
        disclosureAllowed: Bool = false,
        withheldIdentity: WithheldIdentity = [],
        signatory: NoticeSignatory? = nil,
        variables: [String: NoticeValue]
    ) {
        self.id = id
        self.kind = kind
        self.audience = audience
        self.channel = channel
        self.language = language
        self.recipient = recipient
        self.automatic = automatic
        self.office = office
        self.reference = reference
        self.issuedAt = issuedAt
        self.disclosureAllowed = disclosureAllowed
        self.withheldIdentity = withheldIdentity
        self.signatory = signatory
        self.variables = variables
    }
}

/// The office as its notices present it.
public struct NoticeOffice: Sendable, Hashable {
    /// The office's name, as printed on letters and signatures.
    public var name: String
    /// The `From` of its email, `Name <address>` or a bare address.
    public var sender: String
    /// The domain of its `Message-ID`s, e.g. `ombudsman.example.org`.
    public var mailDomain: String
    /// The lines of its postal address, printed at the head of letters.
    public var postalAddress: [String]
    /// Its time zone: dates, instants and the `Date` header are written in it.
    public var timeZone: TimeZone
    /// Where its public pages are (no trailing slash), if it has them.
    public var webAddress: String?

    /// Makes an office.
    public init(
        name: String, sender: String, mailDomain: String, postalAddress: [String] = [], timeZone: TimeZone,
        webAddress: String? = nil
    ) {
        self.name = name
        self.sender = sender
        self.mailDomain = mailDomain
        self.postalAddress = postalAddress
        self.timeZone = timeZone
        self.webAddress = webAddress
    }
}

/// The person or body a notice goes to.
public struct NoticeRecipient: Sendable, Hashable {
    /// The name used in the greeting and the address block.
    public var name: String
    /// The email address; needed for the email channel.
    public var email: String?
    /// The lines of the postal address; needed for the post channel.
    public var postalAddress: [String]

    /// Makes a recipient.
    public init(name: String, email: String? = nil, postalAddress: [String] = []) {
        self.name = name
        self.email = email
        self.postalAddress = postalAddress
    }
}

/// The person who signs a notice.
public struct NoticeSignatory: Sendable, Hashable {
    /// Their name.
    public var name: String
    /// Their title, e.g. "Caseworker".
    public var title: String

    /// Makes a signatory.
    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}
