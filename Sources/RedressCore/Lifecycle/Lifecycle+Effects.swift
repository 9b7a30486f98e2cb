public import Foundation

/// What intake and each move do (SPEC §2.3): the clocks each starts, ends, pauses, resumes or
/// cancels, the audit event, the notices and the permission. Pure: the store applies the plan.
extension Lifecycle {
    /// The permission a move from `from` to `to` needs: reopening is a supervisor's,
    /// acknowledging is open to intake, every other move is case work.
    public static func permission(from: CaseState, to: CaseState) -> Permission {
        switch (from, to) {
        case (.closed, _): return .reopenCase
        case (.received, .triage): return .acknowledge
        default: return .workCase
        }
    }

    /// The permission intake needs, however the complaint comes in.
    public static let intakePermission: Permission = .openCase

    /// The clock a route decision names as the next date: the end of early resolution, the
    /// reply to the offer of mediation, or the end of the investigation.
    public static func routeClock(_ state: CaseState) -> ClockKind? {
        switch state {
        case .earlyResolution: return .earlyResolution
        case .mediation: return .mediationAcceptance
        case .investigation: return .investigation
        default: return nil
        }
    }

    /// The facts of a complaint that intake records.
    public struct Opening: Sendable, Hashable {
        public var reference: String
        public var receivedAt: Date
        /// How it reached the office (`web`, `email`, …).
        public var channel: String
        public var urgent: Bool
        public var confidential: Bool
        public var lateFiling: Bool
        /// Why a late complaint is accepted; nil unless `lateFiling`.
        public var lateFilingReason: String?
        /// The respondent body's name.
        public var respondent: String
        /// Rights category codes, as given.
        public var categories: [String]

        public init(
            reference: String, receivedAt: Date, channel: String, urgent: Bool, confidential: Bool, lateFiling: Bool,
            lateFilingReason: String?, respondent: String, categories: [String]
        ) {
            self.reference = reference
            self.receivedAt = receivedAt
            self.channel = channel
            self.urgent = urgent
            self.confidential = confidential
            self.lateFiling = lateFiling
            self.lateFilingReason = lateFiling ? lateFilingReason : nil
            self.respondent = respondent
            self.categories = categories
        }
    }

    /// Intake: a complaint is `received` with its `acknowledge`, `triage` and
    /// `complainant_update` clocks running from receipt, under `policy` (the one in force on the
    /// local date of receipt).
    public static func open(_ opening: Opening, policy: Policy, calendar: WorkCalendar) -> LifecyclePlan {
        let clocks = [ClockKind.acknowledge, .triage, .complainantUpdate].map {
            ClockEffect.start($0, at: opening.receivedAt)
        }
        let summary: [EventValue] = clocks.map { effect in
            let due = effect.makeClock(policy: policy, calendar: calendar, urgent: opening.urgent)?.dueDate(
                on: calendar)
            return .object(["kind": .string(effect.kind.rawValue), "due_date": .text(due?.iso)])
        }
        let event = LifecycleEvent(
            kind: "case_opened",
            data: [
                "reference": .string(opening.reference), "channel": .string(opening.channel),
                "urgent": .bool(opening.urgent),
                "confidential": .bool(opening.confidential), "late_filing": .bool(opening.lateFiling),
                "late_filing_reason": .text(opening.lateFilingReason), "respondent": .string(opening.respondent),
                "categories": .array(opening.categories.map(EventValue.string)), "clocks": .array(summary),
            ])
        return LifecyclePlan(
            permission: intakePermission, clocks: clocks, event: event, notices: [],
            after: CaseSituation(state: .received, liveClocks: clocks.map { LiveClock($0.kind) }))
    }

