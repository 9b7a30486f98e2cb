public import Foundation
public import RedressCore

/// A case as `case show --format json` prints it: the stable, snake_case JSON contract that
/// scripts rely on (README "Cases"). Every field is always present; unknown values are null.
public struct CaseDocument: Sendable, Encodable {
    public var reference: String
    public var version: Int
    /// The case state.
    public var status: CaseState
    public var outcome: Outcome?
    public var receivedAt: Date
    public var receivedOn: LocalDate
    public var channel: Channel
    public var summary: String
    public var language: String
    public var urgent: Bool
    public var confidential: Bool
    public var incidentDate: LocalDate?
    public var lateFiling: Bool
    public var lateFilingReason: String?
    public var groupSize: Int?
    public var assignee: String?
    /// The logins recused from the case, by a recusal of the case or of its respondent body.
    public var recused: [String] = []
    public var infoRequests: Int
    public var respondent: RespondentBody
    public var complainants: [Party]
    public var representative: Party?
    /// Whether complainant identity was withheld from the reader.
    public var identityRedacted: Bool
    public var categories: [String]
    public var clocks: [ClockDocument]
    /// The notes recorded outside mediation, oldest first (`case note`); those recorded in
    /// mediation are in `mediation.notes`, for the readers who may see them.
    public var notes: [NoteDocument]
    /// Its live links to other cases, both ways, oldest first.
    public var links: [LinkDocument]
    /// The reference of the first case of the systemic issue it is linked to, if any.
    public var issue: String?
    /// Open or recent cases against the same respondent with a contact in common, not linked.
    public var possibleDuplicates: [String]
    /// Notices, messages, contacts and documents in time order (`CorrespondenceEntry`).
    public var correspondence: [CorrespondenceEntry] = []
    public var openedBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    /// The date statuses were taken on.
    public var asOf: LocalDate
    /// The office's clock, whose zone (`time_zone`) the text form prints instants in.
    public var officeClock: OfficeClock
    /// Mediation, arbitration, investigation, decision and remedies, when loaded
    /// (`ResolutionSections.load`); their keys sit at the top level of the document.
    public var resolution: ResolutionSections?

    /// The document of `record` as of `asOf`, identity redacted unless `showIdentity`.
    public init(
        _ record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate, showIdentity: Bool, notes: [NoteDocument] = [],
        links: CaseLinks = CaseLinks(links: [], issue: nil, possibleDuplicates: [])
    ) {
        let record = showIdentity ? record : record.withIdentityRedacted()
        reference = record.reference
        version = record.version
        status = record.state
        outcome = record.outcome
        receivedAt = record.receivedAt
        receivedOn = record.receivedOn
        channel = record.channel
        summary = record.summary
        language = record.language
        urgent = record.urgent
        confidential = record.confidential
        incidentDate = record.incidentDate
        lateFiling = record.lateFiling
        lateFilingReason = record.lateFilingReason
        groupSize = record.groupSize
        assignee = record.assignee
        infoRequests = record.infoRequests
        respondent = record.respondent
        complainants = record.complainants
        representative = record.representative
        identityRedacted = !showIdentity
        categories = record.categories
        clocks = record.clocks.map { ClockDocument($0, calendar: calendar, asOf: asOf) }
        self.notes = notes
        self.links = links.links
        issue = links.issue
        possibleDuplicates = links.possibleDuplicates
        openedBy = record.openedBy
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        closedAt = record.closedAt
        self.asOf = asOf
        officeClock = calendar.clock
    }

    enum CodingKeys: String, CodingKey {
        case reference, version, status, outcome
        case receivedAt = "received_at"
        case receivedOn = "received_on"
        case channel, summary, language, urgent, confidential
        case incidentDate = "incident_date"
        case lateFiling = "late_filing"
        case lateFilingReason = "late_filing_reason"
        case groupSize = "group_size"
        case assignee, recused
        case infoRequests = "info_requests"
        case respondent, complainants, representative
        case identityRedacted = "identity_redacted"
        case categories, clocks, notes, links, issue
        case possibleDuplicates = "possible_duplicates"
        case correspondence
        case openedBy = "opened_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case closedAt = "closed_at"
        case asOf = "as_of"
        case timeZone = "time_zone"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(version, forKey: .version)
        try c.encode(status, forKey: .status)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(receivedOn, forKey: .receivedOn)
        try c.encode(channel, forKey: .channel)
        try c.encode(summary, forKey: .summary)
        try c.encode(language, forKey: .language)
        try c.encode(urgent, forKey: .urgent)
        try c.encode(confidential, forKey: .confidential)
        try c.encode(incidentDate, forKey: .incidentDate)
        try c.encode(lateFiling, forKey: .lateFiling)
        try c.encode(lateFilingReason, forKey: .lateFilingReason)
        try c.encode(groupSize, forKey: .groupSize)
        try c.encode(assignee, forKey: .assignee)
        try c.encode(recused, forKey: .recused)
        try c.encode(infoRequests, forKey: .infoRequests)
        try c.encode(respondent, forKey: .respondent)
        try c.encode(complainants, forKey: .complainants)
        try c.encode(representative, forKey: .representative)
        try c.encode(identityRedacted, forKey: .identityRedacted)
        try c.encode(categories, forKey: .categories)
        try c.encode(clocks, forKey: .clocks)
        try c.encode(notes, forKey: .notes)
        try c.encode(links, forKey: .links)
        try c.encode(issue, forKey: .issue)
        try c.encode(possibleDuplicates, forKey: .possibleDuplicates)
        try c.encode(correspondence, forKey: .correspondence)
        try c.encode(openedBy, forKey: .openedBy)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(closedAt, forKey: .closedAt)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(officeClock.timeZoneIdentifier, forKey: .timeZone)
        try resolution?.encode(to: encoder)
    }
}
