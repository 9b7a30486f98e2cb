public import Foundation

extension Mediation {
    /// The states from which mediation may be offered: the lifecycle's moves into `mediation`,
    /// and `mediation` itself once an earlier offer has been declined, failed or withdrawn.
    public static let offerableStates: [CaseState] = [.triage, .mediation, .investigation]

    /// Checks an offer of mediation to a case in `state` whose latest mediation is `latest`,
    /// and works out its effects: the case moves to `mediation` (pausing what the policy says
    /// mediation pauses, the investigation clock by default) and `mediation_acceptance` starts.
    public static func offer(
        caseState state: CaseState,
        latest: Mediation?,
        at instant: Date,
        policy: Policy,
        calendar: WorkCalendar
    ) throws -> (move: CaseState?, effects: [ClockEffect]) {
        guard offerableStates.contains(state) else {
            throw ResolutionError.wrongState(action: "be offered mediation", state: state, needed: offerableStates)
        }
        if let latest, state == .mediation || !latest.status.isOver {
            guard latest.status.isOver else { throw ResolutionError.mediationAlreadyOffered(latest.status) }
            guard latest.status != .settled else { throw ResolutionError.mediationEnded(latest.status) }
        }
        let date = calendar.localDate(of: instant)
        var effects: [ClockEffect] = []
        if state != .mediation {
            try Lifecycle.validate(from: state, to: .mediation)
            effects += ClockEffect.statePauses(from: state, to: .mediation, policy: policy, on: date)
        }
        effects.append(.start(.mediationAcceptance, at: instant))
        return (state == .mediation ? nil : .mediation, effects)
    }

    /// The effects of leaving mediation for investigation at `instant`: the investigation
    /// clock resumes if mediation paused it, and the investigation's clocks start if it never
    /// opened (`existing` lists the clock kinds the case already has).
    public static func toInvestigation(
        at instant: Date, existing: Set<ClockKind>, policy: Policy, calendar: WorkCalendar
    ) throws -> [ClockEffect] {
        try Lifecycle.validate(from: .mediation, to: .investigation)
        let date = calendar.localDate(of: instant)
        return ClockEffect.statePauses(from: .mediation, to: .investigation, policy: policy, on: date)
            + Investigation.openingEffects(at: instant, existing: existing)
    }
}

extension Arbitration {
    /// Checks a party's consent to arbitration on a case in `state` whose latest mediation is
    /// `mediation`: the case goes to arbitration only out of mediation (SPEC §2.1), and not
    /// after a settlement.
    public static func checkConsent(caseState state: CaseState, mediation: Mediation?) throws {
        guard state == .mediation || state == .arbitration else {
            throw ResolutionError.wrongState(action: "go to arbitration", state: state, needed: [.mediation])
        }
        if state == .mediation, let mediation, mediation.status == .settled {
            throw ResolutionError.mediationEnded(.settled)
        }
    }

    /// The effects of the move from mediation to arbitration at `instant`, once both parties
    /// consented: an investigation that mediation interrupted will not happen, so its clocks are
    /// cancelled. (A mediation still open is ended as failed by the caller, `Mediation.end`.)
    public static func entryEffects(at instant: Date, calendar: WorkCalendar) throws -> [ClockEffect] {
        try Lifecycle.validate(from: .mediation, to: .arbitration)
        let date = calendar.localDate(of: instant)
        return [.cancel(.investigation, on: date), .cancel(.respondentResponse, on: date)]
    }
}
