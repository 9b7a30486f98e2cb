public import Foundation
public import Postgres
public import RedressCore

/// An arbitration as stored.
public struct ArbitrationRecord: Sendable, Hashable {
    public var id: Int
    public var arbitration: Arbitration
}

/// Arbitration (SPEC §2.6): both parties' consent (the case leaves mediation for arbitration on
/// the second), the panel (`arbitration_overall` starts), hearings (`hearing_notice` to both
/// parties), the close of the hearing (`arbitration_award` starts) and the award, which moves the
/// case to `decided` with its remedy items.
public struct ArbitrationStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The case's arbitration, if consent to one was ever recorded.
    static func load(_ connection: PostgresConnection, caseID: Int) throws -> ArbitrationRecord? {
        guard
            let row = try connection.query(
                """
                SELECT id, panel_constituted_on, hearing_closed_on, award_text, award_binding, awarded_on
                FROM arbitration WHERE case_id = \(caseID)
                """
            ).first
        else { return nil }
        let id = try row.decode(Int.self, at: 0)
        var arbitration = Arbitration()
        arbitration.panelConstitutedOn = try row.decode(LocalDate?.self, at: 1)
        arbitration.hearingClosedOn = try row.decode(LocalDate?.self, at: 2)
        if let text = try row.decode(String?.self, at: 3), let binding = try row.decode(Bool?.self, at: 4),
            let on = try row.decode(LocalDate?.self, at: 5)
        {
            arbitration.award = Arbitration.Award(text: text, binding: binding, on: on)
        }
        for consent in try connection.query(
            "SELECT party, consented_on FROM arbitration_consent WHERE arbitration_id = \(id)")
        {
            guard let party = DisputeParty(rawValue: try consent.decode(String.self, at: 0)) else { continue }
            arbitration.consents[party] = try consent.decode(LocalDate.self, at: 1)
        }
        arbitration.arbitrators = try connection.query(
            """
            SELECT name FROM arbitrator WHERE arbitration_id = \(id) ORDER BY position
            """
        ).map { try $0.decode(String.self, at: 0) }
        arbitration.hearings = try connection.query(
            """
            SELECT held_at, place FROM arbitration_hearing WHERE arbitration_id = \(id) ORDER BY held_at, id
            """
        ).map { Arbitration.Hearing(at: try $0.decode(Date.self, at: 0), place: try $0.decode(String.self, at: 1)) }
        return ArbitrationRecord(id: id, arbitration: arbitration)
    }

    /// Records `party`'s consent. The case must be in mediation (not settled) or arbitration.
    /// With both consents the mediation, if still open, ends as failed, an interrupted
    /// investigation's clocks are cancelled, and the case moves to `arbitration`.
    public func consent(
        reference: String, party: DisputeParty, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        var both = false
        var change = try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor,
            permission: .workCase, at: instant
        ) { record, context, _ in
            let mediation = try MediationStore.latest(connection, caseID: record.id)
            try Arbitration.checkConsent(caseState: record.state, mediation: mediation?.mediation)
            var row =
                try Self.load(connection, caseID: record.id)
                ?? ArbitrationRecord(
                    id: try connection.query(
                        """
                        INSERT INTO arbitration (case_id) VALUES (\(record.id)) RETURNING id
                        """
                    ).first!.decode(Int.self, at: 0), arbitration: Arbitration())
            try row.arbitration.consent(party, at: instant, calendar: context.calendar)
            try connection.execute(
                """
                INSERT INTO arbitration_consent (arbitration_id, party, consented_at, consented_on, recorded_by)
                VALUES (\(row.id), \(party.rawValue), \(instant), \(row.arbitration.consents[party]!), \(actor.login))
                """)
            var effects = ClockEffects()
            var notices: [NoticeRequest] = []
            both = row.arbitration.hasBothConsents && record.state == .mediation
            if both {
                let left = try MediationStore(connection).leaving(
                    &record, to: .arbitration, context: context, at: instant)
                effects.absorb(left.effects)
                notices += left.notices
                effects.absorb(
                    try record.applyResolution(
                        try Arbitration.entryEffects(at: instant, calendar: context.calendar), context: context))
            }
            return (
                "arbitration_consented",
                ["party": .string(party.rawValue), "both_consented": .bool(row.arbitration.hasBothConsents)], effects,
                notices
            )
        }
        if both {
            let moved = try CaseStore(connection).move(
                reference: reference, MoveRequest(to: .arbitration), actor: actor, at: instant)
            change.record = moved.record
            change.effects.absorb(moved.effects)
            change.notices += moved.notices
        }
        return change
    }

    /// Appoints arbitrators; the first appointment constitutes the panel and starts
    /// `arbitration_overall` (6 months).
    public func appoint(
        reference: String, arbitrators: [String], actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try arbitrationChange(
            reference: reference, kind: "arbitrators_appointed", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            row, record, context, date in
            let before = row.arbitration.arbitrators.count
            let clockEffects = try row.arbitration.appoint(arbitrators, at: instant, calendar: context.calendar)
            for (offset, name) in row.arbitration.arbitrators.dropFirst(before).enumerated() {
                try connection.execute(
                    """
                    INSERT INTO arbitrator (arbitration_id, position, name, appointed_at)
                    VALUES (\(row.id), \(before + offset + 1), \(name), \(instant))
                    """)
            }
            if before == 0 {
                try connection.execute("UPDATE arbitration SET panel_constituted_on = \(date) WHERE id = \(row.id)")
            }
            let effects = try record.applyResolution(clockEffects, context: context)
            let due = record.liveClock(.arbitrationOverall, subject: nil)?.clock.dueDate(on: context.calendar)
            return (
                [
                    "arbitrators": .array(row.arbitration.arbitrators.dropFirst(before).map(JSONValue.string)),
                    "arbitration_overall_due_date": .text(due?.iso),
                ], effects, []
            )
        }
    }

    /// Records a hearing (its time and its place or link) and sends the hearing notice to both parties.
    public func addHearing(
        reference: String, heldAt: Date, place: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try arbitrationChange(
            reference: reference, kind: "hearing_scheduled", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            row, record, _, _ in
            try row.arbitration.addHearing(at: heldAt, place: place)
            let hearing = row.arbitration.hearings.last!
            try connection.execute(
                """
                INSERT INTO arbitration_hearing (arbitration_id, held_at, place, recorded_by)
                VALUES (\(row.id), \(hearing.at), \(hearing.place), \(actor.login))
                """)
            let data: [String: JSONValue] = [
                "held_at": .string(CaseStore.isoInstant(heldAt)), "place": .string(hearing.place),
            ]
            let notice: [String: JSONValue] = [
                "hearing_at": .string(CaseStore.isoInstant(heldAt)), "hearing_place": .string(hearing.place),
                "arbitrators": .array(row.arbitration.arbitrators.map(JSONValue.string)),
            ]
            return (
                data, ClockEffects(), CaseStore(connection).partyNotices(record, kind: "hearing_notice", data: notice)
            )
        }
    }

    /// Closes the hearing: `arbitration_award` (20 working days) starts.
    public func closeHearing(reference: String, actor: Actor, at instant: Date, expectVersion: Int? = nil) throws
        -> CaseChange
    {
        try arbitrationChange(
            reference: reference, kind: "hearing_closed", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            row, record, context, date in
            let effects = try record.applyResolution(
                try row.arbitration.closeHearing(at: instant, calendar: context.calendar), context: context)
            try connection.execute(
                """
                UPDATE arbitration SET hearing_closed_at = \(instant), hearing_closed_on = \(date) WHERE id = \(row.id)
                """)
            let due = record.liveClock(.arbitrationAward, subject: nil)?.clock.dueDate(on: context.calendar)
            return (["arbitration_award_due_date": .text(due?.iso)], effects, [])
        }
    }

    /// Makes the award: refused without both parties' consent, before the hearing is closed, or
    /// without text. The case moves to `decided` with outcome `award`; the award's clocks end; its
    /// remedies become items, accepted when the award binds and proposed when it is advisory;
    /// `respondent_reply` starts; the decision goes to both parties.
    public func award(
        reference: String, text: String, binding: Bool, remedies: [RemedySpec], actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        try actor.require(.workCase)
        let current = try CaseStore(connection).require(reference: reference)
        let context = try OfficeContext.load(connection)
        var check = try Self.load(connection, caseID: current.id)?.arbitration ?? Arbitration()
        guard check.hasBothConsents else {
            throw ResolutionError.consentMissing("an award", missing: check.missingConsents)
        }
        guard current.state == .arbitration else {
            throw ResolutionError.wrongState(action: "receive an award", state: current.state, needed: [.arbitration])
        }
        _ = try check.makeAward(text: text, binding: binding, at: instant, calendar: context.calendar)
        let awardText = check.award!.text
        let decision = Decision(kind: .award, outcome: .award, text: awardText, binding: binding, issuedAt: instant)
        _ = try decision.issue(from: .arbitration, itemCount: remedies.count, calendar: context.calendar)
        return try CaseStore(connection).moveThenChange(
            reference: reference,
            move: MoveRequest(to: .decided, outcome: .award, awardText: awardText, binding: binding),
            expectVersion: expectVersion, actor: actor, at: instant
        ) { record, context, date in
            var row = try Self.load(connection, caseID: record.id)!
            var effects = try record.applyResolution(
                try row.arbitration.makeAward(text: text, binding: binding, at: instant, calendar: context.calendar),
                context: context)
            try connection.execute(
                """
                UPDATE arbitration SET award_text = \(awardText), award_binding = \(binding), awarded_at = \(instant), awarded_on = \(date)
                WHERE id = \(row.id)
                """)
            var notices: [NoticeRequest] = []
            var data = try DecisionStore.issue(
                decision, from: .arbitration, specs: remedies, record: &record, context: context, actor: actor,
                date: date, connection: connection, effects: &effects, notices: &notices)
            data["arbitration_id"] = .int(row.id)
            return ("award_made", data, effects, notices)
        }
    }

    private func arbitrationChange(
        reference: String, kind: String, actor: Actor, at instant: Date, expectVersion: Int?,
        _ body: (inout ArbitrationRecord, inout CaseRecord, OfficeContext, LocalDate) throws -> (
            [String: JSONValue], ClockEffects, [NoticeRequest]
        )
    ) throws -> CaseChange {
        try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) {
            record, context, date in
            guard var row = try Self.load(connection, caseID: record.id) else {
                throw ResolutionError.consentMissing(
                    kind == "arbitrators_appointed" ? "appointing arbitrators" : "arbitration",
                    missing: DisputeParty.allCases)
            }
            guard row.arbitration.hasBothConsents else {
                throw ResolutionError.consentMissing(
                    kind == "arbitrators_appointed" ? "appointing arbitrators" : "arbitration",
                    missing: row.arbitration.missingConsents)
            }
            guard record.state == .arbitration else {
                throw ResolutionError.wrongState(
                    action: "take arbitration steps", state: record.state, needed: [.arbitration])
            }
            let (data, effects, notices) = try body(&row, &record, context, date)
            return (kind, data, effects, notices)
        }
    }
}
