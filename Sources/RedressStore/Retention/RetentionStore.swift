public import Foundation
public import Postgres
public import RedressCore

/// Legal holds, the retention schedule's runs and erasure requests (README "Retention and
/// erasure"). What is removed, and the checks that nothing is removed too early or under a
/// hold, are the database's (`case_anonymise`, `party_erase`, migration 29): this store picks
/// the cases and reports.
public struct RetentionStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The advisory lock every retention run takes ("REDRRETN"), so two runs never overlap.
    public static let lockKey: Int = 0x5245_4452_5245_544E
    /// Cases anonymised per transaction, at most.
    public static let defaultBatchSize = 200

    // MARK: Legal holds

    /// Places a legal hold on `reference`; call inside a transaction. Refused when the case is
    /// on hold already or was anonymised.
    public func hold(reference: String, reason: String, actor: Actor, at instant: Date) throws {
        try actor.require(.protectData)
        let reason = try Self.reason(reason)
        let record = try CaseStore(connection).require(reference: reference)
        try connection.execute("SELECT 1 FROM complaint_case WHERE id = \(record.id) FOR UPDATE")
        if try isAnonymised(caseID: record.id) {
            throw StoreError.refused("\(record.reference) was anonymised already; there is nothing left to hold.")
        }
        if try openHold(caseID: record.id) != nil {
            throw StoreError.refused("\(record.reference) is on legal hold already; release it first to hold it anew.")
        }
        try AuditLog(connection).record(
            caseID: record.id, actor: actor.login, at: instant, kind: "legal_hold_placed",
            data: ["reason": .string(reason)])
        try connection.execute(
            """
            INSERT INTO legal_hold (case_id, reason, held_by, held_at)
            VALUES (\(record.id), \(reason), \(actor.login), \(instant))
            """)
    }

    /// Releases the legal hold on `reference`; call inside a transaction.
    public func release(reference: String, reason: String, actor: Actor, at instant: Date) throws {
        try actor.require(.protectData)
        let reason = try Self.reason(reason)
        let record = try CaseStore(connection).require(reference: reference)
        try connection.execute("SELECT 1 FROM complaint_case WHERE id = \(record.id) FOR UPDATE")
        guard let hold = try openHold(caseID: record.id) else {
            throw StoreError.holdNotFound(reference: record.reference)
        }
        try AuditLog(connection).record(
            caseID: record.id, actor: actor.login, at: instant, kind: "legal_hold_released",
            data: ["reason": .string(reason), "hold": .int(hold)])
        try connection.execute(
            """
            UPDATE legal_hold SET released_by = \(actor.login), released_at = greatest(\(instant), held_at),
                release_reason = \(reason)
            WHERE id = \(hold)
            """)
    }

    static func reason(_ text: String) throws -> String {
        guard !text.isBlankText else {
            throw StoreError.invalid("A legal hold's change needs a reason for the audit log.", hint: .give(["reason"]))
        }
        try TextField.checkLong("reason", text)
        return text
    }

    func openHold(caseID: Int) throws -> Int? {
        try connection.query("SELECT id FROM legal_hold WHERE case_id = \(caseID) AND released_at IS NULL").first?
            .decode(Int.self, at: 0)
    }

    func isAnonymised(caseID: Int) throws -> Bool {
        try connection.query("SELECT 1 FROM case_anonymisation WHERE case_id = \(caseID)").first != nil
    }

    // MARK: Retention runs

    /// A closed case whose retention period ended by the run's date.
    public struct DueCase: Sendable, Hashable {
        public var id: Int
        public var reference: String
        public var retentionClass: RetentionSchedule.Class
        public var closedOn: LocalDate
        public var retainedUntil: LocalDate
    }

    /// What a run did (or, dry, would do).
    public struct RunSummary: Sendable, Hashable {
        public var asOf: LocalDate
        public var policyVersion: Int
        public var dryRun: Bool
        /// Closed cases not anonymised and not on hold, looked at.
        public var checked = 0
        /// Cases anonymised (dry: due).
        public var anonymised = 0
        /// Closed cases on legal hold, left alone.
        public var onHold = 0
    }

    /// Anonymises every closed case whose retention period, by the policy version in force on
    /// `asOf`, ended on or before `asOf`, and which is on no legal hold: at most `batchSize`
    /// cases per transaction, each with its `case_anonymised` audit row. A case anonymised
    /// before is never looked at again, so a run stopped at any point (kill -9 included) and
    /// run again does the rest and nothing twice. `due` sees each case in order of id as it is
    /// anonymised (dry: found due).
    ///
    /// `reader` pages through the candidates; this store's connection takes the run's lock and
    /// writes.
    public func run(
        asOf: LocalDate, dryRun: Bool, batchSize: Int = Self.defaultBatchSize, actor: Actor,
        at instant: Date = Date(), waiting: () -> Void = {}, due: (DueCase) -> Void = { _ in }
    ) throws -> RunSummary {
        try actor.require(dryRun ? .read : .protectData)
        let policy = try PolicyStore(connection).policySet().inForce(on: asOf)
        var summary = RunSummary(asOf: asOf, policyVersion: policy.version, dryRun: dryRun)
        if !dryRun {
            let got = try connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))").first!.decode(
                Bool.self, at: 0)
            if !got {
                waiting()
                try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
            }
        }
        defer { if !dryRun { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") } }
        summary.onHold = try connection.query(
            """
            SELECT count(DISTINCT h.case_id) FROM legal_hold h JOIN complaint_case c ON c.id = h.case_id
            WHERE h.released_at IS NULL AND c.state = 'closed'
              AND NOT EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = c.id)
            """
        ).first!.decode(Int.self, at: 0)
        var after = 0
        while true {
            let page = try candidates(after: after, limit: max(batchSize, 1) * 5, schedule: policy.retention)
            guard let last = page.last else { break }
            after = last.id
            summary.checked += page.count
            let dueNow = page.filter { $0.retainedUntil <= asOf }
            var start = dueNow.startIndex
            while start < dueNow.endIndex {
                let batch = dueNow[start..<min(start + max(batchSize, 1), dueNow.endIndex)]
                start = batch.endIndex
                if dryRun {
                    batch.forEach(due)
                    summary.anonymised += batch.count
                    continue
                }
                let done = try connection.withStoreTransaction { connection in
                    var done: [DueCase] = []
                    for item in batch {
                        let wrote = try connection.query(
                            """
                            SELECT case_anonymise(\(item.id), 'retention', \(asOf), \(policy.version)::integer, \(actor.login), \(instant))
                            """
                        ).first!.decode(Bool.self, at: 0)
                        if wrote { done.append(item) }
                    }
                    return done
                }
                done.forEach(due)
                summary.anonymised += done.count
                // The database functions' plans are cached for the session, made when the first
                // cases were anonymised; a first run over years of cases grows case_anonymisation
                // from nothing, and plans made for an empty table read it whole for every case
                // (at a million cases a third of its speed). Each batch plans them afresh.
                try connection.execute("DISCARD PLANS")
            }
        }
        return summary
    }

    /// Closed cases after id `after`, not anonymised and on no hold, with their retention dates.
    func candidates(after: Int, limit: Int, schedule: RetentionSchedule) throws -> [DueCase] {
        try connection.query(
            """
            SELECT c.id, c.reference, c.outcome, (c.closed_at AT TIME ZONE o.time_zone)::date,
                   EXISTS (SELECT 1 FROM remedy_item r WHERE r.case_id = c.id),
                   (SELECT max(coalesce(r.verified_at, r.updated_at) AT TIME ZONE o.time_zone)::date
                    FROM remedy_item r WHERE r.case_id = c.id)
            FROM complaint_case c CROSS JOIN office o
            WHERE o.id AND c.id > \(after) AND c.state = 'closed' AND c.closed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.case_id = c.id AND h.released_at IS NULL)
            ORDER BY c.id LIMIT \(limit)
            """
        ).map { row in
            let outcome = try row.decode(String?.self, at: 2).flatMap(Outcome.init(rawValue:))
            let closedOn = try row.decode(LocalDate.self, at: 3)
            let hasRemedies = try row.decode(Bool.self, at: 4)
            return DueCase(
                id: try row.decode(Int.self, at: 0), reference: try row.decode(String.self, at: 1),
                retentionClass: RetentionSchedule.classify(outcome: outcome, hasRemedies: hasRemedies),
                closedOn: closedOn,
                retainedUntil: schedule.retainedUntil(
                    closedOn: closedOn, outcome: outcome, hasRemedies: hasRemedies,
                    lastRemedyEndedOn: try row.decode(LocalDate?.self, at: 5)))
        }
    }

    // MARK: Erasure

    /// Who an erasure request names: exactly one of an email address, a phone number or a name.
    public enum Person: Sendable, Hashable {
        case email(String)
        case phone(String)
        case name(String)

        var described: String {
            switch self {
            case let .email(value): return "the email \(value)"
            case let .phone(value): return "the phone number \(value)"
            case let .name(value): return "the name \"\(value)\""
            }
        }
    }

    /// One case and role in which the erased person appeared, and what was done.
    public struct Erasure: Sendable, Hashable {
        public var reference: String
        public var role: String
        /// "case anonymised" for a complainant, "party erased" for anyone else.
        public var action: String
    }

    /// Erases `person` from every case they appear in now: a complainant's case is anonymised
    /// whole; a representative is erased from the case, which stays. Call inside a transaction:
    /// when any of their cases is on hold, open or within the statutory minimum, nothing is
    /// written and the refusal names each such case and why.
    public func erase(_ person: Person, reason: String, actor: Actor, at instant: Date) throws -> [Erasure] {
        try actor.require(.protectData)
        guard !reason.isBlankText else {
            throw StoreError.invalid("An erasure needs a reason for the audit log.", hint: .give(["reason"]))
        }
        try TextField.checkLong("reason", reason)
        let condition: PostgresQuery
        switch person {
        case let .email(value):
            condition = "lower(btrim(p.email)) = lower(btrim(\(value)))"
        case let .phone(value):
            let digits = value.filter(\.isNumber)
            guard digits.count >= 4 else {
                throw StoreError.invalid(
                    "The phone number \"\(value)\" has fewer than 4 digits; give the whole number.",
                    hint: .give(["phone"]))
            }
            condition = "redress_person_phone_key(p.phone) = redress_person_phone_key(\(digits))"
        case let .name(value):
            guard !value.isBlankText else {
                throw StoreError.invalid("Give the person's name.", hint: .give(["name"]))
            }
            // Matched as `person find` matches names: any case, any spacing, NFKC.
            condition = "redress_person_name_key(p.name) = redress_person_name_key(\(value))"
        }
        var query: PostgresQuery = """
            SELECT p.id, p.case_id, c.reference, p.role, case_anonymisation_refusal(p.case_id)
            FROM party_identity p JOIN complaint_case c ON c.id = p.case_id
            WHERE NOT EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = p.case_id) AND
            """
        query.append(" ")
        query.append(condition)
        query.append(" ORDER BY c.id, p.role, p.id FOR UPDATE OF c")
        let found = try connection.query(query).map {
            (
                party: try $0.decode(Int.self, at: 0), caseID: try $0.decode(Int.self, at: 1),
                reference: try $0.decode(String.self, at: 2), role: try $0.decode(String.self, at: 3),
                refusal: try $0.decode(String?.self, at: 4)
            )
        }
        guard !found.isEmpty else { throw StoreError.personNotFound(person.described) }
        let refusals = found.compactMap { $0.refusal }
        if !refusals.isEmpty {
            var seen = Set<String>()
            let unique = refusals.filter { seen.insert($0).inserted }
            throw StoreError.refused(
                "Nothing was erased: \(unique.joined(separator: "; ")); erase again once the \(unique.count == 1 ? "case allows" : "cases allow") it."
            )
        }
        let context = try OfficeContext.load(connection)
        let today = context.localDate(instant)
        var done: [Erasure] = []
        var anonymised = Set<Int>()
        for item in found {
            if item.role == "complainant" {
                if anonymised.insert(item.caseID).inserted {
                    _ = try connection.query(
                        "SELECT case_anonymise(\(item.caseID), 'erasure', \(today), NULL::integer, \(actor.login), \(instant))"
                    )
                }
                done.append(Erasure(reference: item.reference, role: item.role, action: "case anonymised"))
            } else if !anonymised.contains(item.caseID) {
                _ = try connection.query(
                    "SELECT party_erase(\(item.party), \(actor.login), \(instant), \(today), \(reason))")
                done.append(Erasure(reference: item.reference, role: item.role, action: "party erased"))
            }
        }
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "person_erased",
            data: [
                "reason": .string(reason),
                "cases": .array(done.map { ["reference": .string($0.reference), "role": .string($0.role)] }),
            ])
        return done
    }
}
