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
    public var infoRequests: Int
    public var respondent: RespondentBody
    public var complainants: [Party]
    public var representative: Party?
    /// Whether complainant identity was withheld from the reader.
    public var identityRedacted: Bool
    public var categories: [String]
    public var clocks: [ClockDocument]
    public var openedBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    /// The date statuses were taken on.
    public var asOf: LocalDate
    /// Mediation, arbitration, investigation, decision and remedies, when loaded
    /// (`ResolutionSections.load`); their keys sit at the top level of the document.
    public var resolution: ResolutionSections?

    /// The document of `record` as of `asOf`, identity redacted unless `showIdentity`.
    public init(_ record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate, showIdentity: Bool) {
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
        openedBy = record.openedBy
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        closedAt = record.closedAt
        self.asOf = asOf
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
        case assignee
        case infoRequests = "info_requests"
        case respondent, complainants, representative
        case identityRedacted = "identity_redacted"
        case categories, clocks
        case openedBy = "opened_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case closedAt = "closed_at"
        case asOf = "as_of"
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
        try c.encode(infoRequests, forKey: .infoRequests)
        try c.encode(respondent, forKey: .respondent)
        try c.encode(complainants, forKey: .complainants)
        try c.encode(representative, forKey: .representative)
        try c.encode(identityRedacted, forKey: .identityRedacted)
        try c.encode(categories, forKey: .categories)
        try c.encode(clocks, forKey: .clocks)
        try c.encode(openedBy, forKey: .openedBy)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(closedAt, forKey: .closedAt)
        try c.encode(asOf, forKey: .asOf)
        try resolution?.encode(to: encoder)
    }
}

/// One clock of a `CaseDocument`.
public struct ClockDocument: Sendable, Encodable {
    public var kind: ClockKind
    /// The remedy item (remedy, verification clocks) or respondent request the clock belongs to.
    public var subject: Int?
    public var remedyScale: RemedyScale?
    /// The status on the document's as-of date.
    public var status: ClockStatus
    public var allowance: Allowance
    public var startedAt: Date
    public var startDate: LocalDate
    /// The due date; null while paused.
    public var dueDate: LocalDate?
    /// Time paused so far (working days, or days for calendar and month clocks).
    public var pausedDays: Int
    public var pauses: [PauseDocument]
    public var extensions: [Clock.Extension]
    /// The date the clock was met (on time or late).
    public var metDate: LocalDate?
    public var cancelledOn: LocalDate?
    public var policyVersion: Int
    public var urgent: Bool

    /// One pause.
    public struct PauseDocument: Sendable, Encodable {
        public var from: LocalDate
        public var to: LocalDate?
        public var cause: String
        public var reason: String

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(cause, forKey: .cause)
            try c.encode(reason, forKey: .reason)
        }

        enum CodingKeys: String, CodingKey { case from, to, cause, reason }
    }

    public init(_ stored: StoredClock, calendar: WorkCalendar, asOf: LocalDate) {
        let clock = stored.clock
        kind = clock.kind
        subject = stored.subject
        remedyScale = clock.remedyScale
        status = clock.status(asOf: max(asOf, clock.endedOn ?? asOf, clock.cancelledOn ?? asOf), calendar: calendar)
        allowance = clock.allowance
        startedAt = clock.startInstant
        startDate = clock.startDate
        if let ended = clock.endedOn {
            dueDate = clock.dueDate(on: calendar, resumingOn: ended)
        } else {
            dueDate = clock.dueDate(on: calendar)
        }
        pausedDays = clock.pausedDays(on: calendar, asOf: clock.endedOn ?? asOf)
        pauses = zip(clock.pauses, stored.pauseCauses).map {
            PauseDocument(from: $0.from, to: $0.to, cause: $1, reason: $0.reason)
        }
        extensions = clock.extensions
        metDate = (status == .met || status == .metLate) ? clock.endedOn : nil
        cancelledOn = clock.cancelledOn
        policyVersion = clock.policyVersion
        urgent = clock.urgent
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case subject
        case remedyScale = "remedy_scale"
        case status, allowance
        case startedAt = "started_at"
        case startDate = "start_date"
        case dueDate = "due_date"
        case pausedDays = "paused_days"
        case pauses, extensions
        case metDate = "met_date"
        case cancelledOn = "cancelled_on"
        case policyVersion = "policy_version"
        case urgent
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(subject, forKey: .subject)
        try c.encode(remedyScale, forKey: .remedyScale)
        try c.encode(status, forKey: .status)
        try c.encode(allowance, forKey: .allowance)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(pausedDays, forKey: .pausedDays)
        try c.encode(pauses, forKey: .pauses)
        try c.encode(extensions, forKey: .extensions)
        try c.encode(metDate, forKey: .metDate)
        try c.encode(cancelledOn, forKey: .cancelledOn)
        try c.encode(policyVersion, forKey: .policyVersion)
        try c.encode(urgent, forKey: .urgent)
    }
}

/// The JSON encoder of every Redress document: sorted keys, ISO 8601 instants in UTC.
public enum RedressJSON {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value` as JSON text.
    public static func text(_ value: some Encodable, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
