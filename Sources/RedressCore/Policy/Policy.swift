public import Foundation

/// One version of the office's time-limit policy: a rule per clock, the urgent profile, and
/// which case states pause which clocks (SPEC §2.3).
///
/// A policy takes effect from `effectiveFrom` for new clocks; a running clock keeps the version
/// it was made under (`Clock.policyVersion`) unless it is explicitly re-based.
public struct Policy: Sendable, Hashable {
    /// The version number, unique within a `PolicySet`.
    public let version: Int
    /// The first local date on which new clocks use this version.
    public let effectiveFrom: LocalDate
    /// One rule per clock kind, and one per remedy scale for remedy clocks.
    public let rules: [ClockRule]
    /// The urgent profile: urgent clocks get this percentage of each allowance, rounded up.
    public let urgentPercent: Int
    /// The clocks each case state pauses.
    public let pausedClocks: [CaseState: Set<ClockKind>]
    /// How many information requests a case may make of the complainant.
    public let maxInfoRequests: Int
    /// How old the events of a complaint may be before intake flags it as late.
    public let filingLimit: Allowance
    /// How long after a decision the complainant may ask for its review.
    public let reviewWindow: Allowance
    /// How long closed cases' personal data is kept.
    public let retention: RetentionSchedule

    /// Makes a policy, refusing one that lacks a rule for some clock or has two for the same one.
    public init(
        version: Int,
        effectiveFrom: LocalDate,
        rules: [ClockRule],
        urgentPercent: Int = 50,
        pausedClocks: [CaseState: Set<ClockKind>],
        maxInfoRequests: Int = 2,
        filingLimit: Allowance = .months(12),
        reviewWindow: Allowance = .workingDays(20),
        retention: RetentionSchedule = .default
    ) throws {
        guard (1...100).contains(urgentPercent) else { throw PolicyError.invalidUrgentPercent(urgentPercent) }
        guard reviewWindow.amount >= 0 else {
            throw PolicyError.negativeAllowance("review window", reviewWindow.amount)
        }
        var seen = Set<String>()
        for rule in rules {
            let key = Policy.key(rule.kind, rule.remedyScale)
            guard seen.insert(key).inserted else { throw PolicyError.duplicateRule(key) }
            guard rule.allowance.amount >= 0 else { throw PolicyError.negativeAllowance(key, rule.allowance.amount) }
            if let grants = rule.extensionRule?.maxGrants, !(1...ExtensionRule.maximumGrants).contains(grants) {
                throw PolicyError.invalidExtensionCount(key, grants)
            }
        }
        for kind in ClockKind.allCases {
            if kind == .remedy {
                for scale in RemedyScale.allCases where !seen.contains(Policy.key(kind, scale)) {
                    throw PolicyError.missingRule(Policy.key(kind, scale))
                }
            } else if !seen.contains(Policy.key(kind, nil)) {
                throw PolicyError.missingRule(Policy.key(kind, nil))
            }
        }
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.rules = rules
        self.urgentPercent = urgentPercent
        self.pausedClocks = pausedClocks
        self.maxInfoRequests = maxInfoRequests
        self.filingLimit = filingLimit
        self.reviewWindow = reviewWindow
        self.retention = retention
    }

    /// The rule for `kind`; `scale` picks among the remedy rules and is ignored for other kinds.
    public func rule(for kind: ClockKind, scale: RemedyScale = .personal) -> ClockRule {
        let wanted: RemedyScale? = kind == .remedy ? scale : nil
        // The initialiser guarantees exactly one match.
        return rules.first { $0.kind == kind && $0.remedyScale == wanted }!
    }

    /// The rule a clock runs under in this policy.
    public func rule(for clock: Clock) -> ClockRule {
        rule(for: clock.kind, scale: clock.remedyScale ?? .personal)
    }

    /// The allowance of a new clock: the rule's, or on the urgent profile `urgentPercent` of it
    /// rounded up (half of 3 working days is 2).
    public func allowance(for kind: ClockKind, scale: RemedyScale = .personal, urgent: Bool) -> Allowance {
        let normal = rule(for: kind, scale: scale).allowance
        guard urgent else { return normal }
        return Allowance((normal.amount * urgentPercent + 99) / 100, normal.unit)
    }

