import Foundation
import Testing

@testable import RedressCore

@Suite("Policy")
struct PolicyTests {
    /// SPEC §2.3, row by row: allowance, approver, most per extension, extensions allowed, cap, repeating.
    struct Row: Sendable, CustomTestStringConvertible {
        let kind: ClockKind
        var scale: RemedyScale = .personal
        let allowance: Allowance
        var approver: Role?
        var perGrant: Int?
        var grants = 2
        var cap: Int?
        var repeating = false
        var testDescription: String { "\(kind) \(scale)" }
    }

    static let table: [Row] = [
        Row(kind: .acknowledge, allowance: .workingDays(3), cap: 3),
        Row(kind: .triage, allowance: .workingDays(10), approver: .supervisor, perGrant: 5, cap: 15),
        Row(kind: .infoResponse, allowance: .workingDays(10)),
        Row(
            kind: .earlyResolution, allowance: .workingDays(10), approver: .supervisor, perGrant: 10, grants: 1, cap: 20
        ),
        Row(kind: .mediationAcceptance, allowance: .workingDays(10)),
        Row(kind: .mediation, allowance: .workingDays(30), approver: .caseworker, perGrant: 20, cap: 50),
        Row(kind: .respondentResponse, allowance: .workingDays(20), approver: .caseworker, perGrant: 10, cap: 30),
        Row(kind: .investigation, allowance: .workingDays(60), approver: .ombudsperson, perGrant: 30, cap: 120),
        Row(kind: .arbitrationAward, allowance: .workingDays(20), approver: .ombudsperson),
        Row(kind: .arbitrationOverall, allowance: .months(6), approver: .ombudsperson, cap: 9),
        Row(kind: .respondentReply, allowance: .calendarDays(30), approver: .ombudsperson, cap: 90),
        Row(kind: .remedy, scale: .personal, allowance: .workingDays(20), approver: .caseworker),
        Row(kind: .remedy, scale: .service, allowance: .months(3), approver: .caseworker),
        Row(kind: .remedy, scale: .systemic, allowance: .months(6), approver: .caseworker, cap: 12),
        Row(kind: .verification, allowance: .workingDays(10)),
        Row(kind: .parallelReview, allowance: .workingDays(60), repeating: true),
        Row(kind: .complainantUpdate, allowance: .workingDays(20), repeating: true),
    ]

