import Foundation
public import RedressCore

/// One remedy item in `case show --format json` (`remedies`) and in `remedy list --format json`.
public struct RemedyDocument: Sendable, Encodable {
    public var reference: String
    public var number: Int
    public var kind: RemedyKind
    public var remedyClass: RemedyClass
    public var scale: RemedyScale
    public var description: String
    public var body: String
    public var amount: Money?
    public var state: RemedyState
    /// The due date: of the remedy clock once accepted, else the one set by hand, if any.
    public var dueDate: LocalDate?
    public var dueSetByHand: Bool
    /// Whether the remedy clock or the verification clock is running past its due date.
    public var overdue: Bool
    /// Verified on time (false) or late (true); null until verified.
    public var late: Bool?
    public var systemic: Bool
    public var reason: String?
    public var supersededBy: Int?
    public var remedyClock: ClockSummary?
    public var verificationClock: ClockSummary?
    public var progress: [RemedyEntry]
    public var evidence: [RemedyEntry]

    /// A clock of the item, in short.
    public struct ClockSummary: Sendable, Encodable {
        public var status: ClockStatus
        public var startDate: LocalDate
        public var dueDate: LocalDate?
        public var metDate: LocalDate?

        enum CodingKeys: String, CodingKey {
            case status
            case startDate = "start_date"
            case dueDate = "due_date"
            case metDate = "met_date"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(startDate, forKey: .startDate)
            try c.encode(dueDate, forKey: .dueDate)
            try c.encode(metDate, forKey: .metDate)
        }
    }

    init(_ record: RemedyRecord, reference: String, clocks: [StoredClock], calendar: WorkCalendar, asOf: LocalDate) {
        let spec = record.item.spec
        let remedy = clocks.last { $0.clock.kind == .remedy && $0.subject == record.number }?.clock
        let verification = clocks.last { $0.clock.kind == .verification && $0.subject == record.number }?.clock
        self.reference = reference
        number = record.number
        kind = spec.kind
        remedyClass = spec.remedyClass
        scale = spec.scale
        description = spec.text
        body = record.body
        amount = spec.amount
        state = record.state
        dueDate = remedy.flatMap { Self.due(of: $0, calendar: calendar) } ?? spec.dueOn
        dueSetByHand = spec.dueOn != nil
        overdue =
            !record.state.isTerminal
            && RemedyItem.isOverdue(
                remedyClock: remedy, verificationClock: verification, asOf: asOf, calendar: calendar)
        late = record.item.late
        systemic = spec.kind.isSystemic
        reason = record.reason
        supersededBy = record.supersededBy
        remedyClock = remedy.map { Self.summary($0, calendar: calendar, asOf: asOf) }
        verificationClock = verification.map { Self.summary($0, calendar: calendar, asOf: asOf) }
        progress = record.entries.filter { $0.kind == "progress" }
        evidence = record.entries.filter { $0.kind == "evidence" }
    }

    /// The due date of a clock: as it stood when it ended, or now; nil while paused.
    static func due(of clock: Clock, calendar: WorkCalendar) -> LocalDate? {
        if let ended = clock.endedOn { return clock.dueDate(on: calendar, resumingOn: ended) }
        return clock.dueDate(on: calendar)
    }

    /// The status of a clock on `asOf`, or its final status once it has stopped.
    static func status(of clock: Clock, calendar: WorkCalendar, asOf: LocalDate) -> ClockStatus {
        clock.status(asOf: max(asOf, clock.endedOn ?? asOf, clock.cancelledOn ?? asOf), calendar: calendar)
    }

    static func summary(_ clock: Clock, calendar: WorkCalendar, asOf: LocalDate) -> ClockSummary {
        let status = status(of: clock, calendar: calendar, asOf: asOf)
        return ClockSummary(
            status: status, startDate: clock.startDate, dueDate: due(of: clock, calendar: calendar),
            metDate: status == .met || status == .metLate ? clock.endedOn : nil)
    }

    enum CodingKeys: String, CodingKey {
        case reference, number, kind
        case remedyClass = "class"
        case scale, description, body, amount, state
        case dueDate = "due_date"
        case dueSetByHand = "due_set_by_hand"
        case overdue, late, systemic, reason
        case supersededBy = "superseded_by"
        case remedyClock = "remedy_clock"
        case verificationClock = "verification_clock"
        case progress, evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(number, forKey: .number)
        try c.encode(kind, forKey: .kind)
        try c.encode(remedyClass, forKey: .remedyClass)
        try c.encode(scale, forKey: .scale)
        try c.encode(description, forKey: .description)
        try c.encode(body, forKey: .body)
        try c.encode(amount, forKey: .amount)
        try c.encode(state, forKey: .state)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(dueSetByHand, forKey: .dueSetByHand)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(late, forKey: .late)
        try c.encode(systemic, forKey: .systemic)
        try c.encode(reason, forKey: .reason)
        try c.encode(supersededBy, forKey: .supersededBy)
        try c.encode(remedyClock, forKey: .remedyClock)
        try c.encode(verificationClock, forKey: .verificationClock)
        try c.encode(progress, forKey: .progress)
        try c.encode(evidence, forKey: .evidence)
    }
}