    /// The clocks that a case in `state` pauses.
    ///
    /// By default `awaiting_info` pauses the stage clocks (not `acknowledge`), `on_hold` pauses
    /// every clock but `parallel_review`, and `mediation` pauses `investigation`. Delay by the
    /// respondent pauses nothing.
    public func pausedBy(state: CaseState) -> Set<ClockKind> {
        pausedClocks[state] ?? []
    }

    /// A new clock of `kind` started at `startInstant`, under this policy.
    public func makeClock(
        kind: ClockKind,
        scale: RemedyScale? = nil,
        startInstant: Date,
        calendar: WorkCalendar,
        urgent: Bool = false
    ) -> Clock {
        Clock(
            kind: kind,
            remedyScale: kind == .remedy ? (scale ?? .personal) : nil,
            startInstant: startInstant,
            calendar: calendar,
            allowance: allowance(for: kind, scale: scale ?? .personal, urgent: urgent),
            policyVersion: version,
            urgent: urgent
        )
    }

    /// Whether a complaint received on `receivedOn` about events on `eventsOn` is past the
    /// filing limit, so that accepting it needs a recorded reason.
    public func isLateFiling(eventsOn: LocalDate, receivedOn: LocalDate) -> Bool {
        switch filingLimit.unit {
        case .months: return receivedOn > eventsOn.adding(months: filingLimit.amount)
        case .calendarDays, .workingDays: return receivedOn > eventsOn + filingLimit.amount
        }
    }

    static func key(_ kind: ClockKind, _ scale: RemedyScale?) -> String {
        scale.map { "\(kind) (\($0))" } ?? kind.rawValue
    }
}

extension Policy: Codable {
    private enum CodingKeys: String, CodingKey {
        case version
        case effectiveFrom = "effective_from"
        case rules
        case urgentPercent = "urgent_percent"
        case pausedClocks = "paused_clocks"
        case maxInfoRequests = "max_info_requests"
        case filingLimit = "filing_limit"
        case reviewWindow = "review_window"
        case retention
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            // A version written before a clock existed takes the default rule for it.
            let rules = try container.decode([ClockRule].self, forKey: .rules)
            let added = Policy.default.rules.filter { rule in
                !rules.contains { $0.kind == rule.kind && $0.remedyScale == rule.remedyScale }
            }
            try self.init(
                version: container.decode(Int.self, forKey: .version),
                effectiveFrom: container.decode(LocalDate.self, forKey: .effectiveFrom),
                rules: rules + added,
                urgentPercent: container.decodeIfPresent(Int.self, forKey: .urgentPercent) ?? 50,
                pausedClocks: container.decodeIfPresent([CaseState: Set<ClockKind>].self, forKey: .pausedClocks) ?? [:],
                maxInfoRequests: container.decodeIfPresent(Int.self, forKey: .maxInfoRequests) ?? 2,
                filingLimit: container.decodeIfPresent(Allowance.self, forKey: .filingLimit) ?? .months(12),
                reviewWindow: container.decodeIfPresent(Allowance.self, forKey: .reviewWindow) ?? .workingDays(20),
                retention: container.decodeIfPresent(RetentionSchedule.self, forKey: .retention) ?? .default
            )
        } catch let error as PolicyError {
            throw DecodingError.dataCorruptedError(forKey: .rules, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(rules, forKey: .rules)
        try container.encode(urgentPercent, forKey: .urgentPercent)
        try container.encode(pausedClocks.mapValues { $0.sorted { $0.rawValue < $1.rawValue } }, forKey: .pausedClocks)
        try container.encode(maxInfoRequests, forKey: .maxInfoRequests)
        try container.encode(filingLimit, forKey: .filingLimit)
        try container.encode(reviewWindow, forKey: .reviewWindow)
        try container.encode(retention, forKey: .retention)
    }
}