    @Test(arguments: table)
    func defaultTable(_ row: Row) {
        let rule = Policy.default.rule(for: row.kind, scale: row.scale)
        #expect(rule.allowance == row.allowance)
        #expect(rule.extensionRule?.approver == row.approver)
        #expect(rule.extensionRule?.maxPerGrant == row.perGrant)
        if row.approver != nil { #expect(rule.extensionRule?.maxGrants == row.grants) }
        #expect(rule.cap == row.cap)
        #expect(rule.repeating == row.repeating)
        #expect(Policy.default.allowance(for: row.kind, scale: row.scale, urgent: false) == row.allowance)
    }

    @Test func whichStatesPauseWhichClocks() {
        let policy = Policy.default
        let awaiting = policy.pausedBy(state: .awaitingInfo)
        #expect(awaiting.contains(.triage) && awaiting.contains(.investigation) && awaiting.contains(.earlyResolution))
        #expect(!awaiting.contains(.acknowledge))
        #expect(!awaiting.contains(.respondentResponse), "delay by the respondent never pauses anything")
        #expect(!awaiting.contains(.infoResponse))
        #expect(policy.pausedBy(state: .onHold) == Set(ClockKind.allCases).subtracting([.parallelReview]))
        #expect(policy.pausedBy(state: .mediation) == [.investigation])
        #expect(policy.pausedBy(state: .investigation).isEmpty)
        #expect(policy.pausedBy(state: .received).isEmpty)
    }

    @Test func versionInForceOnADate() throws {
        let v2 = try Policy(
            version: 2, effectiveFrom: d("2027-01-01"), rules: Policy.default.rules,
            pausedClocks: Policy.default.pausedClocks)
        let v3 = try Policy(version: 3, effectiveFrom: d("2027-06-01"), rules: Policy.default.rules, pausedClocks: [:])
        let set = try PolicySet([v3, .default, v2])
        #expect(set.versions.map(\.version) == [1, 2, 3])
        #expect(set.policy(on: d("2026-12-31"))?.version == 1)
        #expect(set.policy(on: d("2027-01-01"))?.version == 2)
        #expect(set.policy(on: d("2027-05-31"))?.version == 2)
        #expect(set.policy(on: d("2027-06-01"))?.version == 3)
        #expect(set.policy(on: d("1969-12-31")) == nil)
        #expect(throws: PolicyError.noPolicyInForce(d("1969-12-31"))) { try set.inForce(on: d("1969-12-31")) }
        #expect(set.policy(version: 2)?.effectiveFrom == d("2027-01-01"))
        #expect(throws: PolicyError.unknownVersion(9)) { try set.requirePolicy(version: 9) }
        #expect(throws: PolicyError.duplicateVersion(2)) { try set.adding(v2) }
        let clock = v2.makeClock(kind: .triage, startInstant: noon("2027-02-01"), calendar: Fixtures.plain)
        #expect(clock.policyVersion == 2)
    }

    /// A running clock moves to another version's rule (urgent profile kept), keeping its start,
    /// pauses and extensions; the target must exist and be in force; ended, same-version and
    /// hand-set clocks are refused.
    @Test func rebasingARunningClock() throws {
        var rules = Policy.default.rules
        let triage = rules.firstIndex { $0.kind == .triage }!
        rules[triage].allowance = .workingDays(14)
        let v2 = try Policy(
            version: 2, effectiveFrom: d("2026-03-01"), rules: rules, pausedClocks: Policy.default.pausedClocks)
        let v3 = try Policy(
            version: 3, effectiveFrom: d("2026-09-01"), rules: rules, pausedClocks: Policy.default.pausedClocks)
        let set = try PolicySet([.default, v2, v3])
        #expect(try set.rebaseTarget(version: nil, on: d("2026-04-01")).version == 2)
        #expect(try set.rebaseTarget(version: 1, on: d("2026-04-01")).version == 1)
        #expect(throws: PolicyError.versionNotInForce(3, from: d("2026-09-01"), on: d("2026-04-01"))) {
            try set.rebaseTarget(version: 3, on: d("2026-04-01"))
        }
        #expect(throws: PolicyError.unknownVersion(7)) { try set.rebaseTarget(version: 7, on: d("2026-04-01")) }

        var clock = Policy.default.makeClock(kind: .triage, startInstant: noon("2026-02-02"), calendar: Fixtures.plain)
        try clock.pause(from: d("2026-02-04"), reason: "awaiting_info")
        try clock.resume(on: d("2026-02-06"))
        let rebased = try clock.rebased(onto: v2, from: .default)
        #expect(rebased.policyVersion == 2)
        #expect(rebased.allowance == .workingDays(14))
        #expect(rebased.pauses == clock.pauses && rebased.startDate == clock.startDate)
        // Mon 2 February + 14 + 2 paused working days: Tue 24 February (UTC, no holidays).
        #expect(rebased.dueDate(on: Fixtures.plain) == d("2026-02-24"))
        let urgent = Policy.default.makeClock(
            kind: .triage, startInstant: noon("2026-02-02"), calendar: Fixtures.plain, urgent: true)
        #expect(try urgent.rebased(onto: v2, from: .default).allowance == .workingDays(7))
        #expect(throws: PolicyError.alreadyUnderVersion(.triage, 2)) { try rebased.rebased(onto: v2, from: v2) }
        var ended = clock
        try ended.end(on: d("2026-02-10"))
        #expect(throws: PolicyError.clockNotRunning(.triage, since: d("2026-02-10"))) {
            try ended.rebased(onto: v2, from: .default)
        }
        var byHand = clock
        byHand.allowance = .calendarDays(45)
        #expect(throws: PolicyError.allowanceSetByHand(.triage, .calendarDays(45))) {
            try byHand.rebased(onto: v2, from: .default)
        }
    }

    @Test func incompletePoliciesAreRefused() {
        let withoutTriage = Policy.default.rules.filter { $0.kind != .triage }
        #expect(throws: PolicyError.missingRule("triage")) {
            try Policy(version: 2, effectiveFrom: d("2027-01-01"), rules: withoutTriage, pausedClocks: [:])
        }
        let withoutSystemic = Policy.default.rules.filter { $0.remedyScale != .systemic }
        #expect(throws: PolicyError.missingRule("remedy (systemic)")) {
            try Policy(version: 2, effectiveFrom: d("2027-01-01"), rules: withoutSystemic, pausedClocks: [:])
        }
        #expect(throws: PolicyError.duplicateRule("acknowledge")) {
            try Policy(
                version: 2, effectiveFrom: d("2027-01-01"), rules: Policy.default.rules + [Policy.default.rules[0]],
                pausedClocks: [:])
        }
        #expect(throws: PolicyError.invalidUrgentPercent(0)) {
            try Policy(
                version: 2, effectiveFrom: d("2027-01-01"), rules: Policy.default.rules, urgentPercent: 0,
                pausedClocks: [:])
        }
    }

    @Test func policyRoundTripsThroughJSON() throws {
        let set = try PolicySet([.default])
        let data = try JSONEncoder().encode(set)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"effective_from\":\"1970-01-01\""))
        #expect(text.contains("\"awaiting_info\""))
        #expect(try JSONDecoder().decode(PolicySet.self, from: data) == set)
    }

    @Test func lateFilingIsFlagged() {
        #expect(!Policy.default.isLateFiling(eventsOn: d("2025-03-15"), receivedOn: d("2026-03-15")))
        #expect(Policy.default.isLateFiling(eventsOn: d("2025-03-15"), receivedOn: d("2026-03-16")))
    }
}

