public import Foundation
public import RedressCore

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