    /// A move of a case in `situation` to `to` with `data`, on the local `date` of `instant`,
    /// under `policy` (the one in force that day); `requested` is what an information request
    /// asks for. Throws a `CaseError` when the table refuses the move or its data.
    ///
    /// Leaving a state ends the clocks that timed it and resumes what it paused; entering one
    /// starts its clocks and pauses what it pauses; closing cancels every live clock; a reopened
    /// case's triage and `complainant_update` start again.
    public static func move(
        _ situation: CaseSituation, to: CaseState, data: MoveData = MoveData(), requested: String? = nil,
        policy: Policy, at instant: Date, on date: LocalDate
    ) throws -> LifecyclePlan {
        let from = situation.state
        try validate(from: from, to: to, data: data)
        var live = situation.liveClocks
        var effects: [ClockEffect] = []
        var met: Set<ClockKind> = []

        func caseClock(_ kind: ClockKind) -> Int? { live.lastIndex { $0.kind == kind && $0.subject == nil } }
        func meet(_ kind: ClockKind) {
            guard let index = caseClock(kind) else { return }
            effects.append(.end(kind, on: date))
            live.remove(at: index)
            met.insert(kind)
        }
        func start(_ kind: ClockKind) {
            guard caseClock(kind) == nil else { return }
            effects.append(.start(kind, at: instant))
            live.append(LiveClock(kind))
        }
        func cancel(_ kind: ClockKind) {
            guard let index = live.lastIndex(where: { $0.kind == kind }) else { return }
            effects.append(.cancel(kind, on: date, subject: live[index].subject))
            live.remove(at: index)
        }
        func pause(for state: CaseState, except: Set<ClockKind> = []) {
            let kinds = policy.pausedBy(state: state).subtracting(except)
            for index in live.indices where kinds.contains(live[index].kind) && !live[index].isPaused {
                effects.append(
                    ClockEffect(
                        .pause(from: date, reason: state.rawValue), live[index].kind, subject: live[index].subject))
                live[index] = LiveClock(live[index].kind, subject: live[index].subject, pausedBy: state.rawValue)
            }
        }
        func resume(pausedBy state: CaseState) {
            for index in live.indices where live[index].pauseCause == state.rawValue {
                effects.append(ClockEffect(.resume(on: date), live[index].kind, subject: live[index].subject))
                live[index] = LiveClock(live[index].kind, subject: live[index].subject)
            }
        }

        // Leaving `from`.
        switch from {
        case .received:
            meet(.acknowledge)
        case .triage:
            if to != .awaitingInfo { meet(.triage) }
        case .awaitingInfo:
            meet(.infoResponse)
            resume(pausedBy: .awaitingInfo)
            if to != .triage { meet(.triage) }
        case .earlyResolution:
            meet(.earlyResolution)
        case .mediation:
            meet(.mediationAcceptance)
            meet(.mediation)
            resume(pausedBy: .mediation)
        case .investigation:
            switch to {
            case .onHold: pause(for: .onHold, except: [.parallelReview])
            case .mediation: pause(for: .mediation)
            case .decided:
                meet(.investigation)
                cancel(.respondentResponse)
            default: break
            }
        case .onHold:
            meet(.parallelReview)
            resume(pausedBy: .onHold)
        case .arbitration:
            meet(.arbitrationAward)
            meet(.arbitrationOverall)
        case .decided:
            // A decision remitted on review is set aside: nothing is left to reply to.
            if to == .investigation { cancel(.respondentReply) } else { meet(.respondentReply) }
        case .remedy, .closed:
            break
        }

        // Entering `to`.
        switch to {
        case .triage where from == .closed:
            start(.triage)
        case .awaitingInfo:
            pause(for: .awaitingInfo)
            start(.infoResponse)
        case .earlyResolution:
            start(.earlyResolution)
        case .mediation:
            start(.mediationAcceptance)
        case .investigation:
            if caseClock(.investigation) == nil {
                start(.respondentResponse)
                start(.investigation)
            }
        case .onHold:
            start(.parallelReview)
        case .decided:
            start(.respondentReply)
        case .closed:
            for clock in live { effects.append(.cancel(clock.kind, on: date, subject: clock.subject)) }
            live = []
        default:
            break
        }
        if from == .closed { start(.complainantUpdate) }

        var after = situation
        after.state = to
        after.liveClocks = live
        if to == .awaitingInfo { after.infoRequests += 1 }
        if to == .closed {
            after.outcome = data.outcome
            after.closedAt = instant
        } else if from == .closed {
            after.outcome = nil
            after.closedAt = nil
        } else if to == .investigation, from == .decided || from == .remedy {
            // Remitted on review: the decision's outcome no longer stands.
            after.outcome = nil
        } else if to == .decided {
            after.outcome = data.outcome
        }

        // Each notice of a move is to the complainant, with a copy to their representative.
        let addresses = NoticeRouting.complainantAddresses(
            complainant: situation.complainant, representative: situation.representative,
            caseLanguage: situation.language)
        func notice(_ kind: String, _ data: [String: EventValue] = [:], dueDates: [String: ClockKind] = [:])
            -> PlannedNotice
        {
            PlannedNotice(kind: kind, audience: .complainant, addresses: addresses, data: data, dueDates: dueDates)
        }
        var notices: [PlannedNotice] = []
        switch to {
        case .triage where from == .received:
            notices.append(notice("acknowledgement", dueDates: ["triage_due_date": .triage]))
        case .awaitingInfo:
            notices.append(
                notice("information_request", ["requested": .text(requested)], dueDates: ["due_date": .infoResponse]))
        case .earlyResolution, .mediation, .investigation:
            // Leaving triage (directly or after an information request) is the route decision.
            if from == .triage || (from == .awaitingInfo && met.contains(.triage)) {
                notices.append(
                    notice(
                        "route_decision", ["route": .string(to.rawValue)],
                        dueDates: routeClock(to).map { ["next_due_date": $0] } ?? [:]))
            }
        case .closed:
            notices.append(notice("closure", ["outcome": .text(data.outcome?.rawValue), "reason": .text(data.reason)]))
        default:
            break
        }

        var event = auditEvent(from: from, to: to, data: data)
        if let requested { event.data["requested"] = .string(requested) }
        return LifecyclePlan(
            permission: permission(from: from, to: to), clocks: effects, event: event, notices: notices, after: after)
    }

