public import Foundation
public import Postgres
public import RedressCore

/// A decision, settlement or award as stored.
public struct DecisionRecord: Sendable, Hashable {
    public var id: Int
    public var decision: Decision
    public var issuedOn: LocalDate
    public var issuedBy: String
}

/// Investigation records (the respondent's first response, further requests to the respondent,
/// findings) and decisions (SPEC §2.1): the decision moves the case to `decided`, starts
/// `respondent_reply`, and turns each recommendation into a proposed remedy item.
public struct DecisionStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The states in which the investigation's records may be added.
    public static let investigationStates: [CaseState] = [.investigation, .onHold, .awaitingInfo]

    /// The case's latest decision, settlement or award.
    static func latest(_ connection: PostgresConnection, caseID: Int) throws -> DecisionRecord? {
        try connection.query(
            """
            SELECT id, kind, outcome, text, binding, issued_at, issued_on, issued_by
            FROM decision WHERE case_id = \(caseID) ORDER BY id DESC LIMIT 1
            """
        ).first.map { row in
            DecisionRecord(
                id: try row.decode(Int.self, at: 0),
                decision: Decision(
                    kind: DecisionKind(rawValue: try row.decode(String.self, at: 1)) ?? .decision,
                    outcome: Outcome(rawValue: try row.decode(String.self, at: 2)) ?? .upheld,
                    text: try row.decode(String.self, at: 3), binding: try row.decode(Bool?.self, at: 4),
                    issuedAt: try row.decode(Date.self, at: 5)),
                issuedOn: try row.decode(LocalDate.self, at: 6), issuedBy: try row.decode(String.self, at: 7))
        }
    }

    /// The case's investigation records (an empty record when none were made yet).
    static func investigation(_ connection: PostgresConnection, caseID: Int) throws -> (
        exists: Bool, investigation: Investigation, note: String?
    ) {
        var investigation = Investigation()
        var note: String?
        var exists = false
        if let row = try connection.query(
            """
            SELECT first_response_on, first_response_note, findings FROM investigation WHERE case_id = \(caseID)
            """
        ).first {
            exists = true
            investigation.firstResponseOn = try row.decode(LocalDate?.self, at: 0)
            note = try row.decode(String?.self, at: 1)
            investigation.findings = try row.decode(String?.self, at: 2)
        }
        investigation.requests = try connection.query(
            """
            SELECT number, about, requested_on, answered_on FROM respondent_request WHERE case_id = \(caseID) ORDER BY number
            """
        ).map { row in
            Investigation.Request(
                number: try row.decode(Int.self, at: 0), about: try row.decode(String.self, at: 1),
                requestedOn: try row.decode(LocalDate.self, at: 2), answeredOn: try row.decode(LocalDate?.self, at: 3))
        }
        return (exists, investigation, note)
    }

    // MARK: Investigation

    /// Records the respondent's first written response: `respondent_response` ends.
    public func recordResponse(
        reference: String, note: String?, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try investigationChange(
            reference: reference, kind: "respondent_responded", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            investigation, record, context, date in
            let effects = try investigation.recordFirstResponse(at: instant, calendar: context.calendar)
            try connection.execute(
                """
                INSERT INTO investigation (case_id, first_response_at, first_response_on, first_response_note)
                VALUES (\(record.id), \(instant), \(date), \(note))
                ON CONFLICT (case_id) DO UPDATE SET first_response_at = EXCLUDED.first_response_at,
                    first_response_on = EXCLUDED.first_response_on, first_response_note = EXCLUDED.first_response_note
                """)
            return (
                try record.applyResolution(effects, context: context), note.map { ["note": .string($0)] } ?? [:], []
            )
        }
    }

    /// Sends the respondent a further request for information, with a clock of its own
    /// (10 working days; half, rounded up, on an urgent case); returns the request's number.
    public func requestInformation(
        reference: String, about: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> (change: CaseChange, number: Int) {
        var number = 0
        let change = try investigationChange(
            reference: reference, kind: "respondent_information_requested", actor: actor, at: instant,
            expectVersion: expectVersion
        ) { investigation, record, context, date in
            let policy = try context.policies.inForce(on: date)
            let allowance = Investigation.requestAllowance(urgent: record.urgent, policy: policy)
            let made = try investigation.request(about, at: instant, calendar: context.calendar, allowance: allowance)
            number = made.number
            let text = investigation.requests.last!.about
            try connection.execute(
                """
                INSERT INTO respondent_request (case_id, number, about, requested_at, requested_on, requested_by)
                VALUES (\(record.id), \(made.number), \(text), \(instant), \(date), \(actor.login))
                """)
            let effects = try record.applyResolution(made.effects, context: context)
            let due = record.liveClock(.respondentResponse, subject: made.number)?.clock.dueDate(on: context.calendar)
            let notice = record.respondentNotice(
                kind: "information_request",
                data: [
                    "request_number": .int(made.number), "information_needed": [.string(text)],
                    "response_due_date": .text(due?.iso),
                ])
            return (
                effects, ["number": .int(made.number), "about": .string(text), "due_date": .text(due?.iso)], [notice]
            )
        }
        return (change, number)
    }

    /// Records the respondent's answer to request `number`: its clock ends.
    public func recordAnswer(reference: String, number: Int, actor: Actor, at instant: Date, expectVersion: Int? = nil)
        throws -> CaseChange
    {
        try investigationChange(
            reference: reference, kind: "respondent_information_received", actor: actor, at: instant,
            expectVersion: expectVersion
        ) { investigation, record, context, date in
            let effects = try investigation.answerRequest(number, at: instant, calendar: context.calendar)
            try connection.execute(
                """
                UPDATE respondent_request SET answered_at = \(instant), answered_on = \(date)
                WHERE case_id = \(record.id) AND number = \(number)
                """)
            return (try record.applyResolution(effects, context: context), ["number": .int(number)], [])
        }
    }

    /// Records (or replaces) the findings of the investigation.
    public func recordFindings(
        reference: String, findings: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try investigationChange(
            reference: reference, kind: "findings_recorded", actor: actor, at: instant, expectVersion: expectVersion
        ) {
            investigation, record, _, _ in
            try investigation.recordFindings(findings)
            try connection.execute(
                """
                INSERT INTO investigation (case_id, findings, findings_at, findings_by)
                VALUES (\(record.id), \(investigation.findings), \(instant), \(actor.login))
                ON CONFLICT (case_id) DO UPDATE SET findings = EXCLUDED.findings, findings_at = EXCLUDED.findings_at,
                    findings_by = EXCLUDED.findings_by
                """)
            return (ClockEffects(), ["findings": .text(investigation.findings)], [])
        }
    }

    private func investigationChange(
        reference: String, kind: String, actor: Actor, at instant: Date, expectVersion: Int?,
        _ body: (inout Investigation, inout CaseRecord, OfficeContext, LocalDate) throws -> (
            ClockEffects, [String: JSONValue], [NoticeRequest]
        )
    ) throws -> CaseChange {
        try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) {
            record, context, date in
            guard Self.investigationStates.contains(record.state) else {
                throw ResolutionError.wrongState(
                    action: "record investigation steps", state: record.state, needed: Self.investigationStates)
            }
            var investigation = try Self.investigation(connection, caseID: record.id).investigation
            let (effects, data, notices) = try body(&investigation, &record, context, date)
            return (kind, data, effects, notices)
        }
    }

    // MARK: Decision

    /// Issues the investigation's decision: outcome upheld, partly upheld or not upheld, the
    /// findings (given here or recorded before), and recommendations that become proposed remedy
    /// items. The case moves to `decided`; `investigation` ends; `respondent_reply` starts (and
    /// ends at once when there is nothing to reply to); the decision is sent to both parties.
    public func decide(
        reference: String, outcome: Outcome, findings: String?, recommendations: [RemedySpec],
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try actor.require(.workCase)
        let current = try CaseStore(connection).require(reference: reference)
        guard current.state == .investigation else {
            throw ResolutionError.wrongState(
                action: "receive a decision", state: current.state, needed: [.investigation])
        }
        let allowed = Lifecycle.allowedOutcomes(from: .investigation, to: .decided)
        guard allowed.contains(outcome) else { throw ResolutionError.decisionOutcome(outcome, allowed: allowed) }
        let records = try Self.investigation(connection, caseID: current.id).investigation
        let text =
            (findings?.isBlankText ?? true)
            ? (records.findings ?? "") : findings!.trimmingCharacters(in: .whitespacesAndNewlines)
        let decision = Decision(kind: .decision, outcome: outcome, text: text, issuedAt: instant)
        let context = try OfficeContext.load(connection)
        _ = try decision.issue(from: current.state, itemCount: recommendations.count, calendar: context.calendar)
        return try CaseStore(connection).moveThenChange(
            reference: reference, move: MoveRequest(to: .decided, outcome: outcome),
            expectVersion: expectVersion, actor: actor, at: instant
        ) { record, context, date in
            var effects = ClockEffects()
            var notices: [NoticeRequest] = []
            effects.absorb(try record.applyResolution(records.closingEffects(on: date), context: context))
            try connection.execute(
                """
                INSERT INTO investigation (case_id, findings, findings_at, findings_by)
                VALUES (\(record.id), \(text), \(instant), \(actor.login))
                ON CONFLICT (case_id) DO UPDATE SET findings = EXCLUDED.findings, findings_at = EXCLUDED.findings_at,
                    findings_by = EXCLUDED.findings_by
                """)
            let issued = try Self.issue(
                decision, from: .investigation, specs: recommendations, record: &record, context: context,
                actor: actor, date: date, connection: connection, effects: &effects, notices: &notices)
            return ("decision_issued", issued, effects, notices)
        }
    }

    /// Records a decision, settlement or award on a case that has just moved to `decided`: its
    /// row, its remedy items (in the state the decision gives them), its clock effects, the
    /// `decision` notices to both parties, and any automatic move; returns the audit data.
    static func issue(
        _ decision: Decision, from state: CaseState, specs: [RemedySpec], record: inout CaseRecord,
        context: OfficeContext,
        actor: Actor, date: LocalDate, connection: PostgresConnection, effects: inout ClockEffects,
        notices: inout [NoticeRequest]
    ) throws -> [String: JSONValue] {
        let instant = decision.issuedAt
        let clockEffects = try decision.issue(from: state, itemCount: specs.count, calendar: context.calendar)
        effects.absorb(try record.applyResolution(clockEffects, context: context))
        let decisionID = try connection.query(
            """
            INSERT INTO decision (case_id, kind, outcome, text, binding, issued_at, issued_on, issued_by)
            VALUES (\(record.id), \(decision.kind.rawValue), \(decision.outcome.rawValue), \(decision.text), \(decision.binding),
                \(instant), \(date), \(actor.login))
            RETURNING id
            """
        ).first!.decode(Int.self, at: 0)
        let first = (try RemedyRecord.all(connection, caseID: record.id).map(\.number).max() ?? 0) + 1
        var itemData: [JSONValue] = []
        for (offset, spec) in specs.enumerated() {
            let id = try RemedyRecord.insert(
                connection, record: record, number: first + offset, spec: spec, state: .proposed,
                decisionID: decisionID, actor: actor, at: instant)
            if decision.initialItemState == .accepted {
                var item = try RemedyRecord.all(connection, caseID: record.id).first { $0.id == id }!
                effects.absorb(
                    try RemedyStore.accept(
                        &item, due: nil, record: &record, context: context, at: instant, notices: &notices))
                try item.save(connection)
            }
            itemData.append(itemLetterData(spec, number: first + offset, record: record, context: context))
        }
        let noticeData = letterData(decision, items: itemData, record: record, context: context)
        notices += CaseStore(connection).partyNotices(record, kind: "decision", data: noticeData)
        // This decision's items: those of a decision set aside on review do not settle it.
        let items = try RemedyRecord.all(connection, caseID: record.id).filter { $0.decisionID == decisionID }
        let moved = try RemedyStore.settle(
            &record, items: items, context: context, at: instant, date: date, effects: &effects,
            notices: &notices, store: CaseStore(connection))
        var data = noticeData
        data["decision_id"] = .int(decisionID)
        if let moved { data["case_moved_to"] = .string(moved.rawValue) }
        return data
    }

    /// A remedy item as the decision letter lists it: its description, number and due date
    /// (its remedy clock's, once it runs).
    static func itemLetterData(_ spec: RemedySpec, number: Int, record: CaseRecord, context: OfficeContext)
        -> JSONValue
    {
        var data = RemedyStore.describe(spec)
        data["number"] = .int(number)
        let due = record.liveClock(.remedy, subject: number)?.clock.dueDate(on: context.calendar) ?? spec.dueOn
        data["due_date"] = .text(due?.iso)
        return .object(data)
    }

    /// The decision letter's data, field names as the notice templates use them (RedressNotices
    /// `NoticeKind.decision`).
    static func letterData(_ decision: Decision, items: [JSONValue], record: CaseRecord, context: OfficeContext)
        -> [String: JSONValue]
    {
        let reply = record.latestClock(.respondentReply, subject: nil)?.clock.dueDate(on: context.calendar)
        return [
            "decision_kind": .string(decision.kind.rawValue), "outcome": .string(decision.outcome.rawValue),
            "decision_summary": .string(decision.text), "binding": decision.binding.map(JSONValue.bool) ?? .null,
            "remedies": .array(items), "reply_due_date": .text(reply?.iso),
        ]
    }
}
