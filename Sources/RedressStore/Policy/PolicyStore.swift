public import Foundation
public import Postgres
public import RedressCore

/// The versions of the time-limit policy, stored as JSON documents of RedressCore's `Policy`.
///
/// Version 1 is the built-in default (`Policy.default`); it is written to the table the first
/// time a clock or a new version needs it, so clocks can refer to it.
public struct PolicyStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Every version, the default included.
    public func policySet() throws -> PolicySet {
        var versions = try connection.query("SELECT document::text FROM policy_version ORDER BY version").map {
            try PolicyDocuments.shared.policy(try $0.decode(String.self, at: 0))
        }
        if !versions.contains(where: { $0.version == Policy.default.version }) { versions.append(.default) }
        return try PolicySet(versions)
    }

    /// A stored version, with who made it and when.
    public struct Version: Sendable {
        public var policy: Policy
        public var createdBy: String
        public var createdAt: Date?
    }

    /// Every version with its author, oldest first.
    public func history() throws -> [Version] {
        var versions = try connection.query(
            "SELECT document, created_by, created_at FROM policy_version ORDER BY version"
        ).map {
            Version(
                policy: try $0.decode(PostgresJSON<Policy>.self, at: 0).value,
                createdBy: try $0.decode(String.self, at: 1),
                createdAt: try $0.decode(Date.self, at: 2))
        }
        if !versions.contains(where: { $0.policy.version == Policy.default.version }) {
            versions.insert(Version(policy: .default, createdBy: "redress", createdAt: nil), at: 0)
        }
        return versions
    }

    /// Writes the default version 1 unless it is stored already. `db migrate` stores it, as
    /// only admins write policy; when it is there this proposes no row, so any login may call it.
    /// Whether it wrote the row.
    @discardableResult
    public func storeDefault() throws -> Bool {
        try connection.execute(
            """
            INSERT INTO policy_version (version, effective_from, document, created_by)
            SELECT \(Policy.default.version), \(Policy.default.effectiveFrom), \(PolicyDocuments.defaultDocument)::jsonb, 'redress'
            WHERE NOT EXISTS (SELECT 1 FROM policy_version WHERE version = \(Policy.default.version))
            ON CONFLICT (version) DO NOTHING
            """) == 1
    }

    /// A change to one clock's rule (and the policy-wide settings), as `policy set` takes it.
    public struct RuleChange: Sendable {
        public var kind: ClockKind?
        public var remedyScale: RemedyScale?
        public var allowance: Int?
        public var unit: AllowanceUnit?
        public var cap: Int??
        public var urgentPercent: Int?
        public var maxInfoRequests: Int?
        /// Working days after a decision within which its review may be asked for.
        public var reviewWindowDays: Int?
        /// The retention class whose period changes, to `retentionYears`.
        public var retentionClass: RetentionSchedule.Class?
        public var retentionYears: Int?
        /// Years after closing within which nothing of a case may be anonymised or erased.
        public var statutoryMinimumYears: Int?

        public init(
            kind: ClockKind? = nil, remedyScale: RemedyScale? = nil, allowance: Int? = nil, unit: AllowanceUnit? = nil,
            cap: Int?? = nil, urgentPercent: Int? = nil, maxInfoRequests: Int? = nil, reviewWindowDays: Int? = nil,
            retentionClass: RetentionSchedule.Class? = nil, retentionYears: Int? = nil,
            statutoryMinimumYears: Int? = nil
        ) {
            self.retentionClass = retentionClass
            self.retentionYears = retentionYears
            self.statutoryMinimumYears = statutoryMinimumYears
            self.kind = kind
            self.remedyScale = remedyScale
            self.allowance = allowance
            self.unit = unit
            self.cap = cap
            self.urgentPercent = urgentPercent
            self.maxInfoRequests = maxInfoRequests
            self.reviewWindowDays = reviewWindowDays
        }
    }

    /// Makes a new version from the newest one with `change` applied, in force from
    /// `effective`. An effective date before today at the office is refused unless
    /// `backdateReason` says why, which the audit row records. Call inside a transaction.
    public func setVersion(
        _ change: RuleChange, effective: LocalDate, backdateReason: String? = nil, actor: Actor, at instant: Date
    ) throws -> Policy {
        try actor.require(.manageOffice)
        let today = try OfficeContext.load(connection, lock: .exclusive).localDate(instant)
        if let reason = backdateReason {
            guard effective < today else {
                throw StoreError.invalid(
                    "The effective date \(effective.iso) is not before today, \(today.iso), so there is nothing to backdate; leave the backdating out."
                )
            }
            guard !reason.isBlankText else {
                throw StoreError.invalid(
                    "Backdating a policy version needs a reason for the audit log.", hint: .give(["reason"]))
            }
            try TextField.checkLong("reason", reason)
        } else if effective < today {
            throw PolicyError.effectiveDateInPast(effective, today: today)
        }
        try storeDefault()
        let set = try policySet()
        let base = set.versions.max { $0.version < $1.version }!
        var rules = base.rules
        if let kind = change.kind {
            let scale: RemedyScale? = kind == .remedy ? (change.remedyScale ?? .personal) : nil
            guard let index = rules.firstIndex(where: { $0.kind == kind && $0.remedyScale == scale }) else {
                throw StoreError.invalid("The policy has no rule for the \(kind) clock.")
            }
            if let amount = change.allowance {
                guard amount >= 0 else {
                    throw StoreError.invalid("An allowance of \(amount) is negative; give zero or more.")
                }
                rules[index].allowance.amount = amount
            }
            if let unit = change.unit { rules[index].allowance.unit = unit }
            if let cap = change.cap { rules[index].cap = cap }
        } else if change.allowance != nil || change.unit != nil || change.cap != nil {
            throw StoreError.invalid("Say which clock's rule to change.", hint: .give(["clock"]))
        }
        if let days = change.reviewWindowDays, days < 0 {
            throw StoreError.invalid("A review window of \(days) working days is negative; give zero or more.")
        }
        if (change.retentionClass == nil) != (change.retentionYears == nil) {
            throw StoreError.invalid(
                "A retention period needs both the class and the years.", hint: .give(["retention", "years"]))
        }
        let policy: Policy
        do {
            var years = base.retention.years
            if let kind = change.retentionClass, let count = change.retentionYears { years[kind] = count }
            let retention = try RetentionSchedule(
                years: years,
                statutoryMinimumYears: change.statutoryMinimumYears ?? base.retention.statutoryMinimumYears)
            policy = try Policy(
                version: base.version + 1, effectiveFrom: effective, rules: rules,
                urgentPercent: change.urgentPercent ?? base.urgentPercent, pausedClocks: base.pausedClocks,
                maxInfoRequests: change.maxInfoRequests ?? base.maxInfoRequests, filingLimit: base.filingLimit,
                reviewWindow: change.reviewWindowDays.map(Allowance.workingDays) ?? base.reviewWindow,
                retention: retention)
        } catch let error as PolicyError {
            throw StoreError.invalid(error.description)
        }
        try connection.execute(
            """
            INSERT INTO policy_version (version, effective_from, document, created_by)
            VALUES (\(policy.version), \(effective), \(PostgresJSON(policy)), \(actor.login))
            """)
        var data: [String: JSONValue] = [
            "version": .int(policy.version), "effective_from": .string(effective.iso), "based_on": .int(base.version),
        ]
        if let kind = change.kind { data["clock"] = .string(kind.rawValue) }
        if let kind = change.kind {
            let rule = policy.rule(for: kind, scale: change.remedyScale ?? .personal)
            data["allowance"] = ["amount": .int(rule.allowance.amount), "unit": .string(rule.allowance.unit.rawValue)]
            data["cap"] = .int(rule.cap)
        }
        if let percent = change.urgentPercent { data["urgent_percent"] = .int(percent) }
        if let most = change.maxInfoRequests { data["max_info_requests"] = .int(most) }
        if let days = change.reviewWindowDays {
            data["review_window"] = ["amount": .int(days), "unit": "working_days"]
        }
        if let kind = change.retentionClass, let count = change.retentionYears {
            data["retention"] = ["class": .string(kind.rawValue), "years": .int(count)]
        }
        if let minimum = change.statutoryMinimumYears { data["statutory_minimum_years"] = .int(minimum) }
        if let reason = backdateReason {
            data["backdated"] = true
            data["reason"] = .string(reason)
        }
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "policy_version_added", data: data)
        return policy
    }
}

/// Policy documents decoded once per process. The service reads the policy for every intake,
/// and decoding the stored documents and encoding the default one were a quarter of its CPU
/// per request (perf); a document's text decides its policy, so the text is the key.
final class PolicyDocuments: @unchecked Sendable {
    static let shared = PolicyDocuments()

    /// `Policy.default` as the JSON `PostgresJSON` sends.
    static let defaultDocument: String = PostgresJSON(Policy.default).postgresText

    private let lock = NSLock()
    private var policies: [String: Policy] = [:]

    /// The policy a stored document holds.
    func policy(_ document: String) throws -> Policy {
        lock.lock()
        let known = policies[document]
        lock.unlock()
        if let known { return known }
        var text = document
        let policy = try text.withUTF8 { bytes throws(PostgresError) in
            try PostgresJSON<Policy>(postgresText: bytes).value
        }
        lock.lock()
        // Policy versions are few; the bound only keeps a misuse from growing without end.
        if policies.count < 256 { policies[document] = policy }
        lock.unlock()
        return policy
    }
}