    /// A notice to the complainant's side was queued at `instant`, on `date`, for a case in
    /// `situation`: that is their update, so the case's `complainant_update` clock is met and
    /// starts again, standing still if it stood still (or, with none live, if `policy` pauses it
    /// in the case's state). A closed case has none.
    public static func complainantUpdated(
        _ situation: CaseSituation, policy: Policy, at instant: Date, on date: LocalDate
    ) -> [ClockEffect] {
        guard situation.state.isOpen else { return [] }
        let live = situation.liveClocks.last { $0.kind == .complainantUpdate && $0.subject == nil }
        var effects: [ClockEffect] = live == nil ? [] : [.end(.complainantUpdate, on: date)]
        effects.append(.start(.complainantUpdate, at: instant))
        let paused = policy.pausedBy(state: situation.state).contains(.complainantUpdate)
        if let cause = live.map(\.pauseCause) ?? (paused ? situation.state.rawValue : nil) {
            effects.append(ClockEffect(.pause(from: date, reason: cause), .complainantUpdate))
        }
        return effects
    }

    /// The audit event of a move from `from` to `to` with `data`: its kind by the pair of
    /// states, and the states and whatever data the move carried.
    public static func auditEvent(from: CaseState, to: CaseState, data: MoveData) -> LifecycleEvent {
        var fields: [String: EventValue] = ["from": .string(from.rawValue), "to": .string(to.rawValue)]
        if let outcome = data.outcome { fields["outcome"] = .string(outcome.rawValue) }
        if let reason = data.reason { fields["reason"] = .string(reason) }
        if let terms = data.terms { fields["terms"] = .string(terms) }
        if let awardText = data.awardText { fields["award_text"] = .string(awardText) }
        if let binding = data.binding { fields["binding"] = .bool(binding) }
        let kind: String
        switch (from, to) {
        case (.received, .triage): kind = "case_acknowledged"
        case (_, .awaitingInfo): kind = "information_requested"
        case (.awaitingInfo, _): kind = "information_received"
        case (.closed, _): kind = "case_reopened"
        case (_, .closed): kind = "case_closed"
        default: kind = "case_moved"
        }
        return LifecycleEvent(kind: kind, data: fields)
    }
}
