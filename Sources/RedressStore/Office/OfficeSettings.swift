public import RedressCore

/// The office's settings: the single row of the `office` table.
public struct OfficeSettings: Sendable, Hashable, Codable {
    public var name: String
    /// The prefix of case references, `HRC` in `HRC-2026-000042`.
    public var referencePrefix: String
    /// The IANA time zone in which local dates (and so every deadline) are taken.
    public var timeZone: String
    /// The working days of the week, `Mon-Fri` style.
    public var weekMask: String
    /// The language notices use when a complainant gives none.
    public var defaultLanguage: String
    /// The From address of notices.
    public var sender: String
    /// The domain of notice Message-IDs.
    public var mailDomain: String
    /// A folder of templates that override the built-in ones.
    public var templatesDir: String?
    /// The earliest date an event may be entered for; earlier times are refused as typos.
    public var earliestEventDate: LocalDate
    /// The office's own postal address, printed at the head of its letters.
    public var postalAddress: String?
    /// Whether `mail receive` opens a new intake for a message that names no case (else it waits
    /// in the unmatched queue for `mail file`).
    public var mailOpensIntake: Bool
    /// The largest document kept, in bytes (attached or arriving by mail).
    public var documentSizeLimit: Int
    /// Where the office's public pages are (`https://complaints.example.org`), without the
    /// trailing slash; the acknowledgement of a complaint gives its status page.
    public var webAddress: String?

    /// 25 MiB a document.
    public static let defaultDocumentSizeLimit = 25 * 1024 * 1024

    public init(
        name: String, referencePrefix: String, timeZone: String, weekMask: String,
        defaultLanguage: String, sender: String, mailDomain: String, templatesDir: String?,
        earliestEventDate: LocalDate = OfficeSettings.defaultEarliestEventDate, postalAddress: String? = nil,
        mailOpensIntake: Bool = true, documentSizeLimit: Int = OfficeSettings.defaultDocumentSizeLimit,
        webAddress: String? = nil
    ) {
        self.name = name
        self.referencePrefix = referencePrefix
        self.timeZone = timeZone
        self.weekMask = weekMask
        self.defaultLanguage = defaultLanguage
        self.sender = sender
        self.mailDomain = mailDomain
        self.templatesDir = templatesDir
        self.earliestEventDate = earliestEventDate
        self.postalAddress = postalAddress
        self.mailOpensIntake = mailOpensIntake
        self.documentSizeLimit = documentSizeLimit
        self.webAddress = webAddress
    }

    /// 1990-01-01: twenty years of paper files and more still go in.
    public static let defaultEarliestEventDate = LocalDate(iso: "1990-01-01")!
    /// The earliest event dates an office may set (the database checks the same).
    public static let earliestEventDates = LocalDate(iso: "1900-01-01")!...LocalDate(iso: "2100-01-01")!

    enum CodingKeys: String, CodingKey {
        case name
        case referencePrefix = "reference_prefix"
        case timeZone = "time_zone"
        case weekMask = "week_mask"
        case defaultLanguage = "default_language"
        case sender
        case mailDomain = "mail_domain"
        case templatesDir = "templates_dir"
        case earliestEventDate = "earliest_event_date"
        case postalAddress = "postal_address"
        case mailOpensIntake = "mail_opens_intake"
        case documentSizeLimit = "document_size_limit"
        case webAddress = "web_address"
    }
}

/// A change to some office settings; nil leaves a setting as it is.
public struct OfficeChanges: Sendable, Hashable {
    public var name: String?
    public var referencePrefix: String?
    public var timeZone: String?
    public var weekMask: String?
    public var defaultLanguage: String?
    public var sender: String?
    public var mailDomain: String?
    public var templatesDir: String?
    public var earliestEventDate: LocalDate?
    /// The office's postal address ('' for none).
    public var postalAddress: String?
    public var mailOpensIntake: Bool?
    public var documentSizeLimit: Int?
    /// The address of the office's public pages ('' for none).
    public var webAddress: String?

    public init(
        name: String? = nil, referencePrefix: String? = nil, timeZone: String? = nil, weekMask: String? = nil,
        defaultLanguage: String? = nil, sender: String? = nil, mailDomain: String? = nil, templatesDir: String? = nil,
        earliestEventDate: LocalDate? = nil, postalAddress: String? = nil, mailOpensIntake: Bool? = nil,
        documentSizeLimit: Int? = nil, webAddress: String? = nil
    ) {
        self.name = name
        self.referencePrefix = referencePrefix
        self.timeZone = timeZone
        self.weekMask = weekMask
        self.defaultLanguage = defaultLanguage
        self.sender = sender
        self.mailDomain = mailDomain
        self.templatesDir = templatesDir
        self.earliestEventDate = earliestEventDate
        self.postalAddress = postalAddress
        self.mailOpensIntake = mailOpensIntake
        self.documentSizeLimit = documentSizeLimit
        self.webAddress = webAddress
    }

    public var isEmpty: Bool {
        self == OfficeChanges()
    }
}
