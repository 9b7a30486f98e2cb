public import Foundation

/// What a lifecycle move or an intake does to a case, decided by `Lifecycle` and applied by
/// the store in the transaction that records it: the permission it needs, the clock effects in
/// the order they apply, the audit event, the notices to queue, and the case after it.
public struct LifecyclePlan: Sendable, Hashable {
    /// The permission the actor needs.
    public var permission: Permission
    /// What happens to the clocks, in order.
    public var clocks: [ClockEffect]
    /// The audit row.
    public var event: LifecycleEvent
    /// The notices to queue.
    public var notices: [PlannedNotice]
    /// The case after the change: its state, outcome, closing instant, information requests
    /// and live clocks.
    public var after: CaseSituation
}

/// A case as the lifecycle rules see it.
public struct CaseSituation: Sendable, Hashable {
    /// The state it is in.
    public var state: CaseState
    /// Its outcome, once decided or closed.
    public var outcome: Outcome?
    /// When it was closed, while it is closed.
    public var closedAt: Date?
    /// How many times the complainant was asked for information.
    public var infoRequests: Int
    /// Its live (neither ended nor cancelled) clocks, in the order they were made.
    public var liveClocks: [LiveClock]
    /// How the (first) complainant is reached, if known.
    public var complainant: NoticeContact?
    /// How their representative is reached, when they have one.
    public var representative: NoticeContact?
    /// The case's language, for parties who gave none.
    public var language: String

    /// Makes a situation.
    public init(
        state: CaseState, outcome: Outcome? = nil, closedAt: Date? = nil, infoRequests: Int = 0,
        liveClocks: [LiveClock] = [],
        complainant: NoticeContact? = nil, representative: NoticeContact? = nil, language: String = "en"
    ) {
        self.state = state
        self.outcome = outcome
        self.closedAt = closedAt
        self.infoRequests = infoRequests
        self.liveClocks = liveClocks
        self.complainant = complainant
        self.representative = representative
        self.language = language
    }
}

/// A live clock of a case, as the lifecycle rules see it.
public struct LiveClock: Sendable, Hashable {
    /// Its kind.
    public var kind: ClockKind
    /// The remedy item or request it belongs to; nil for the case's own clocks.
    public var subject: Int?
    /// Whether it stands still.
    public var isPaused: Bool
    /// Why it stands still (`manual`, or the state that paused it), while it does.
    public var pauseCause: String?

    /// Makes a live clock; a cause makes it paused.
    public init(_ kind: ClockKind, subject: Int? = nil, pausedBy cause: String? = nil) {
        self.kind = kind
        self.subject = subject
        isPaused = cause != nil
        pauseCause = cause
    }
}

/// An audit row's kind and data, as the rules decide it.
public struct LifecycleEvent: Sendable, Hashable {
    /// snake_case: `case_opened`, `case_acknowledged`, `case_moved`, `case_closed`, …
    public var kind: String
    /// What the event records.
    public var data: [String: EventValue]

    /// Makes an event.
    public init(kind: String, data: [String: EventValue]) {
        self.kind = kind
        self.data = data
    }
}

/// A notice a rule asks for, addressed by `NoticeRouting`; the store queues one per address.
public struct PlannedNotice: Sendable, Hashable {
    /// snake_case: acknowledgement, information_request, route_decision, closure, …
    public var kind: String
    /// Who it is for; a notice to the complainant goes to their representative too.
    public var audience: NoticeAudience
    /// Where it goes: recipient, channel and language for each copy.
    public var addresses: [NoticeAddress]
    /// Facts the template needs.
    public var data: [String: EventValue]
    /// Fields that hold the due date of the live clock of a kind once the change is applied
    /// (null when there is none), by field name.
    public var dueDates: [String: ClockKind]

    /// Makes a planned notice.
    public init(
        kind: String, audience: NoticeAudience, addresses: [NoticeAddress], data: [String: EventValue] = [:],
        dueDates: [String: ClockKind] = [:]
    ) {
        self.kind = kind
        self.audience = audience
        self.addresses = addresses
        self.data = data
        self.dueDates = dueDates
    }
}

/// A JSON value in the data of an audit event or a notice.
public indirect enum EventValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([EventValue])
    case object([String: EventValue])

    /// A string, or null for nil.
    public static func text(_ value: String?) -> EventValue { value.map(EventValue.string) ?? .null }
}
