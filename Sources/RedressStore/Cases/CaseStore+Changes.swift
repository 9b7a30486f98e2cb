public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// Reads the case, checks the actor and the version, lets `body` change it in memory, then
    /// claims the version (`UPDATE … WHERE version = …`) and writes the case, its clocks, one
    /// audit row and the notices, all in the caller's transaction.
    func change(
        reference: String, expectVersion: Int?, actor: Actor, permission: Permission, at instant: Date,
        _ body: (inout CaseRecord, OfficeContext, LocalDate) throws -> (
            kind: String, data: [String: JSONValue], effects: ClockEffects, notices: [NoticeRequest]
        ),
        afterClaim: (CaseRecord) throws -> [String: JSONValue] = { _ in [:] }
    ) throws -> CaseChange {
        try actor.require(permission)
        let context = try OfficeContext.load(connection, lock: .share)
        var record = try require(reference: reference)
        if try isRecused(actor.login, caseID: record.id) {
            throw StoreError.recused(login: actor.login, from: record.reference)
        }
        if let expected = expectVersion, expected != record.version {
            throw StoreError.staleVersion(reference: reference, expected: expected, actual: record.version)
        }
        let date = context.localDate(instant)
        do {
            try checkChronology(record, instant: instant, date: date, context: context)
        } catch let error as StoreError {
            // A change committed since the case was read may be what this one now comes before:
            // that is a concurrent change (retry), not a wrong time.
            let now = try connection.query("SELECT version FROM complaint_case WHERE id = \(record.id)").first?.decode(
                Int.self, at: 0)
            if now != record.version { throw StoreError.changedMeanwhile(reference: reference) }
            throw error
        }
        let before = record
        var outcome = try body(&record, context, date)
        if outcome.notices.contains(where: { [.complainant, .representative].contains($0.audience) }) {
            outcome.effects.absorb(try record.complainantUpdated(at: instant, context: context))
        }
        let claimed = try connection.execute(
            """
            UPDATE complaint_case SET version = version + 1, state = \(record.state.rawValue), outcome = \(record.outcome?.rawValue),
                assignee = \(record.assignee), info_requests = \(record.infoRequests), closed_at = \(record.closedAt), updated_at = now()
            WHERE id = \(record.id) AND version = \(before.version)
            """)
        guard claimed == 1 else { throw StoreError.changedMeanwhile(reference: reference) }
        record.version += 1
        try ClockWriter(connection: connection).save(
            &record.clocks, caseID: record.id, calendar: context.calendar, asOf: date)
        var data = outcome.data
        data["version"] = .int(record.version)
        if outcome.effects != ClockEffects() { data["clocks"] = outcome.effects.json }
        if record.state == .closed, before.state != .closed {
            // A progress letter still waiting says when the next step is due, which a closed
            // case no longer has; its closure letter says where it stands instead.
            let cancelled = try connection.query(
                """
                UPDATE notice SET state = 'cancelled'
                WHERE case_id = \(record.id) AND kind = 'progress_update' AND state IN ('pending', 'failed')
                RETURNING id
                """
            ).map { try $0.decode(Int.self, at: 0) }
            if !cancelled.isEmpty { data["notices_cancelled"] = .array(cancelled.map { .int($0) }) }
        }
        for (key, value) in try afterClaim(record) { data[key] = value }
        try AuditLog(connection).record(
            caseID: record.id, actor: actor.login, at: instant, kind: outcome.kind, data: data)
        let outbox = Outbox(connection)
        for notice in outcome.notices { try outbox.queue(caseID: record.id, notice) }
        return CaseChange(record: record, effects: outcome.effects, notices: outcome.notices.map(\.kind))
    }

    /// Events are entered in order: not before receipt, nor before the case's last recorded change.
    /// Reads and calendar recomputations are not changes of the case's own, so paper records may
    /// still be entered after them.
    func checkChronology(_ record: CaseRecord, instant: Date, date: LocalDate, context: OfficeContext) throws {
        try context.checkEventTime(instant)
        guard instant >= record.receivedAt else {
            throw StoreError.invalid(
                "\(record.reference) was received at \(Self.isoInstant(record.receivedAt)); give a time on or after it.",
                hint: .give(["at"]))
        }
        let last = try connection.query(
            """
            SELECT max(occurred_at) FROM case_event
            WHERE case_id = \(record.id) AND kind NOT IN ('case_viewed', 'due_dates_moved', 'notice_cancelled', 'notice_retried')
            """
        ).first!.decode(Date?.self, at: 0)
        // Instants are stored to the microsecond: a second change at the instant of the first, in
        // one transaction, is in order however that instant was rounded.
        if let last, Self.microseconds(instant) < Self.microseconds(last) {
            throw StoreError.invalid(
                "\(record.reference) has a change recorded at \(Self.isoInstant(last)); give a time on or after it.",
                hint: .give(["at"]))
        }
    }

    static func microseconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1_000_000).rounded()
    }

    static func isoInstant(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A notice of `kind` to the complainant (the first, who speaks for all), and the same to
    /// their representative when they have one, addressed by `NoticeRouting`.
    func complainantNotices(_ record: CaseRecord, kind: String, data: [String: JSONValue]) -> [NoticeRequest] {
        NoticeRouting.complainantAddresses(
            complainant: record.primaryComplainant?.noticeContact,
            representative: record.representative?.noticeContact, caseLanguage: record.language
        )
        .map { NoticeRequest(kind: kind, address: $0, data: data) }
    }

    /// The notices a rule planned, one per address, with the due dates it names taken from the
    /// case as changed.
    func notices(_ planned: PlannedNotice, for record: CaseRecord, context: OfficeContext) -> [NoticeRequest] {
        var data = planned.data.mapValues(JSONValue.init)
        for (field, kind) in planned.dueDates { data[field] = record.noticeDueDate(kind, context: context) }
        return planned.addresses.map { NoticeRequest(kind: planned.kind, address: $0, data: data) }
    }

    // MARK: Moves

    /// Moves a case to another state (SPEC §2.1), with the clocks, audit event and notices that
    /// `Lifecycle.move` plans for it (SPEC §2.3).
    public func move(
        reference: String, _ request: MoveRequest, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        for (label, text) in [
            ("reason", request.reason), ("terms", request.terms), ("award text", request.awardText),
            ("request", request.requested),
        ] {
            try TextField.checkLong(label, text)
        }
        let current = try require(reference: reference)
        let permission = Lifecycle.permission(from: current.state, to: request.to)
        let original = request.outcome == .duplicate ? try duplicateOriginal(of: current, named: request.original) : nil
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: permission, at: instant
        ) { record, context, date in
            let from = record.state
            try Lifecycle.validate(from: from, to: request.to, data: request.moveData)
            let policy = try context.policies.inForce(on: date)
            if request.to == .awaitingInfo {
                guard let requested = request.requested, !requested.isBlankText else {
                    throw StoreError.invalid(
                        "An information request must say what is asked for, for the letter to the complainant.",
                        hint: .give(["what"]))
                }
                guard record.infoRequests < policy.maxInfoRequests else {
                    throw StoreError.infoRequestLimit(reference: record.reference, limit: policy.maxInfoRequests)
                }
            }
            if request.to == .closed, let outcome = request.outcome {
                try RemedyStore(connection).checkClosing(record, outcome: outcome)
            }
            var effects = ClockEffects()
            var notices: [NoticeRequest] = []
            if from == .mediation {
                // An unanswered offer that ran out is recorded as declined; an open mediation ends.
                let left = try MediationStore(connection).leaving(
                    &record, to: request.to, context: context, at: instant)
                effects = left.effects
                notices += left.notices
            }
            let plan = try Lifecycle.move(
                record.situation, to: request.to, data: request.moveData, requested: request.requested,
                policy: policy, at: instant, on: date)
            effects.absorb(try record.apply(plan, context: context))
            notices += plan.notices.flatMap { self.notices($0, for: record, context: context) }
            return (plan.event.kind, plan.event.json, effects, notices)
        } afterClaim: { record in
            guard let original else { return [:] }
            if original.newLink {
                try insertLink(record, (original.id, original.reference), kind: .duplicate, actor: actor, at: instant)
            }
            return ["original": .string(original.reference)]
        }
    }

    /// Acknowledges a complaint: received → triage, meeting the `acknowledge` clock.
    public func acknowledge(reference: String, actor: Actor, at instant: Date, expectVersion: Int? = nil) throws
        -> CaseChange
    {
        let current = try require(reference: reference)
        guard current.state == .received else {
            throw StoreError.wrongState(
                reference: reference, state: current.state, action: "be acknowledged", expected: [.received])
        }
        return try move(
            reference: reference, MoveRequest(to: .triage), actor: actor, at: instant, expectVersion: expectVersion)
    }

    /// Asks the complainant for information: the case waits in `awaiting_info`, the stage clocks
    /// pause and `info_response` starts (at most the policy's number of requests a case).
    public func requestInformation(
        reference: String, requested: String?, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        let current = try require(reference: reference)
        guard current.state == .triage || current.state == .investigation else {
            throw StoreError.wrongState(
                reference: reference, state: current.state, action: "ask for information",
                expected: [.triage, .investigation])
        }
        return try move(
            reference: reference, MoveRequest(to: .awaitingInfo, requested: requested), actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    /// Records the complainant's answer: back to the stage the request came from (investigation
    /// when an investigation clock runs, else triage), resuming the paused clocks.
    public func informationReceived(
        reference: String, to target: CaseState? = nil, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        let current = try require(reference: reference)
        guard current.state == .awaitingInfo else {
            throw StoreError.wrongState(
                reference: reference, state: current.state, action: "receive information", expected: [.awaitingInfo])
        }
        let back = target ?? (current.liveClock(.investigation) != nil ? .investigation : .triage)
        return try move(
            reference: reference, MoveRequest(to: back), actor: actor, at: instant, expectVersion: expectVersion)
    }

    /// Closes a case with an outcome (and a reason where the outcome needs one; a duplicate
    /// names its `original` unless it is linked to it already).
    public func close(
        reference: String, outcome: Outcome, reason: String?, original: String? = nil, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        try move(
            reference: reference, MoveRequest(to: .closed, outcome: outcome, reason: reason, original: original),
            actor: actor, at: instant, expectVersion: expectVersion)
    }

    /// Reopens a closed case into triage or investigation, with a reason.
    public func reopen(
        reference: String, to target: CaseState = .triage, reason: String, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        let current = try require(reference: reference)
        guard current.state == .closed else {
            throw StoreError.wrongState(
                reference: reference, state: current.state, action: "be reopened", expected: [.closed])
        }
        return try move(
            reference: reference, MoveRequest(to: target, reason: reason), actor: actor, at: instant,
            expectVersion: expectVersion)
    }

    // MARK: Clocks by hand

    /// Pauses the case's running stage clocks (or the one of `kind`) for `reason`.
    public func pause(
        reference: String, kind: ClockKind?, reason: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard !reason.isBlankText else { throw StoreError.invalid("A pause needs a reason.", hint: .give(["reason"])) }
        try TextField.checkLong("reason", reason)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) { record, _, date in
            guard record.state.isOpen else {
                throw StoreError.wrongState(
                    reference: record.reference, state: record.state, action: "be paused",
                    expected: CaseState.allCases.filter(\.isOpen))
            }
            let kinds: Set<ClockKind>
            if let kind {
                guard record.liveClock(kind) != nil else {
                    throw StoreError.noLiveClock(reference: record.reference, kind: kind)
                }
                kinds = [kind]
            } else {
                kinds = Set(ClockKind.allCases.filter(\.isStageClock))
            }
            var effects = ClockEffects()
            effects.paused = try record.pauseClocks(kinds, from: date, cause: "manual", reason: reason)
            guard !effects.paused.isEmpty else { throw StoreError.nothingToPause(reference: record.reference) }
            return ("clocks_paused", ["reason": .string(reason)], effects, [])
        }
    }

    /// Resumes the clocks paused by hand (or the one of `kind`).
    public func resume(reference: String, kind: ClockKind?, actor: Actor, at instant: Date, expectVersion: Int? = nil)
        throws -> CaseChange
    {
        try change(reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant)
        { record, _, date in
            var effects = ClockEffects()
            effects.resumed = try record.resumeClocks(cause: "manual", on: date, only: kind.map { [$0] })
            guard !effects.resumed.isEmpty else { throw StoreError.nothingPaused(reference: record.reference) }
            return ("clocks_resumed", [:], effects, [])
        }
    }

    /// Extends a running clock under its policy version's rules (approver role, at most two,
    /// before expiry, consent beyond the cap) and queues the letter to the complainant.
    public func extend(
        reference: String, kind: ClockKind, amount: Int, reason: String, consent: Bool,
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try TextField.checkLong("reason", reason)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) { record, context, date in
            let previousDue = record.noticeDueDate(kind, context: context)
            let clock = try record.extendClock(
                kind, amount: amount, reason: reason, actor: actor, on: date, consent: consent, context: context)
            var effects = ClockEffects()
            effects.extended = [kind]
            let due = clock.dueDate(on: context.calendar)
            let grant = clock.extensions.last!
            let notices = complainantNotices(
                record, kind: "extension_letter",
                data: [
                    "clock": .string(kind.rawValue), "reason": .string(reason), "new_due_date": .text(due?.iso),
                    "previous_due_date": previousDue, "approved_by": .string(actor.login),
                    "amount": ["amount": .int(amount), "unit": .string(clock.allowance.unit.rawValue)],
                ])
            return (
                "clock_extended",
                [
                    "clock": .string(kind.rawValue), "amount": .int(amount),
                    "unit": .string(clock.allowance.unit.rawValue),
                    "reason": .string(reason), "with_consent": .bool(consent),
                    "approver_role": .string(grant.approverRole.rawValue),
                    "new_due_date": .text(due?.iso),
                ], effects, notices
            )
        }
    }

    // MARK: Assignment and notes

    /// Assigns the case to `login`, an active caseworker, supervisor or ombudsperson who is not
    /// recused from it.
    public func assign(reference: String, to login: String, actor: Actor, at instant: Date, expectVersion: Int? = nil)
        throws -> CaseChange
    {
        try assignable(login)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .assignCase, at: instant
        ) { record, _, _ in
            if try isRecused(login, caseID: record.id) {
                throw StoreError.assigneeRecused(login: login, reference: record.reference)
            }
            let previous = record.assignee
            record.assignee = login
            return ("case_assigned", ["from": .text(previous), "to": .string(login)], ClockEffects(), [])
        }
    }

    /// Adds a note; notes made while the case is in mediation are marked confidential to it.
    public func addNote(reference: String, text: String, actor: Actor, at instant: Date, expectVersion: Int? = nil)
        throws -> CaseChange
    {
        guard !text.isBlankText else { throw StoreError.invalid("A note needs some text.") }
        try TextField.checkLong("note", text)
        var underMediation = false
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .acknowledge, at: instant,
            { record, _, _ in
                underMediation = record.state == .mediation
                // What is said in mediation stays out of the audit data, which every reader of the case sees.
                let data: [String: JSONValue] =
                    underMediation ? ["under_mediation": true] : ["text": .string(text), "under_mediation": false]
                return ("note_added", data, ClockEffects(), [])
            },
            afterClaim: { record in
                let id = try connection.query(
                    """
                    INSERT INTO case_note (case_id, author, noted_at, body, under_mediation)
                    VALUES (\(record.id), \(actor.login), \(instant), \(text), \(underMediation)) RETURNING id
                    """
                ).first!.decode(Int.self, at: 0)
                return ["note_id": .int(id)]
            })
    }
}

extension Party {
    /// How notices reach the party.
    var noticeContact: NoticeContact {
        NoticeContact(email: email, prefersPost: contactPreference == .post, language: language)
    }
}
