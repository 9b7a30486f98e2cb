public import Foundation
public import Postgres
public import RedressCore

/// A decision's review as stored (`decision_review`).
public struct ReviewRecord: Sendable, Hashable {
    public var id: Int
    public var decisionID: Int
    public var requestedAt: Date
    public var requestedOn: LocalDate
    public var requestedBy: ReviewRequester
    /// The staff login that recorded the request.
    public var recordedBy: String
    public var grounds: String
    /// The last day of the window for asking.
    public var windowClosesOn: LocalDate
    /// Why a late request was accepted; nil when it came in time.
    public var lateReason: String?
    public var reviewer: String?
    public var outcome: ReviewOutcome?
    public var reasons: String?
    /// The decision's text as varied.
    public var variedText: String?
    public var decidedAt: Date?
    public var decidedOn: LocalDate?
    public var decidedBy: String?
}

/// Reviews of decisions: the request (within the policy's window, or late with the
/// ombudsperson's reason), the reviewer, and the outcome, each with its clock, audit row and
/// notices to both parties in the caller's transaction.
public struct ReviewStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The states a case with a decision may be in when its review is asked for.
    public static let reviewableStates: [CaseState] = [.decided, .remedy, .closed]

    /// The case's latest review, if any.
    static func latest(_ connection: PostgresConnection, caseID: Int) throws -> ReviewRecord? {
        try connection.query(
            """
            SELECT id, decision_id, requested_at, requested_on, requested_by_party, recorded_by, grounds,
                   window_closes_on, late_reason, reviewer, outcome, reasons, varied_text, decided_at, decided_on,
                   decided_by
            FROM decision_review WHERE case_id = \(caseID) ORDER BY id DESC LIMIT 1
            """
        ).first.map { row in
            ReviewRecord(
                id: try row.decode(Int.self, at: 0), decisionID: try row.decode(Int.self, at: 1),
                requestedAt: try row.decode(Date.self, at: 2), requestedOn: try row.decode(LocalDate.self, at: 3),
                requestedBy: ReviewRequester(rawValue: try row.decode(String.self, at: 4)) ?? .complainant,
                recordedBy: try row.decode(String.self, at: 5), grounds: try row.decode(String.self, at: 6),
                windowClosesOn: try row.decode(LocalDate.self, at: 7), lateReason: try row.decode(String?.self, at: 8),
                reviewer: try row.decode(String?.self, at: 9),
                outcome: try row.decode(String?.self, at: 10).flatMap(ReviewOutcome.init(rawValue:)),
                reasons: try row.decode(String?.self, at: 11), variedText: try row.decode(String?.self, at: 12),
                decidedAt: try row.decode(Date?.self, at: 13), decidedOn: try row.decode(LocalDate?.self, at: 14),
                decidedBy: try row.decode(String?.self, at: 15))
        }
    }

    /// The login that took decision `id`.
    private func decidedBy(decisionID: Int) throws -> String {
        try connection.query("SELECT issued_by FROM decision WHERE id = \(decisionID)").first!.decode(
            String.self, at: 0)
    }

    /// Records the complainant's (or representative's) request for review of the case's
    /// decision after investigation, on `grounds`. Within the policy's window (in force on the
    /// decision's date) it needs no more; after it, only the ombudsperson accepts it, with
    /// `lateReason`. The `review` clock starts and both parties are told.
    public func request(
        reference: String, grounds: String, by requester: ReviewRequester = .complainant, lateReason: String? = nil,
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try TextField.checkLong("grounds", grounds)
        try TextField.checkLong("late reason", lateReason)
        guard !grounds.isBlankText else { throw ReviewError.groundsMissing }
        let grounds = grounds.trimmingCharacters(in: .whitespacesAndNewlines)
        return try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) { record, context, date in
            guard Self.reviewableStates.contains(record.state) else {
                throw ResolutionError.wrongState(
                    action: "have its decision reviewed", state: record.state, needed: Self.reviewableStates)
            }
            guard let decision = try DecisionStore.latest(connection, caseID: record.id),
                decision.decision.kind == .decision
            else { throw ReviewError.noDecision }
            if let earlier = try Self.latest(connection, caseID: record.id), earlier.decisionID == decision.id {
                throw ReviewError.alreadyRequested(on: earlier.requestedOn)
            }
            let window = try context.policies.inForce(on: decision.issuedOn).reviewWindow
            let closes = DecisionReview.windowCloses(
                decidedOn: decision.issuedOn, window: window, calendar: context.calendar)
            let late = try DecisionReview.checkRequest(
                requestedOn: date, decidedOn: decision.issuedOn, closes: closes, lateReason: lateReason,
                byOmbudsperson: actor.roles.contains(.ombudsperson))
            if !late, lateReason != nil {
                throw StoreError.invalid(
                    "The request is in time (the window closes on \(closes.iso)), so it needs no late reason; leave it out."
                )
            }
            let reason = late ? lateReason?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
            let id = try connection.query(
                """
                INSERT INTO decision_review (case_id, decision_id, requested_at, requested_on, requested_by_party,
                    recorded_by, grounds, window_closes_on, late_reason)
                VALUES (\(record.id), \(decision.id), \(instant), \(date), \(requester.rawValue), \(actor.login),
                    \(grounds), \(closes), \(reason))
                RETURNING id
                """
            ).first!.decode(Int.self, at: 0)
            let effects = try record.applyResolution([.start(.review, at: instant)], context: context)
            let due = record.liveClock(.review, subject: nil)?.clock.dueDate(on: context.calendar)
            // Field names as the notice templates use them (RedressNotices `NoticeKind.reviewRequest`).
            let noticeData: [String: JSONValue] = [
                "review_due_date": .text(due?.iso), "decision_date": .string(decision.issuedOn.iso),
            ]
            let data: [String: JSONValue] = [
                "review_id": .int(id), "decision_id": .int(decision.id), "requested_by": .string(requester.rawValue),
                "grounds": .string(grounds), "window_closes_on": .string(closes.iso), "late": .bool(late),
                "late_reason": .text(reason), "due_date": .text(due?.iso),
            ]
            let notices = CaseStore(connection).partyNotices(record, kind: "review_request", data: noticeData)
            return ("review_requested", data, effects, notices)
        }
    }

    /// Assigns the open review to `login`, an active caseworker, supervisor or ombudsperson who
    /// did not take the decision under review.
    public func assign(
        reference: String, reviewer login: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard let member = try StaffStore(connection).member(login), member.active else {
            throw StoreError.staffNotFound(login)
        }
        guard member.actor.may(.workCase) else { throw ReviewError.notAReviewer(login) }
        return try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .assignCase, at: instant
        ) { record, _, _ in
            guard let review = try Self.latest(connection, caseID: record.id), review.outcome == nil else {
                throw ReviewError.noOpenReview
            }
            try DecisionReview.checkReviewer(login, decidedBy: try decidedBy(decisionID: review.decisionID))
            try connection.execute(
                """
                UPDATE decision_review SET reviewer = \(login), assigned_at = \(instant) WHERE id = \(review.id)
                """)
            return (
                "review_assigned",
                ["review_id": .int(review.id), "from": .text(review.reviewer), "to": .string(login)],
                ClockEffects(), []
            )
        }
    }

    /// Records the review's outcome, by the reviewer or the ombudsperson (neither of whom took
    /// the decision): the `review` clock ends; `varied` records the decision's new text;
    /// `remitted` sets the decision aside, supersedes its open remedy items and moves the case
    /// back to investigation through the lifecycle. Both parties are told.
    public func decide(
        reference: String, outcome: ReviewOutcome, reasons: String, variedText: String? = nil,
        actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        try TextField.checkLong("reasons", reasons)
        try TextField.checkLong("text", variedText)
        guard !reasons.isBlankText else { throw ReviewError.reasonsMissing }
        if outcome == .varied, variedText?.isBlankText ?? true { throw ReviewError.variedTextMissing }
        if outcome != .varied, variedText != nil { throw ReviewError.variedTextNotAllowed(outcome) }
        let reasons = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        let varied = variedText?.trimmingCharacters(in: .whitespacesAndNewlines)
        try actor.require(.workCase)
        let current = try CaseStore(connection).require(reference: reference)
        guard let review = try Self.latest(connection, caseID: current.id), review.outcome == nil else {
            throw ReviewError.noOpenReview
        }
        if actor.login != review.reviewer {
            guard actor.roles.contains(.ombudsperson) else {
                if review.reviewer == nil { throw ReviewError.noReviewer }
                throw ReviewError.notTheReviewer(login: actor.login, reviewer: review.reviewer)
            }
        }
        try DecisionReview.checkReviewer(actor.login, decidedBy: try decidedBy(decisionID: review.decisionID))
        let remit = "the decision was remitted on review"
        let move = outcome == .remitted ? MoveRequest(to: .investigation, reason: "\(remit): \(reasons)") : nil
        return try CaseStore(connection).moveThenChange(
            reference: reference, move: move, expectVersion: expectVersion, actor: actor, at: instant
        ) { record, context, date in
            var effects = try record.applyResolution([.end(.review, on: date)], context: context)
            var data: [String: JSONValue] = [
                "review_id": .int(review.id), "outcome": .string(outcome.rawValue), "reasons": .string(reasons),
                "varied_text": .text(varied),
            ]
            if outcome == .remitted {
                var superseded: [JSONValue] = []
                for var item in try RemedyRecord.all(connection, caseID: record.id)
                where RemedyItem.allowedActions(from: item.state).contains(.supersede) {
                    let clockEffects = try item.item.perform(
                        .supersede, at: instant, calendar: context.calendar, text: remit)
                    effects.absorb(try record.applyResolution(clockEffects, context: context))
                    item.reason = remit
                    try item.save(connection)
                    superseded.append(.int(item.number))
                }
                data["remedies_superseded"] = .array(superseded)
                data["case_moved_to"] = .string(CaseState.investigation.rawValue)
            }
            try connection.execute(
                """
                UPDATE decision_review SET outcome = \(outcome.rawValue), reasons = \(reasons), varied_text = \(varied),
                    decided_at = \(instant), decided_on = \(date), decided_by = \(actor.login)
                WHERE id = \(review.id)
                """)
            // Field names as the notice templates use them (RedressNotices `NoticeKind.reviewOutcome`).
            let noticeData: [String: JSONValue] = [
                "review_outcome": .string(outcome.rawValue), "review_upheld": .bool(outcome == .upheld),
                "review_varied": .bool(outcome == .varied), "review_remitted": .bool(outcome == .remitted),
                "review_reasons": .string(reasons), "decision_summary": .string(varied ?? ""),
            ]
            let notices = CaseStore(connection).partyNotices(record, kind: "review_outcome", data: noticeData)
            return ("review_decided", data, effects, notices)
        }
    }
}