@Suite("Extensions")
struct ExtensionTests {
    /// A clock of `kind` from Monday 5 January 2026 (triage: 10 WD, due 19 January) with
    /// `prior` extensions already granted.
    static func clock(_ kind: ClockKind, scale: RemedyScale = .personal, prior: [Int] = []) -> Clock {
        var clock = Policy.default.makeClock(
            kind: kind, scale: scale, startInstant: noon("2026-01-05"), calendar: Fixtures.plain)
        for amount in prior {
            clock.extensions.append(
                Clock.Extension(
                    amount: amount, reason: "earlier", approverRole: .ombudsperson, approvedBy: "boss",
                    onDate: d("2026-01-06"), withConsent: true))
        }
        return clock
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let clock: Clock
        let amount: Int
        let roles: Set<Role>
        var on = "2026-01-12"
        var consent = false
        let error: PolicyError?
        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "supervisor extends triage", clock: clock(.triage), amount: 5, roles: [.supervisor], error: nil),
        Row(
            label: "ombudsperson may approve what a supervisor may", clock: clock(.triage), amount: 5,
            roles: [.ombudsperson], error: nil),
        Row(
            label: "caseworker may not", clock: clock(.triage), amount: 5, roles: [.caseworker],
            error: .approverRequired(.triage, required: .supervisor, given: [.caseworker])),
        Row(
            label: "admin is no approver", clock: clock(.triage), amount: 5, roles: [.admin],
            error: .approverRequired(.triage, required: .supervisor, given: [.admin])),
        Row(
            label: "no role at all", clock: clock(.triage), amount: 5, roles: [],
            error: .approverRequired(.triage, required: .supervisor, given: [])),
        Row(
            label: "one of several roles suffices", clock: clock(.triage), amount: 5,
            roles: [.caseworker, .supervisor], error: nil),
        Row(
            label: "on the due date is before expiry", clock: clock(.triage), amount: 5, roles: [.supervisor],
            on: "2026-01-19", error: nil),
        Row(
            label: "the day after the due date is too late", clock: clock(.triage), amount: 5, roles: [.supervisor],
            on: "2026-01-20",
            error: .clockExpired(.triage, due: d("2026-01-19"), on: d("2026-01-20"))),
        Row(
            label: "more than one grant may add", clock: clock(.triage), amount: 6, roles: [.supervisor],
            error: .amountTooLarge(.triage, amount: .workingDays(6), most: .workingDays(5))),
        Row(
            label: "nothing to add", clock: clock(.triage), amount: 0, roles: [.supervisor],
            error: .amountNotPositive(.triage, 0)),
        Row(
            label: "second triage extension passes the cap", clock: clock(.triage, prior: [5]), amount: 5,
            roles: [.supervisor],
            error: .beyondCapNeedsConsent(.triage, total: .workingDays(20), cap: .workingDays(15))),
        Row(
            label: "beyond the cap with consent", clock: clock(.triage, prior: [5]), amount: 5, roles: [.supervisor],
            consent: true, error: nil),
        Row(
            label: "a third extension", clock: clock(.triage, prior: [1, 1]), amount: 1, roles: [.supervisor],
            consent: true,
            error: .tooManyExtensions(.triage, limit: 2)),
        Row(
            label: "early resolution extends once", clock: clock(.earlyResolution, prior: [10]), amount: 5,
            roles: [.supervisor], consent: true,
            error: .tooManyExtensions(.earlyResolution, limit: 1)),
        Row(
            label: "acknowledgement never extends", clock: clock(.acknowledge), amount: 1, roles: [.ombudsperson],
            error: .notExtendable(.acknowledge)),
        Row(
            label: "verification never extends", clock: clock(.verification), amount: 1, roles: [.ombudsperson],
            error: .notExtendable(.verification)),
        Row(
            label: "investigation needs the ombudsperson", clock: clock(.investigation), amount: 30,
            roles: [.supervisor],
            error: .approverRequired(.investigation, required: .ombudsperson, given: [.supervisor])),
        Row(
            label: "first investigation extension", clock: clock(.investigation), amount: 30, roles: [.ombudsperson],
            error: nil),
        Row(
            label: "second investigation extension needs the complainant", clock: clock(.investigation, prior: [30]),
            amount: 30, roles: [.ombudsperson],
            error: .consentRequired(.investigation, party: .complainant, grant: 2)),
        Row(
            label: "second investigation extension with consent reaches the cap",
            clock: clock(.investigation, prior: [30]), amount: 30,
            roles: [.ombudsperson], consent: true, error: nil),
        Row(
            label: "mediation needs both parties", clock: clock(.mediation), amount: 20, roles: [.caseworker],
            error: .consentRequired(.mediation, party: .bothParties, grant: 1)),
        Row(
            label: "mediation with both parties' consent", clock: clock(.mediation), amount: 20, roles: [.caseworker],
            consent: true, error: nil),
        Row(
            label: "respondent response by the caseworker", clock: clock(.respondentResponse), amount: 10,
            roles: [.caseworker], error: nil),
        Row(
            label: "respondent reply up to its cap", clock: clock(.respondentReply), amount: 60, roles: [.ombudsperson],
            error: nil),
        Row(
            label: "respondent reply past its cap", clock: clock(.respondentReply), amount: 61, roles: [.ombudsperson],
            error: .beyondCapNeedsConsent(.respondentReply, total: .calendarDays(91), cap: .calendarDays(90))),
        Row(
            label: "systemic remedy to 12 months, agreed", clock: clock(.remedy, scale: .systemic), amount: 6,
            roles: [.caseworker], consent: true, error: nil),
        Row(
            label: "systemic remedy needs agreement", clock: clock(.remedy, scale: .systemic), amount: 1,
            roles: [.caseworker],
            error: .consentRequired(.remedy, party: .bothParties, grant: 1)),
        Row(
            label: "arbitration award, exceptional", clock: clock(.arbitrationAward), amount: 10,
            roles: [.ombudsperson], error: nil),
    ]

    @Test(arguments: rows)
    func extensionRules(_ row: Row) {
        let validate = {
            try Policy.default.validateExtension(
                clock: row.clock, amount: row.amount, by: row.roles, on: d(row.on), consent: row.consent,
                calendar: Fixtures.plain)
        }
        if let error = row.error {
            #expect(throws: error, performing: validate)
        } else {
            #expect(throws: Never.self, performing: validate)
        }
    }

    @Test func endedCancelledAndPausedClocks() throws {
        var ended = Self.clock(.triage)
        try ended.end(on: d("2026-01-09"))
        #expect(throws: PolicyError.clockEnded(.triage, on: d("2026-01-09"))) {
            try Policy.default.validateExtension(
                clock: ended, amount: 5, by: [.supervisor], on: d("2026-01-12"), consent: false,
                calendar: Fixtures.plain)
        }
        var cancelled = Self.clock(.triage)
        try cancelled.cancel(on: d("2026-01-09"))
        #expect(throws: PolicyError.clockCancelled(.triage)) {
            try Policy.default.validateExtension(
                clock: cancelled, amount: 5, by: [.supervisor], on: d("2026-01-12"), consent: false,
                calendar: Fixtures.plain)
        }
        // Paused since 14 January, before the due date of the 19th: on the 26th it has used
        // 6 working days and has not expired; the 8 working days in [14, 26) added to 10 make
        // it due on 29 January if resumed that day.
        var paused = Self.clock(.triage)
        try paused.pause(from: d("2026-01-14"), reason: "awaiting_info")
        #expect(paused.dueDate(on: Fixtures.plain, resumingOn: d("2026-01-26")) == d("2026-01-29"))
        #expect(throws: Never.self) {
            try Policy.default.validateExtension(
                clock: paused, amount: 5, by: [.supervisor], on: d("2026-01-26"), consent: false,
                calendar: Fixtures.plain)
        }
    }

    @Test func grantingRecordsTheExtension() throws {
        var clock = Self.clock(.triage)
        try Policy.default.grantExtension(
            to: &clock, amount: 5, reason: "records awaited from the district office",
            by: [.caseworker, .ombudsperson], login: "jkim", on: d("2026-01-12"), consent: false,
            calendar: Fixtures.plain)
        #expect(
            clock.extensions == [
                Clock.Extension(
                    amount: 5, reason: "records awaited from the district office", approverRole: .ombudsperson,
                    approvedBy: "jkim", onDate: d("2026-01-12"), withConsent: false)
            ])
        #expect(clock.dueDate(on: Fixtures.plain) == d("2026-01-26"))
        #expect(throws: PolicyError.missingReason(.triage)) {
            try Policy.default.grantExtension(
                to: &clock, amount: 5, reason: " ", by: [.supervisor], login: "jkim", on: d("2026-01-12"),
                consent: true, calendar: Fixtures.plain)
        }
        #expect(throws: PolicyError.missingApprover(.triage)) {
            try Policy.default.grantExtension(
                to: &clock, amount: 5, reason: "r", by: [.supervisor], login: "", on: d("2026-01-12"), consent: true,
                calendar: Fixtures.plain)
        }
        #expect(clock.extensions.count == 1)
    }

    @Test func errorsSayWhatIsMissing() {
        #expect(
            PolicyError.approverRequired(.triage, required: .supervisor, given: [.caseworker]).description
                == "Extending the triage clock needs approval by a supervisor or an ombudsperson, but the approver has caseworker; ask a supervisor to approve it."
        )
        #expect(
            PolicyError.beyondCapNeedsConsent(.triage, total: .workingDays(20), cap: .workingDays(15)).description
                == "Extending the triage clock to 20 working days passes its cap of 15 working days and needs the complainant's recorded consent; record it or ask for less."
        )
        #expect(
            PolicyError.consentRequired(.investigation, party: .complainant, grant: 2).description
                == "A second extension of the investigation clock needs the complainant's recorded consent; record it and try again."
        )
        #expect(
            PolicyError.clockExpired(.triage, due: d("2026-01-19"), on: d("2026-01-20")).localizedDescription
                == "The triage clock was due on 2026-01-19, before 2026-01-20; extensions must be approved on or before the due date."
        )
    }
}
