public import Foundation
public import Postgres
public import RedressCore

/// A mediation as stored: the RedressCore mediation and its row.
public struct MediationRecord: Sendable, Hashable {
    public var id: Int
    public var mediation: Mediation
    public var offeredBy: String
    public var endReason: String?
}

/// Mediation (SPEC §2.6): the offer, each party's answer, sessions, and the outcome, each with
/// its clocks, audit row and notices (`mediation_offer`, `mediation_outcome`, `decision`).
public struct MediationStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The case's latest mediation.
    static func latest(_ connection: PostgresConnection, caseID: Int) throws -> MediationRecord? {
        guard
            let row = try connection.query(
                """
                SELECT id, status, offered_at, offered_on, offered_by, mediator, ended_on, end_reason
                FROM mediation WHERE case_id = \(caseID) ORDER BY id DESC LIMIT 1
                """
            ).first
        else { return nil }
        let id = try row.decode(Int.self, at: 0)
        let status = try row.decode(String.self, at: 1)
        var mediation = Mediation(
            offeredAt: try row.decode(Date.self, at: 2), offeredOn: try row.decode(LocalDate.self, at: 3),
            mediator: try row.decode(String?.self, at: 5), outcome: MediationOutcome(rawValue: status),
            endedOn: try row.decode(LocalDate?.self, at: 6))
        for answer in try connection.query(
            """
            SELECT party, accepted, answered_on, deemed FROM mediation_answer WHERE mediation_id = \(id)
            """)
        {
            guard let party = DisputeParty(rawValue: try answer.decode(String.self, at: 0)) else { continue }
            mediation.answers[party] = Mediation.Answer(
                accepted: try answer.decode(Bool.self, at: 1), on: try answer.decode(LocalDate.self, at: 2),
                deemed: try answer.decode(Bool.self, at: 3))
        }
        mediation.sessions = try connection.query(
            """
            SELECT held_at, place, mediator FROM mediation_session WHERE mediation_id = \(id) ORDER BY held_at, id
            """
        ).map {
            Mediation.Session(
                at: try $0.decode(Date.self, at: 0), place: try $0.decode(String.self, at: 1),
                mediator: try $0.decode(String.self, at: 2))
        }
        return MediationRecord(
            id: id, mediation: mediation, offeredBy: try row.decode(String.self, at: 4),
            endReason: try row.decode(String?.self, at: 7))
    }

    /// The due date of the case's live acceptance clock, or nil when it is paused or none runs.
    static func acceptanceDue(_ record: CaseRecord, context: OfficeContext) -> LocalDate? {
        record.liveClock(.mediationAcceptance, subject: nil)?.clock.dueDate(on: context.calendar)
    }

    private func save(_ row: MediationRecord) throws {
        let mediation = row.mediation
        try connection.execute(
            """
            UPDATE mediation SET status = \(mediation.status.rawValue), mediator = \(mediation.mediator), ended_on = \(mediation.endedOn),
                ended_at = CASE WHEN \(mediation.endedOn) IS NULL THEN NULL ELSE coalesce(ended_at, now()) END,
                end_reason = \(row.endReason)
            WHERE id = \(row.id)
            """)
        for (party, answer) in mediation.answers {
            try connection.execute(
                """
                INSERT INTO mediation_answer (mediation_id, party, accepted, answered_on, deemed, recorded_by)
                VALUES (\(row.id), \(party.rawValue), \(answer.accepted), \(answer.on), \(answer.deemed), session_user)
                ON CONFLICT (mediation_id, party) DO NOTHING
                """)
        }
    }

    // MARK: Commands

    /// Offers mediation: the case moves to `mediation` (from triage or investigation; the
    /// investigation clock pauses), `mediation_acceptance` starts, and the offer goes to both parties.
    public func offer(reference: String, mediator: String?, actor: Actor, at instant: Date, expectVersion: Int? = nil)
        throws -> CaseChange
    {
        try actor.require(.workCase)
        let current = try CaseStore(connection).require(reference: reference)
        if let mediator {
            try Self.requireMayNameMediator(actor, of: current)
            try Self.requireMediator(connection, mediator)
        }
        let context = try OfficeContext.load(connection)
        let latest = try Self.latest(connection, caseID: current.id)
        let plan = try Mediation.offer(
            caseState: current.state, latest: latest?.mediation, at: instant,
            policy: try context.policies.inForce(on: context.localDate(instant)), calendar: context.calendar)
        return try CaseStore(connection).moveThenChange(
            reference: reference, move: plan.move.map { MoveRequest(to: $0) },
            expectVersion: expectVersion, actor: actor, at: instant
        ) { record, context, date in
            let effects = try record.applyResolution(plan.effects, context: context)
            let id = try connection.query(
                """
                INSERT INTO mediation (case_id, offered_at, offered_on, offered_by, mediator)
                VALUES (\(record.id), \(instant), \(date), \(actor.login), \(mediator))
                RETURNING id
                """
            ).first!.decode(Int.self, at: 0)
            let due = Self.acceptanceDue(record, context: context)
            let data: [String: JSONValue] = [
                "mediation_id": .int(id), "mediator": .text(mediator), "acceptance_due_date": .text(due?.iso),
            ]
            let notices = CaseStore(connection).partyNotices(
                record, kind: "mediation_offer", data: ["acceptance_due_date": .text(due?.iso)])
            return ("mediation_offered", data, effects, notices)
        }
    }

    /// Records one party's acceptance or refusal. Once both have accepted, the acceptance clock
    /// ends and the mediation clock (30 working days) starts; a refusal ends the acceptance clock
    /// and sends the outcome to both parties. An answer after the acceptance clock's due date is
    /// refused: the offer was deemed declined.
    public func answer(
        reference: String, party: DisputeParty, accepts: Bool, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try mediationChange(
            reference: reference, kind: accepts ? "mediation_accepted" : "mediation_declined", actor: actor,
            at: instant,
            expectVersion: expectVersion
        ) { row, record, context, _ in
            let due = Self.acceptanceDue(record, context: context)
            let clockEffects = try row.mediation.answer(
                party, accepts: accepts, at: instant, calendar: context.calendar, acceptanceDue: due)
            let effects = try record.applyResolution(clockEffects, context: context)
            var data: [String: JSONValue] = [
                "party": .string(party.rawValue), "status": .string(row.mediation.status.rawValue),
            ]
            var notices: [NoticeRequest] = []
            switch row.mediation.status {
            case .underway:
                let mediationDue = record.liveClock(.mediation, subject: nil)?.clock.dueDate(on: context.calendar)
                data["mediation_due_date"] = .text(mediationDue?.iso)
            case .declined:
                notices = CaseStore(connection).partyNotices(
                    record, kind: "mediation_outcome",
                    data: [
                        "outcome": "declined", "settled": false, "declined_by": .string(party.rawValue), "terms": [],
                        "next_route": nil,
                    ])
            default:
                break
            }
            return (data, effects, notices)
        }
    }

    /// Records a session: its time, its place or link, and its mediator (a staff login, who may
    /// then read the notes recorded under the mediation).
    public func addSession(
        reference: String, heldAt: Date, place: String, mediator: String, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        try Self.requireMediator(connection, mediator)
        return try mediationChange(
            reference: reference, kind: "mediation_session", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            row, record, context, _ in
            try Self.requireMayNameMediator(actor, of: record)
            try row.mediation.addSession(at: heldAt, place: place, mediator: mediator, calendar: context.calendar)
            let session = row.mediation.sessions.last!
            try connection.execute(
                """
                INSERT INTO mediation_session (mediation_id, held_at, place, mediator, recorded_by)
                VALUES (\(row.id), \(session.at), \(session.place), \(session.mediator), \(actor.login))
                """)
            return (
                [
                    "held_at": .string(CaseStore.isoInstant(heldAt)), "place": .string(session.place),
                    "mediator": .string(mediator),
                ], ClockEffects(), []
            )
        }
    }

    /// Records a settlement: each term becomes a remedy item, agreed (accepted, its clock
    /// running); the case moves to `decided` with outcome `settled`; the mediation clock ends;
    /// the outcome and the decision go to both parties.
    public func settle(
        reference: String, terms: [RemedySpec], actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try actor.require(.workCase)
        let current = try CaseStore(connection).require(reference: reference)
        guard current.state == .mediation else {
            throw ResolutionError.wrongState(action: "record a settlement", state: current.state, needed: [.mediation])
        }
        guard let latest = try Self.latest(connection, caseID: current.id) else { throw ResolutionError.noMediation }
        let context = try OfficeContext.load(connection)
        var check = latest.mediation
        _ = try check.end(.settled, at: instant, calendar: context.calendar, termCount: terms.count)
        let text = terms.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
        let decision = Decision(kind: .settlement, outcome: .settled, text: text, issuedAt: instant)
        _ = try decision.issue(from: .mediation, itemCount: terms.count, calendar: context.calendar)
        return try CaseStore(connection).moveThenChange(
            reference: reference, move: MoveRequest(to: .decided, outcome: .settled, terms: text),
            expectVersion: expectVersion, actor: actor, at: instant
        ) { record, context, date in
            var row = latest
            var effects = try record.applyResolution(
                try row.mediation.end(.settled, at: instant, calendar: context.calendar, termCount: terms.count),
                context: context)
            try save(row)
            var notices: [NoticeRequest] = []
            var data = try DecisionStore.issue(
                decision, from: .mediation, specs: terms, record: &record, context: context, actor: actor,
                date: date, connection: connection, effects: &effects, notices: &notices)
            notices =
                CaseStore(connection).partyNotices(
                    record, kind: "mediation_outcome",
                    data: [
                        "outcome": "settled", "settled": true, "terms": data["remedies"] ?? [], "next_route": nil,
                    ]) + notices
            data["mediation_id"] = .int(row.id)
            return ("settlement_recorded", data, effects, notices)
        }
    }

    /// Records that the mediation failed (or was withdrawn): its running clock ends, the outcome
    /// goes to both parties, and with `then: .investigation` the case moves on to investigation
    /// (the paused investigation clock resumes, or the investigation's clocks start). With
    /// `then: .arbitration` the case stays in mediation until both parties' consent is recorded
    /// (`ArbitrationStore.consent`), which takes it to arbitration.
    public func fail(
        reference: String, withdrawn: Bool = false, reason: String?, then next: CaseState?, actor: Actor,
        at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        if let next, next != .investigation, next != .arbitration {
            throw StoreError.invalid(
                "After a failed mediation the case goes on to investigation or arbitration, not \(next).",
                hint: .choose("then", ["investigation", "arbitration"]))
        }
        let outcome: MediationOutcome = withdrawn ? .withdrawn : .failed
        var change = try mediationChange(
            reference: reference, kind: withdrawn ? "mediation_withdrawn" : "mediation_failed", actor: actor,
            at: instant,
            expectVersion: expectVersion
        ) { row, record, context, _ in
            let effects = try record.applyResolution(
                try row.mediation.end(outcome, at: instant, calendar: context.calendar), context: context)
            row.endReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            var data: [String: JSONValue] = ["outcome": .string(outcome.rawValue)]
            if let reason { data["reason"] = .string(reason) }
            if let next { data["then"] = .string(next.rawValue) }
            let notices = CaseStore(connection).partyNotices(
                record, kind: "mediation_outcome",
                data: [
                    "outcome": .string(outcome.rawValue), "settled": false, "terms": [],
                    "next_route": .text(next?.rawValue),
                ])
            return (data, effects, notices)
        }
        if next == .investigation {
            let moved = try CaseStore(connection).move(
                reference: reference, MoveRequest(to: .investigation), actor: actor, at: instant)
            change.record = moved.record
            change.effects.absorb(moved.effects)
            change.notices += moved.notices
        }
        return change
    }

    /// Brings the case's mediation up to date as the case leaves `mediation` for `target` by a
    /// lifecycle move: an offer that ran out unanswered is recorded as deemed declined (its
    /// acceptance clock ends on its due date), and a mediation still open ends as failed (or as
    /// withdrawn when the case closes). A settlement is recorded by `settle`, not here.
    /// Returns the clock effects and the `mediation_outcome` notices to both parties.
    func leaving(_ record: inout CaseRecord, to target: CaseState, context: OfficeContext, at instant: Date) throws -> (
        effects: ClockEffects, notices: [NoticeRequest]
    ) {
        guard target != .decided, var row = try Self.latest(connection, caseID: record.id) else {
            return (ClockEffects(), [])
        }
        let date = context.localDate(instant)
        var effects = row.mediation.lapse(asOf: date, acceptanceDue: Self.acceptanceDue(record, context: context))
        if !row.mediation.status.isOver {
            effects += try row.mediation.end(
                target == .closed ? .withdrawn : .failed, at: instant, calendar: context.calendar)
            row.endReason = "the case moved to \(target)"
        }
        guard !effects.isEmpty else { return (ClockEffects(), []) }
        let summary = try record.applyResolution(effects, context: context)
        try save(row)
        var data: [String: JSONValue] = [
            "outcome": .string(row.mediation.status.rawValue), "settled": false, "terms": [],
            "next_route": target == .closed ? nil : .string(target.rawValue),
        ]
        if let deemed = DisputeParty.allCases.first(where: { row.mediation.answers[$0]?.deemed == true }) {
            data["declined_by"] = .string(deemed.rawValue)
            data["deemed"] = true
        }
        return (summary, CaseStore(connection).partyNotices(record, kind: "mediation_outcome", data: data))
    }

    private func mediationChange(
        reference: String, kind: String, actor: Actor, at instant: Date, expectVersion: Int?,
        _ body: (inout MediationRecord, inout CaseRecord, OfficeContext, LocalDate) throws -> (
            [String: JSONValue], ClockEffects, [NoticeRequest]
        )
    ) throws -> CaseChange {
        try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) {
            record, context, date in
            guard record.state == .mediation else {
                throw ResolutionError.wrongState(
                    action: "take mediation steps", state: record.state, needed: [.mediation])
            }
            guard var row = try Self.latest(connection, caseID: record.id) else { throw ResolutionError.noMediation }
            var (data, effects, notices) = try body(&row, &record, context, date)
            try save(row)
            data["mediation_id"] = .int(row.id)
            return (kind, data, effects, notices)
        }
    }

    /// Only the case's assignee, a supervisor or the ombudsperson names a mediator: the mediator
    /// reads the confidential mediation notes, so no one may appoint themselves to another's case.
    static func requireMayNameMediator(_ actor: Actor, of record: CaseRecord) throws {
        guard actor.roles.contains(.supervisor) || actor.roles.contains(.ombudsperson) || record.assignee == actor.login
        else {
            throw StoreError.notPermitted(
                login: actor.login, action: "name the mediator of \(record.reference), which is not assigned to them",
                allowed: [.supervisor, .ombudsperson])
        }
    }

    static func requireMediator(_ connection: PostgresConnection, _ login: String) throws {
        guard !login.isBlankText else { throw ResolutionError.mediatorMissing }
        guard let member = try StaffStore(connection).member(login), member.active else {
            throw StoreError.staffNotFound(login)
        }
    }
}
