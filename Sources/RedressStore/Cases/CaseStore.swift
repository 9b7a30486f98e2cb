public import Foundation
public import Postgres
import RedressCore

/// Cases: intake, reading, and every change the case commands make.
///
/// Each change runs in the caller's transaction (`withStoreTransaction`) and writes, with the
/// case, its clocks, its audit rows and its notices; a failure anywhere leaves nothing behind.
/// A change reads the case with its `version` and writes with `WHERE version = …`, so of two
/// people changing one case at once, one wins and the other gets `StoreError.changedMeanwhile`.
public struct CaseStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// A clock row with its pauses and extensions as one JSON object (`ClockRow`), for a
    /// query over `clock k`.
    static let clockJSON = """
        jsonb_build_object(
            'id', k.id, 'subject', k.subject, 'kind', k.kind, 'remedy_scale', k.remedy_scale, 'start_epoch', extract(epoch FROM k.start_at),
            'start_date', k.start_date, 'amount', k.allowance_amount, 'unit', k.allowance_unit,
            'policy_version', k.policy_version, 'urgent', k.urgent, 'ended_on', k.ended_on, 'cancelled_on', k.cancelled_on,
            'pauses', (SELECT coalesce(jsonb_agg(jsonb_build_object('from', p.from_date, 'to', p.to_date, 'cause', p.cause,
                    'reason', p.reason) ORDER BY p.position), '[]') FROM clock_pause p WHERE p.clock_id = k.id),
            'extensions', (SELECT coalesce(jsonb_agg(jsonb_build_object('amount', e.amount, 'reason', e.reason,
                    'approver_role', e.approver_role, 'approved_by', e.approved_by, 'on_date', e.on_date,
                    'with_consent', e.with_consent) ORDER BY e.grant_number), '[]') FROM clock_extension e WHERE e.clock_id = k.id)
        )::text
        """

    /// The case with `reference`, in one round trip.
    public func find(reference: String) throws -> CaseRecord? {
        try load(where: "cc.reference = \(reference)")
    }

    /// The case with `reference`, or `StoreError.caseNotFound`. A reference that is not of the
    /// form PREFIX-YYYY-NNNNNN is `CaseError.invalidReference`.
    public func require(reference: String) throws -> CaseRecord {
        _ = try CaseReference(parsing: reference)
        guard let record = try find(reference: reference) else { throw StoreError.caseNotFound(reference) }
        return record
    }

    func load(where condition: PostgresQuery) throws -> CaseRecord? {
        try loadAll(where: condition).first
    }

    /// Every case that `condition` (over `complaint_case cc`) selects, in one round trip. With
    /// `liveClocksOnly`, the records hold only the clocks still live: enough for a change that
    /// moves live clocks (the clock writer writes only what changed), not for the case's view.
    func loadAll(where condition: PostgresQuery, liveClocksOnly: Bool = false) throws -> [CaseRecord] {
        let clockCondition = liveClocksOnly ? " AND k.ended_on IS NULL AND k.cancelled_on IS NULL" : ""
        var query: PostgresQuery = """
            SELECT cc.id, cc.reference, cc.state, cc.outcome, cc.received_at, cc.received_on, cc.channel, cc.summary,
                cc.language, cc.incident_date, cc.late_filing, cc.late_filing_reason, cc.urgent, cc.confidential,
                cc.group_size, cc.assignee, cc.info_requests, cc.version, cc.opened_by, cc.created_at, cc.updated_at,
                cc.closed_at, r.name, r.email, r.head_of_body_name, r.head_of_body_email,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('role', p.role, 'name', pi.name, 'email', pi.email,
                        'phone', pi.phone, 'postal_address', pi.postal_address, 'language', p.language,
                        'contact_preference', p.contact_preference) ORDER BY p.role, p.position), '[]')::text
                    FROM party p JOIN party_identity pi ON pi.id = p.id WHERE p.case_id = cc.id),
                (SELECT coalesce(jsonb_agg(g.category_code ORDER BY g.category_code), '[]')::text
                    FROM case_category g WHERE g.case_id = cc.id),
                (SELECT coalesce(jsonb_agg(\(unsafeSQL: Self.clockJSON)::jsonb ORDER BY k.id), '[]')::text
                    FROM clock k WHERE k.case_id = cc.id\(unsafeSQL: clockCondition)),
                r.postal_address, r.head_of_body_phone, r.head_of_body_postal_address
            FROM complaint_case cc JOIN respondent_body r ON r.id = cc.respondent_id
            WHERE 
            """
        query.append(" ")
        query.append(condition)
        let decoder = JSONDecoder()
        struct PartyRow: Decodable {
            var role: String
            var name: String
            var email: String?
            var phone: String?
            var postal_address: String?
            var language: String?
            var contact_preference: ContactPreference?
            var party: Party {
                Party(
                    name: name, email: email, phone: phone, postalAddress: postal_address, language: language,
                    contactPreference: contact_preference)
            }
        }
        return try connection.query(query).map { row in
            let parties = try decoder.decode([PartyRow].self, from: Data(try row.decode(String.self, at: 26).utf8))
            let categories = try decoder.decode([String].self, from: Data(try row.decode(String.self, at: 27).utf8))
            let clocks = try decoder.decode([ClockRow].self, from: Data(try row.decode(String.self, at: 28).utf8))
            return CaseRecord(
                id: try row.decode(Int.self, at: 0), reference: try row.decode(String.self, at: 1),
                state: CaseState(rawValue: try row.decode(String.self, at: 2)) ?? .received,
                outcome: try row.decode(String?.self, at: 3).flatMap(Outcome.init(rawValue:)),
                receivedAt: try row.decode(Date.self, at: 4), receivedOn: try row.decode(LocalDate.self, at: 5),
                channel: Channel(rawValue: try row.decode(String.self, at: 6)) ?? .web,
                summary: try row.decode(String.self, at: 7),
                language: try row.decode(String.self, at: 8), incidentDate: try row.decode(LocalDate?.self, at: 9),
                lateFiling: try row.decode(Bool.self, at: 10), lateFilingReason: try row.decode(String?.self, at: 11),
                urgent: try row.decode(Bool.self, at: 12), confidential: try row.decode(Bool.self, at: 13),
                groupSize: try row.decode(Int?.self, at: 14),
                respondent: RespondentBody(
                    name: try row.decode(String.self, at: 22), email: try row.decode(String?.self, at: 23),
                    headOfBodyName: try row.decode(String?.self, at: 24),
                    headOfBodyEmail: try row.decode(String?.self, at: 25),
                    postalAddress: try row.decode(String?.self, at: 29),
                    headOfBodyPhone: try row.decode(String?.self, at: 30),
                    headOfBodyPostalAddress: try row.decode(String?.self, at: 31)),
                assignee: try row.decode(String?.self, at: 15), infoRequests: try row.decode(Int.self, at: 16),
                version: try row.decode(Int.self, at: 17), openedBy: try row.decode(String.self, at: 18),
                createdAt: try row.decode(Date.self, at: 19), updatedAt: try row.decode(Date.self, at: 20),
                closedAt: try row.decode(Date?.self, at: 21),
                complainants: parties.filter { $0.role == "complainant" }.map(\.party),
                representative: parties.first { $0.role == "representative" }?.party,
                categories: categories, clocks: clocks.map(\.stored))
        }
    }

    /// The codes of the rights categories a case may take (retired ones left out), in order.
    public func categoryCodes() throws -> [String] {
        try connection.query("SELECT code FROM rights_category WHERE retired_at IS NULL ORDER BY kind DESC, code").map {
            try $0.decode(String.self, at: 0)
        }
    }

    // MARK: Reading

    /// A case as `actor` may see it: identity redacted unless they may see it, and a
    /// `case_viewed` audit row when the case is confidential. Call inside a transaction.
    public func view(reference: String, actor: Actor, at instant: Date, purpose: String = "show") throws -> (
        record: CaseRecord, showIdentity: Bool
    ) {
        try actor.require(.read)
        var record = try require(reference: reference)
        let showIdentity = try showsIdentity(of: record, to: actor)
        if !showIdentity { record = record.withIdentityRedacted() }
        if record.confidential {
            try AuditLog(connection).record(
                caseID: record.id, actor: actor.login, at: instant, kind: "case_viewed",
                data: [
                    "purpose": .string(purpose), "identity_shown": .bool(showIdentity),
                ])
        }
        return (record, showIdentity)
    }

    /// The audit events of a case, oldest first.
    public func history(reference: String, actor: Actor, at instant: Date) throws -> [AuditEvent] {
        let (record, _) = try view(reference: reference, actor: actor, at: instant, purpose: "history")
        return try AuditLog(connection).history(caseID: record.id)
    }

    // MARK: Intake

    /// Registers a complaint: a gapless reference, its parties and categories, the clocks and
    /// the `case_opened` audit row of `Lifecycle.open` (`CaseOpening`, shared with import and
    /// the demo seed). Call inside a transaction.
    public func open(_ new: NewCase, actor: Actor) throws -> CaseRecord {
        try actor.require(Lifecycle.intakePermission)
        let context = try OfficeContext.load(connection, lock: .share)
        try CategoryStore(connection).requireCurrent(new.categories)
        let known = Set(try categoryCodes())
        let intake = try IntakeValidator(context: context, knownCategories: known).validate(new)
        // What needs no reference number comes first: the number's counter row stays locked
        // until commit, so every other intake of the year waits for whatever follows it.
        let respondent = try respondent(for: new.respondent)
        try PolicyStore(connection).storeDefault()
        let number = try takeReferenceNumbers(
            prefix: context.settings.referencePrefix, year: intake.receivedOn.year, count: 1)
        let reference = try CaseReference(
            prefix: context.settings.referencePrefix, year: intake.receivedOn.year, number: number
        ).formatted
        let opening = try CaseOpening(
            new, intake: intake, reference: reference, openedBy: actor.login, respondent: respondent.stored,
            context: context)
        var record = opening.record
        let row = try connection.query(
            """
            INSERT INTO complaint_case (reference, received_at, received_on, channel, summary, language, incident_date,
                late_filing, late_filing_reason, urgent, confidential, group_size, respondent_id, opened_by)
            VALUES (\(reference), \(record.receivedAt), \(record.receivedOn), \(record.channel.rawValue), \(record.summary), \(record.language),
                \(record.incidentDate), \(record.lateFiling), \(record.lateFilingReason), \(record.urgent),
                \(record.confidential), \(record.groupSize), \(respondent.id), \(record.openedBy))
            RETURNING id, received_at, info_requests, version, created_at, updated_at
            """
        ).first!
        let caseID = try row.decode(Int.self, at: 0)
        for (role, position, party) in record.partyRows {
            try insertParty(caseID: caseID, role: role, position: position, party)
        }
        if !record.categories.isEmpty {
            try connection.execute(
                """
                INSERT INTO case_category (case_id, category_code)
                SELECT \(caseID)::bigint, code FROM unnest(\(PostgresTextArray(record.categories))::text[]) AS code
                """)
        }
        // The record is what was just written, so the case is not read back: that read was the
        // costliest statement while the year's reference counter is locked.
        record.id = caseID
        record.receivedAt = try row.decode(Date.self, at: 1)
        record.infoRequests = try row.decode(Int.self, at: 2)
        record.version = try row.decode(Int.self, at: 3)
        record.createdAt = try row.decode(Date.self, at: 4)
        record.updatedAt = try row.decode(Date.self, at: 5)
        try ClockWriter(connection: connection).save(
            &record.clocks, caseID: caseID, calendar: context.calendar, asOf: intake.receivedOn)
        try AuditLog(connection).record(
            caseID: caseID, actor: actor.login, at: new.receivedAt, kind: opening.eventKind, data: opening.event)
        return record
    }

    /// Takes `count` consecutive numbers of the year from its counter row, in the caller's
    /// transaction, and returns the first; a rollback gives them back, so references stay gapless.
    func takeReferenceNumbers(prefix: String, year: Int, count: Int) throws -> Int {
        do {
            let last = try connection.query(
                """
                INSERT INTO reference_counter (prefix, year, last_number) VALUES (\(prefix), \(year), \(count))
                ON CONFLICT (prefix, year) DO UPDATE SET last_number = reference_counter.last_number + EXCLUDED.last_number
                RETURNING last_number
                """
            ).first!.decode(Int.self, at: 0)
            return last - count + 1
        } catch {
            if error.constraint == "reference_counter_fits_six_digits" {
                throw StoreError.referenceNumbersExhausted(prefix: prefix, year: year)
            }
            throw error
        }
    }

    /// The respondent body a complaint names, found by its normalised name or an alias, added
    /// to the register when new, with the details the complaint adds (`respondent_for_intake`,
    /// which writes nothing when it adds none, so no row lock is held until commit by every
    /// complaint about a busy body).
    func respondent(for body: RespondentBody) throws -> (id: Int, stored: RespondentBody) {
        try Self.respondent(
            connection.query(
                """
                SELECT r.id, \(unsafeSQL: RespondentBody.columns)
                FROM respondent_for_intake(\(body.name), \(body.email), \(body.headOfBodyName), \(body.headOfBodyEmail)) AS r
                """
            ).first!)
    }

    /// A respondent body from a row of its id and `RespondentBody.columns`.
    static func respondent(_ row: PostgresRow) throws -> (id: Int, stored: RespondentBody) {
        (
            try row.decode(Int.self, at: 0),
            RespondentBody(
                name: try row.decode(String.self, at: 1), email: try row.decode(String?.self, at: 2),
                headOfBodyName: try row.decode(String?.self, at: 3),
                headOfBodyEmail: try row.decode(String?.self, at: 4),
                postalAddress: try row.decode(String?.self, at: 5),
                headOfBodyPhone: try row.decode(String?.self, at: 6),
                headOfBodyPostalAddress: try row.decode(String?.self, at: 7))
        )
    }

    func insertParty(caseID: Int, role: String, position: Int, _ party: Party) throws {
        try connection.execute(
            """
            INSERT INTO party (case_id, role, position, name, email, phone, postal_address, language, contact_preference)
            VALUES (\(caseID), \(role), \(position), \(party.name), \(party.email), \(party.phone), \(party.postalAddress),
                \(party.language), \(party.contactPreference?.rawValue))
            """)
    }
}
