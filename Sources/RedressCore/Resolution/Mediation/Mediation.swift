public import Foundation

/// A case's mediation and its rules (SPEC §2.6): an offer with an acceptance clock, each party's
/// answer, sessions, and an outcome.
///
/// The clocks: the offer starts `mediation_acceptance` (10 working days); an unanswered offer is
/// deemed declined once that clock's due date has passed. When both parties have accepted, the
/// acceptance clock ends and `mediation` (30 working days, extended only with both parties'
/// consent) starts. A refusal ends the acceptance clock. A settlement or a failure ends the
/// mediation clock. While the case is in mediation its investigation clock, if any, is paused
/// (the policy's `pausedBy(state: .mediation)`), which `ClockEffect.statePauses` works out.
public struct Mediation: Sendable, Hashable, Codable {
    /// The instant of the offer.
    public var offeredAt: Date
    /// The office-local date of the offer.
    public var offeredOn: LocalDate
    /// The mediator's login, once known.
    public var mediator: String?
    /// Each party's answer so far; a party not listed has not answered.
    public var answers: [DisputeParty: Answer]
    /// The sessions held or planned, in the order recorded.
    public var sessions: [Session]
    /// How it ended, once it has.
    public var outcome: MediationOutcome?
    /// The local date it ended.
    public var endedOn: LocalDate?

    /// A new offer made at `instant`.
    public init(offeredAt instant: Date, calendar: WorkCalendar, mediator: String? = nil) {
        self.offeredAt = instant
        self.offeredOn = calendar.localDate(of: instant)
        self.mediator = mediator
        self.answers = [:]
        self.sessions = []
        self.outcome = nil
        self.endedOn = nil
    }

    /// A mediation from its stored facts.
    public init(
        offeredAt: Date,
        offeredOn: LocalDate,
        mediator: String? = nil,
        answers: [DisputeParty: Answer] = [:],
        sessions: [Session] = [],
        outcome: MediationOutcome? = nil,
        endedOn: LocalDate? = nil
    ) {
        self.offeredAt = offeredAt
        self.offeredOn = offeredOn
        self.mediator = mediator
        self.answers = answers
        self.sessions = sessions
        self.outcome = outcome
        self.endedOn = endedOn
    }

    /// One party's answer to the offer.
    public struct Answer: Sendable, Hashable, Codable {
        /// Whether the party accepted.
        public var accepted: Bool
        /// The local date of the answer (for a deemed refusal, the acceptance clock's due date).
        public var on: LocalDate
        /// Whether the refusal was deemed: no answer by the due date.
        public var deemed: Bool

        /// Makes an answer.
        public init(accepted: Bool, on: LocalDate, deemed: Bool = false) {
            self.accepted = accepted
            self.on = on
            self.deemed = deemed
        }
    }

    /// A mediation session.
    public struct Session: Sendable, Hashable, Codable {
        /// When it is held.
        public var at: Date
        /// Where, or the link to join.
        public var place: String
        /// The mediator's login.
        public var mediator: String

        /// Makes a session record.
        public init(at: Date, place: String, mediator: String) {
            self.at = at
            self.place = place
            self.mediator = mediator
        }
    }

    /// Where the mediation stands.
    public var status: MediationStatus {
        if let outcome { return outcome.status }
        if answers.values.contains(where: { !$0.accepted }) { return .declined }
        if DisputeParty.allCases.allSatisfy({ answers[$0]?.accepted == true }) { return .underway }
        return .offered
    }

    /// The party's answer as it stands on `asOf`: what was recorded, or a deemed refusal when
    /// the acceptance clock's due date `acceptanceDue` is past and nothing was recorded.
    public func answer(of party: DisputeParty, asOf: LocalDate, acceptanceDue: LocalDate?) -> PartyAnswer {
        if let answer = answers[party] {
            return answer.accepted ? .accepted : (answer.deemed ? .deemedDeclined : .declined)
        }
        if outcome == nil, status == .offered, let due = acceptanceDue, asOf > due { return .deemedDeclined }
        return .pending
    }

    /// Records that `party` accepted or declined at `instant`.
    ///
    /// Refused once the mediation has an outcome or a refusal, when the party already answered,
    /// and when the acceptance clock's due date (`acceptanceDue`, `nil` while it is paused) has
    /// passed: the offer was then deemed declined. Both accepting ends the acceptance clock and
    /// starts the mediation clock; a refusal ends the acceptance clock.
    public mutating func answer(
        _ party: DisputeParty,
        accepts: Bool,
        at instant: Date,
        calendar: WorkCalendar,
        acceptanceDue: LocalDate?
    ) throws -> [ClockEffect] {
        let date = calendar.localDate(of: instant)
        guard status == .offered else { throw ResolutionError.mediationNotOffered(status) }
        if let previous = answers[party] {
            throw ResolutionError.alreadyAnswered(party, accepted: previous.accepted, on: previous.on)
        }
        guard date >= offeredOn else { throw ResolutionError.beforeOffer(date, offeredOn: offeredOn) }
        if let due = acceptanceDue, date > due {
            throw ResolutionError.deemedDeclined(party, due: due)
        }
        answers[party] = Answer(accepted: accepts, on: date)
        guard accepts else {
            return [.end(.mediationAcceptance, on: date)]
        }
        if status == .underway {
            return [.end(.mediationAcceptance, on: date), .start(.mediation, at: instant)]
        }
        return []
    }

