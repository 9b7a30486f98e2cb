public import Foundation

/// One named time limit on a case: when it started, how long it allows, and what has stopped
/// or stretched it since.
///
/// A clock stores facts only; its due date and status are derived on demand from those facts
/// and the office calendar (`Clock+DueDate.swift`), so adding a holiday or correcting a pause
/// never leaves a stale date behind.
public struct Clock: Sendable, Hashable {
    /// Which clock this is.
    public var kind: ClockKind
    /// For remedy clocks, the scale of the remedy, which decides its policy rule; `nil` otherwise.
    public var remedyScale: RemedyScale?
    /// The instant of the event that started the clock.
    public var startInstant: Date
    /// The office-local date of `startInstant`, fixed when the clock started.
    public var startDate: LocalDate
    /// The allowance the clock started with, before extensions.
    public var allowance: Allowance
    /// The version of the policy the clock was made under; it keeps it until re-based.
    public var policyVersion: Int
    /// Whether the allowance came from the urgent profile.
    public var urgent: Bool
    /// The pauses, oldest first; at most the last one is open.
    public var pauses: [Pause]
    /// The approved extensions, oldest first.
    public var extensions: [Extension]
    /// The local date of the event that ended the clock, once it has ended.
    public var endedOn: LocalDate?
    /// Whether the clock was cancelled (its stage never happened or the case closed first).
    public var cancelled: Bool
    /// The date of cancellation, when known; an as-of evaluation before it sees the clock live.
    public var cancelledOn: LocalDate?

    /// Makes a clock from its stored facts.
    public init(
        kind: ClockKind,
        remedyScale: RemedyScale? = nil,
        startInstant: Date,
        startDate: LocalDate,
        allowance: Allowance,
        policyVersion: Int,
        urgent: Bool = false,
        pauses: [Pause] = [],
        extensions: [Extension] = [],
        endedOn: LocalDate? = nil,
        cancelled: Bool = false,
        cancelledOn: LocalDate? = nil
    ) {
        self.kind = kind
        self.remedyScale = remedyScale
        self.startInstant = startInstant
        self.startDate = startDate
        self.allowance = allowance
        self.policyVersion = policyVersion
        self.urgent = urgent
        self.pauses = pauses
        self.extensions = extensions
        self.endedOn = endedOn
        self.cancelled = cancelled || cancelledOn != nil
        self.cancelledOn = cancelledOn
    }

    /// Makes a clock started at `startInstant`, taking its start date from the office calendar.
    public init(
        kind: ClockKind,
        remedyScale: RemedyScale? = nil,
        startInstant: Date,
        calendar: WorkCalendar,
        allowance: Allowance,
        policyVersion: Int,
        urgent: Bool = false
    ) {
        self.init(
            kind: kind, remedyScale: remedyScale, startInstant: startInstant,
            startDate: calendar.localDate(of: startInstant), allowance: allowance,
            policyVersion: policyVersion, urgent: urgent
        )
    }

    /// A stretch of time during which the clock stood still.
    public struct Pause: Sendable, Hashable, Codable {
        /// The first paused date.
        public var from: LocalDate
        /// The date the clock resumed, or `nil` while the pause is open; the days in [from, to) are paused.
        public var to: LocalDate?
        /// Why the clock was paused ("awaiting_info", "on_hold", "mediation", …).
        public var reason: String

        /// Makes a pause from `from` until `to` (open when `nil`).
        public init(from: LocalDate, to: LocalDate? = nil, reason: String) {
            self.from = from
            self.to = to
            self.reason = reason
        }

        /// Whether the clock is still paused.
        public var isOpen: Bool { to == nil }
    }

    /// An approved extension: more of the clock's own unit.
    public struct Extension: Sendable, Hashable, Codable {
        /// How many units (working days, calendar days or months, as the clock counts) it adds.
        public var amount: Int
        /// Why, as the extension letter to the complainant states it.
        public var reason: String
        /// The role under which it was approved.
        public var approverRole: Role
        /// The login of the staff member who approved it.
        public var approvedBy: String
        /// The local date of approval.
        public var onDate: LocalDate
        /// Whether the complainant's (or, where the rule asks, both parties') consent was recorded.
        public var withConsent: Bool

        /// Makes an extension record.
        public init(
            amount: Int, reason: String, approverRole: Role, approvedBy: String, onDate: LocalDate,
            withConsent: Bool = false
        ) {
            self.amount = amount
            self.reason = reason
            self.approverRole = approverRole
            self.approvedBy = approvedBy
            self.onDate = onDate
            self.withConsent = withConsent
        }

        private enum CodingKeys: String, CodingKey {
            case amount
            case reason
            case approverRole = "approver_role"
            case approvedBy = "approved_by"
            case onDate = "on_date"
            case withConsent = "with_consent"
        }
    }
}

extension Clock: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind
        case remedyScale = "remedy_scale"
        case startInstant = "start_instant"
        case startDate = "start_date"
        case allowance
        case policyVersion = "policy_version"
        case urgent
        case pauses
        case extensions
        case endedOn = "ended_on"
        case cancelled
        case cancelledOn = "cancelled_on"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(ClockKind.self, forKey: .kind),
            remedyScale: try container.decodeIfPresent(RemedyScale.self, forKey: .remedyScale),
            startInstant: try container.decode(Date.self, forKey: .startInstant),
            startDate: try container.decode(LocalDate.self, forKey: .startDate),
            allowance: try container.decode(Allowance.self, forKey: .allowance),
            policyVersion: try container.decode(Int.self, forKey: .policyVersion),
            urgent: try container.decodeIfPresent(Bool.self, forKey: .urgent) ?? false,
            pauses: try container.decodeIfPresent([Pause].self, forKey: .pauses) ?? [],
            extensions: try container.decodeIfPresent([Extension].self, forKey: .extensions) ?? [],
            endedOn: try container.decodeIfPresent(LocalDate.self, forKey: .endedOn),
            cancelled: try container.decodeIfPresent(Bool.self, forKey: .cancelled) ?? false,
            cancelledOn: try container.decodeIfPresent(LocalDate.self, forKey: .cancelledOn)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(remedyScale, forKey: .remedyScale)
        try container.encode(startInstant, forKey: .startInstant)
        try container.encode(startDate, forKey: .startDate)
        try container.encode(allowance, forKey: .allowance)
        try container.encode(policyVersion, forKey: .policyVersion)
        try container.encode(urgent, forKey: .urgent)
        try container.encode(pauses, forKey: .pauses)
        try container.encode(extensions, forKey: .extensions)
        try container.encodeIfPresent(endedOn, forKey: .endedOn)
        try container.encode(cancelled, forKey: .cancelled)
        try container.encodeIfPresent(cancelledOn, forKey: .cancelledOn)
    }
}
