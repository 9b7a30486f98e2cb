public import Foundation

/// One remedy item of a case and the rules for moving it through its states (SPEC §2.5).
///
/// An item's clocks: `remedy` starts when the item is accepted (20 working days, 3 months or 6
/// months by its scale, or a hand-set due date) and ends when evidence of implementation is
/// received; `verification` (10 working days) starts then and ends when the office records its
/// verdict. An item is verified on time when the evidence came on or before the remedy clock's
/// due date, late after it.
public struct RemedyItem: Sendable, Hashable, Codable {
    /// The item's number within its case, from 1.
    public var number: Int
    /// What it asks for, and how it is classed and timed.
    public var spec: RemedySpec
    /// Where it stands.
    public var state: RemedyState
    /// Whether the implementation was late (`true`), on time (`false`), or not yet judged.
    public var late: Bool?

    /// Makes an item in `state` (new items are `proposed`, or `accepted` when agreed or bound).
    public init(number: Int, spec: RemedySpec, state: RemedyState = .proposed, late: Bool? = nil) {
        self.number = number
        self.spec = spec
        self.state = state
        self.late = late
    }

    /// The actions allowed from `state`, in the order of `RemedyAction.allCases`.
    public static func allowedActions(from state: RemedyState) -> [RemedyAction] {
        switch state {
        case .proposed: return [.accept, .reject, .supersede]
        case .accepted, .inProgress: return [.progress, .evidence, .notImplemented, .supersede]
        case .evidenceSubmitted: return [.evidence, .verify, .verifyPartial, .notImplemented, .supersede]
        case .rejected, .verified, .partial, .notImplemented, .superseded: return []
        }
    }

    /// Checks `action` against the item's state and the data it needs, and moves the item;
    /// returns what it does to the item's clocks.
    ///
    /// - accept: starts the remedy clock at `instant` (by the item's scale, or until its
    ///   hand-set due date, counted in calendar days and rolled forward to a working day);
    /// - reject, not implemented, supersede: need a reason; cancel the clocks still live;
    /// - progress: needs a note; an accepted item is then in progress;
    /// - evidence: needs a description; the first evidence ends the remedy clock and starts the
    ///   verification clock; more evidence while it is verified adds to the file;
    /// - verify (in full or in part): needs evidence; ends the verification clock, and is late
    ///   when `remedyClockStatus` (the remedy clock's final status) is `met_late`.
    public mutating func perform(
        _ action: RemedyAction,
        at instant: Date,
        calendar: WorkCalendar,
        text: String? = nil,
        remedyClockStatus: ClockStatus? = nil
    ) throws -> [ClockEffect] {
        let date = calendar.localDate(of: instant)
        guard RemedyItem.allowedActions(from: state).contains(action) else {
            if action == .verify || action == .verifyPartial, state == .accepted || state == .inProgress {
                throw ResolutionError.remedyWithoutEvidence(number)
            }
            throw ResolutionError.remedyActionNotAllowed(
                number, action, state: state, allowed: RemedyItem.allowedActions(from: state))
        }
        if action.needsText, (text ?? "").isBlank {
            throw ResolutionError.remedyTextRequired(number, action)
        }
        let before = state
        var effects: [ClockEffect] = []
        switch action {
        case .accept:
            if let due = spec.dueOn {
                guard due >= date else { throw ResolutionError.dueBeforeAcceptance(number, due: due, accepted: date) }
                effects.append(
                    .start(
                        .remedy, at: instant, allowance: .calendarDays(due - date), scale: spec.scale, subject: number))
            } else {
                effects.append(.start(.remedy, at: instant, scale: spec.scale, subject: number))
            }
        case .progress:
            break
        case .evidence:
            if before != .evidenceSubmitted {
                effects.append(.end(.remedy, on: date, subject: number))
                effects.append(.start(.verification, at: instant, subject: number))
            }
        case .verify, .verifyPartial:
            effects.append(.end(.verification, on: date, subject: number))
            late = remedyClockStatus == .metLate
        case .reject:
            break
        case .notImplemented, .supersede:
            if before == .evidenceSubmitted {
                effects.append(.end(.verification, on: date, subject: number))
            } else if before.isUnderway {
                effects.append(.cancel(.remedy, on: date, subject: number))
            }
        }
        state = action.target
        return effects
    }

    /// Whether the item is overdue on `asOf`: its remedy clock or its verification clock is
    /// still running past its due date.
    public static func isOverdue(
        remedyClock: Clock?, verificationClock: Clock?, asOf: LocalDate, calendar: WorkCalendar
    ) -> Bool {
        [remedyClock, verificationClock].contains { clock in
            clock.map { $0.status(asOf: asOf, calendar: calendar) == .breached } ?? false
        }
    }
}

extension RemedyAction {
    /// Whether the action needs words: reasons for a rejection, non-implementation or
    /// supersession, a note of progress, a description of the evidence.
    public var needsText: Bool {
        switch self {
        case .reject, .progress, .evidence, .notImplemented, .supersede: return true
        case .accept, .verify, .verifyPartial: return false
        }
    }
}

/// Where a case goes once its remedy items have moved (SPEC §2.1, §2.5).
public enum RemedyLedger {
    /// Whether the respondent has answered every proposed item, so `respondent_reply` ends.
    public static func replyComplete(_ states: [RemedyState]) -> Bool {
        !states.contains(.proposed)
    }

    /// The state a case in `state` moves to by itself, given its items' states, or `nil`.
    ///
    /// A decided case whose respondent has answered every item moves to `remedy` while any item
    /// is still being carried out; a case in `decided` or `remedy` whose items are all terminal
    /// (and that has at least one) closes by itself, keeping its decision's outcome.
    public static func automaticMove(from state: CaseState, items states: [RemedyState]) -> CaseState? {
        guard state == .decided || state == .remedy, !states.isEmpty, replyComplete(states) else { return nil }
        if states.allSatisfy(\.isTerminal) { return .closed }
        return state == .decided ? .remedy : nil
    }
}

extension RemedyLedger {
    /// Checks closing a case by hand with `outcome` while it has items in `states` (by number):
    /// refused while any item is open, unless the case closes as withdrawn.
    public static func checkClosing(outcome: Outcome, items: [(number: Int, state: RemedyState)]) throws {
        let open = items.filter { !$0.state.isTerminal }.map(\.number).sorted()
        guard open.isEmpty || outcome == .withdrawn else {
            throw ResolutionError.openRemedies(open)
        }
    }
}
