public import Foundation
public import Postgres
public import RedressCore

/// The resolution sections of `case show --format json`: `mediation`, `arbitration`,
/// `investigation`, `decision` and `remedies` (README "Resolution"). Every field is always
/// present; unknown values are null.
public struct ResolutionSections: Sendable, Encodable {
    public var mediation: MediationDocument?
    public var arbitration: ArbitrationDocument?
    public var investigation: InvestigationDocument?
    public var decision: DecisionDocument?
    public var remedies: [RemedyDocument]
    /// The latest review of a decision.
    public var review: ReviewDocument?

    /// The sections of `record` as `actor` may see them on `asOf`: notes recorded under mediation
    /// only for its mediators, the assignee and the ombudsperson, and never for a reader
    /// recused from the case (`actorRecused`, which the caller has read with the case).
    public static func load(
        _ connection: PostgresConnection, record: CaseRecord, actor: Actor, actorRecused: Bool,
        context: OfficeContext, asOf: LocalDate
    ) throws -> ResolutionSections {
        let calendar = context.calendar
        var sections = ResolutionSections(
            mediation: nil, arbitration: nil, investigation: nil, decision: nil, remedies: [], review: nil)
        if let row = try MediationStore.latest(connection, caseID: record.id) {
            let mediators = Array(
                Set([row.mediation.mediator].compactMap { $0 } + row.mediation.sessions.map(\.mediator))
            ).sorted()
            let mayRead =
                !actorRecused
                && Mediation.canReadNotes(
                    login: actor.login, roles: actor.roles, assignee: record.assignee, mediators: mediators)
            let notes = mayRead ? try NoteDocument.load(connection, caseID: record.id, underMediation: true) : nil
            sections.mediation = MediationDocument(row, record: record, calendar: calendar, asOf: asOf, notes: notes)
        }
        if let row = try ArbitrationStore.load(connection, caseID: record.id) {
            sections.arbitration = ArbitrationDocument(row.arbitration, record: record, calendar: calendar)
        }
        let investigation = try DecisionStore.investigation(connection, caseID: record.id)
        if investigation.exists || !investigation.investigation.requests.isEmpty
            || record.latestClock(.investigation, subject: nil) != nil
        {
            sections.investigation = InvestigationDocument(
                investigation.investigation, note: investigation.note, record: record, calendar: calendar, asOf: asOf)
        }
        if let row = try DecisionStore.latest(connection, caseID: record.id) {
            sections.decision = DecisionDocument(row, record: record, calendar: calendar, asOf: asOf)
        }
        sections.remedies = try RemedyRecord.all(connection, caseID: record.id).map {
            RemedyDocument($0, reference: record.reference, clocks: record.clocks, calendar: calendar, asOf: asOf)
        }
        if let row = try ReviewStore.latest(connection, caseID: record.id) {
            sections.review = ReviewDocument(row, record: record, calendar: calendar, asOf: asOf)
        }
        return sections
    }

    enum CodingKeys: String, CodingKey {
        case mediation, arbitration, investigation, decision, remedies, review
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mediation, forKey: .mediation)
        try c.encode(arbitration, forKey: .arbitration)
        try c.encode(investigation, forKey: .investigation)
        try c.encode(decision, forKey: .decision)
        try c.encode(remedies, forKey: .remedies)
        try c.encode(review, forKey: .review)
    }
}

/// The `decision` section: the latest decision, settlement or award.
public struct DecisionDocument: Sendable, Encodable {
    public var kind: DecisionKind
    public var outcome: Outcome
    public var text: String
    public var binding: Bool?
    public var issuedAt: Date
    public var issuedOn: LocalDate
    public var issuedBy: String
    /// The due date of `respondent_reply`, and its status.
    public var respondentReplyDueDate: LocalDate?
    public var respondentReplyStatus: ClockStatus?

    init(_ row: DecisionRecord, record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate) {
        kind = row.decision.kind
        outcome = row.decision.outcome
        text = row.decision.text
        binding = row.decision.binding
        issuedAt = row.decision.issuedAt
        issuedOn = row.issuedOn
        issuedBy = row.issuedBy
        let reply = record.clocks.last { $0.clock.kind == .respondentReply && $0.clock.startDate >= row.issuedOn }?
            .clock
        respondentReplyDueDate = reply.flatMap { RemedyDocument.due(of: $0, calendar: calendar) }
        respondentReplyStatus = reply.map { RemedyDocument.status(of: $0, calendar: calendar, asOf: asOf) }
    }

    enum CodingKeys: String, CodingKey {
        case kind, outcome, text, binding
        case issuedAt = "issued_at"
        case issuedOn = "issued_on"
        case issuedBy = "issued_by"
        case respondentReplyDueDate = "respondent_reply_due_date"
        case respondentReplyStatus = "respondent_reply_status"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(text, forKey: .text)
        try c.encode(binding, forKey: .binding)
        try c.encode(issuedAt, forKey: .issuedAt)
        try c.encode(issuedOn, forKey: .issuedOn)
        try c.encode(issuedBy, forKey: .issuedBy)
        try c.encode(respondentReplyDueDate, forKey: .respondentReplyDueDate)
        try c.encode(respondentReplyStatus, forKey: .respondentReplyStatus)
    }
}

/// The `investigation` section.
public struct InvestigationDocument: Sendable, Encodable {
    public var firstResponseOn: LocalDate?
    public var firstResponseNote: String?
    public var requests: [Request]
    public var findings: String?

    /// A further request to the respondent, with its clock.
    public struct Request: Sendable, Encodable {
        public var number: Int
        public var about: String
        public var requestedOn: LocalDate
        public var dueDate: LocalDate?
        public var answeredOn: LocalDate?
        public var status: ClockStatus?

        enum CodingKeys: String, CodingKey {
            case number, about
            case requestedOn = "requested_on"
            case dueDate = "due_date"
            case answeredOn = "answered_on"
            case status
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(about, forKey: .about)
            try c.encode(requestedOn, forKey: .requestedOn)
            try c.encode(dueDate, forKey: .dueDate)
            try c.encode(answeredOn, forKey: .answeredOn)
            try c.encode(status, forKey: .status)
        }
    }

    init(_ investigation: Investigation, note: String?, record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate) {
        firstResponseOn = investigation.firstResponseOn
        firstResponseNote = note
        findings = investigation.findings
        requests = investigation.requests.map { request in
            let clock = record.latestClock(.respondentResponse, subject: request.number)?.clock
            return Request(
                number: request.number, about: request.about, requestedOn: request.requestedOn,
                dueDate: clock.flatMap { RemedyDocument.due(of: $0, calendar: calendar) },
                answeredOn: request.answeredOn,
                status: clock.map { RemedyDocument.status(of: $0, calendar: calendar, asOf: asOf) })
        }
    }

    enum CodingKeys: String, CodingKey {
        case firstResponseOn = "first_response_on"
        case firstResponseNote = "first_response_note"
        case requests, findings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(firstResponseOn, forKey: .firstResponseOn)
        try c.encode(firstResponseNote, forKey: .firstResponseNote)
        try c.encode(requests, forKey: .requests)
        try c.encode(findings, forKey: .findings)
    }
}