    /// Records the deemed refusal of every party that had not answered by `acceptanceDue`, when
    /// `asOf` is past it; returns the effects (the acceptance clock ends on its due date), or
    /// nothing when no refusal is deemed.
    public mutating func lapse(asOf: LocalDate, acceptanceDue: LocalDate?) -> [ClockEffect] {
        guard status == .offered, let due = acceptanceDue, asOf > due else { return [] }
        for party in DisputeParty.allCases where answers[party] == nil {
            answers[party] = Answer(accepted: false, on: due, deemed: true)
        }
        return [.end(.mediationAcceptance, on: due)]
    }

    /// Records a session at `at`, in `place`, with `mediator`; only once both parties accepted.
    public mutating func addSession(at: Date, place: String, mediator: String, calendar: WorkCalendar) throws {
        guard status == .underway else { throw ResolutionError.mediationNotUnderway(status) }
        guard !place.isBlank else { throw ResolutionError.sessionPlaceMissing }
        guard !mediator.isBlank else { throw ResolutionError.mediatorMissing }
        let date = calendar.localDate(of: at)
        guard date >= offeredOn else { throw ResolutionError.beforeOffer(date, offeredOn: offeredOn) }
        sessions.append(Session(at: at, place: place.trimmingWhitespace(), mediator: mediator))
        if self.mediator == nil { self.mediator = mediator }
    }

    /// Ends the mediation at `instant` with `outcome`.
    ///
    /// A settlement needs the mediation under way and at least one term (checked by the caller,
    /// which turns the terms into remedy items). A failure or withdrawal ends whichever clock is
    /// running: the mediation clock when both had accepted, otherwise the acceptance clock.
    public mutating func end(_ outcome: MediationOutcome, at instant: Date, calendar: WorkCalendar, termCount: Int = 0)
        throws -> [ClockEffect]
    {
        let date = calendar.localDate(of: instant)
        let current = status
        switch outcome {
        case .settled:
            guard current == .underway else { throw ResolutionError.mediationNotUnderway(current) }
            guard termCount > 0 else { throw ResolutionError.settlementWithoutTerms }
        case .failed, .withdrawn:
            guard current == .offered || current == .underway else { throw ResolutionError.mediationEnded(current) }
        }
        guard date >= offeredOn else { throw ResolutionError.beforeOffer(date, offeredOn: offeredOn) }
        self.outcome = outcome
        self.endedOn = date
        return current == .underway ? [.end(.mediation, on: date)] : [.cancel(.mediationAcceptance, on: date)]
    }

    /// Whether a login may read the notes recorded under this mediation: only the mediator, the
    /// case's assignee and the ombudsperson.
    public static func canReadNotes(login: String, roles: Set<Role>, assignee: String?, mediators: [String]) -> Bool {
        roles.contains(.ombudsperson) || login == assignee || mediators.contains(login)
    }

    private enum CodingKeys: String, CodingKey {
        case offeredAt = "offered_at"
        case offeredOn = "offered_on"
        case mediator
        case answers
        case sessions
        case outcome
        case endedOn = "ended_on"
    }
}

/// Where a mediation stands.
public enum MediationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Offered; waiting for both parties' answers.
    case offered
    /// Both accepted; sessions under way.
    case underway
    /// A party declined, or did not answer in time.
    case declined
    /// Ended in a settlement.
    case settled
    /// Ended without agreement.
    case failed
    /// Withdrawn by a party or the office.
    case withdrawn

    /// Whether the mediation is over.
    public var isOver: Bool { self != .offered && self != .underway }
}

extension MediationStatus: CustomStringConvertible {
    public var description: String { rawValue }
}

/// How a mediation ended (SPEC §2.6).
public enum MediationOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Agreed terms, which become remedy items.
    case settled
    /// No agreement; the case goes to investigation or arbitration.
    case failed
    /// Withdrawn.
    case withdrawn

    var status: MediationStatus {
        switch self {
        case .settled: return .settled
        case .failed: return .failed
        case .withdrawn: return .withdrawn
        }
    }
}

/// One party's answer to a mediation offer as it stands on a date.
public enum PartyAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not answered, and the acceptance clock has not run out.
    case pending
    /// Accepted.
    case accepted
    /// Declined.
    case declined
    /// No answer by the acceptance clock's due date: deemed declined.
    case deemedDeclined = "deemed_declined"
}
