public import Foundation

/// A decision, settlement or award: what moves a case to `decided` and creates its remedy
/// items (SPEC §2.1, §2.5, §2.6).
public struct Decision: Sendable, Hashable, Codable {
    /// Which of the three it is.
    public var kind: DecisionKind
    /// Its outcome code: upheld, partly upheld or not upheld for a decision; settled; award.
    public var outcome: Outcome
    /// The findings and reasons, the settlement terms as agreed, or the award's text.
    public var text: String
    /// For an award, whether it binds; `nil` otherwise.
    public var binding: Bool?
    /// The instant it was issued.
    public var issuedAt: Date

    /// Makes a decision record.
    public init(kind: DecisionKind, outcome: Outcome, text: String, binding: Bool? = nil, issuedAt: Date) {
        self.kind = kind
        self.outcome = outcome
        self.text = text
        self.binding = binding
        self.issuedAt = issuedAt
    }

    /// The state remedy items start in: a decision's recommendations and an advisory award's
    /// remedies await the respondent's answer; settlement terms were agreed and a binding award
    /// binds, so theirs start accepted.
    public var initialItemState: RemedyState {
        switch kind {
        case .decision: return .proposed
        case .settlement: return .accepted
        case .award: return binding == true ? .accepted : .proposed
        }
    }

    /// Checks the decision as a move from `state` and works out its clock effects.
    ///
    /// The move must be the lifecycle's (investigation, mediation or arbitration to `decided`)
    /// with the data it needs; a settlement needs at least one term. The effects: the
    /// investigation clock ends (the decision is its ending event), a first response or further
    /// information the respondent never sent is cancelled, and `respondent_reply` (30 calendar
    /// days) starts; it ends at once when no item awaits the respondent's answer. The clocks of
    /// mediation and arbitration are ended by `Mediation.end` and `Arbitration.makeAward`.
    public func issue(from state: CaseState, itemCount: Int, calendar: WorkCalendar) throws -> [ClockEffect] {
        let expected = kind.fromState
        guard state == expected else {
            throw ResolutionError.wrongState(action: kind.issuing, state: state, needed: [expected])
        }
        if kind == .settlement, itemCount == 0 { throw ResolutionError.settlementWithoutTerms }
        var data = MoveData(outcome: outcome)
        switch kind {
        case .decision: break
        case .settlement: data.terms = text
        case .award:
            data.awardText = text
            data.binding = binding
        }
        if kind == .decision, text.isBlank { throw ResolutionError.findingsMissing }
        try Lifecycle.validate(from: state, to: .decided, data: data)
        let date = calendar.localDate(of: issuedAt)
        var effects: [ClockEffect] = [
            .end(.investigation, on: date),
            .cancel(.respondentResponse, on: date),
            .start(.respondentReply, at: issuedAt),
        ]
        if itemCount == 0 || initialItemState != .proposed {
            effects.append(.end(.respondentReply, on: date))
        }
        return effects
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case outcome
        case text
        case binding
        case issuedAt = "issued_at"
    }
}

/// The three ways a case reaches `decided`.
public enum DecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A decision after investigation.
    case decision
    /// A mediated settlement.
    case settlement
    /// An arbitral award.
    case award

    /// The state a case must be in to receive it.
    public var fromState: CaseState {
        switch self {
        case .decision: return .investigation
        case .settlement: return .mediation
        case .award: return .arbitration
        }
    }

    /// How messages name the act ("issue a decision").
    var issuing: String {
        switch self {
        case .decision: return "issue a decision"
        case .settlement: return "record a settlement"
        case .award: return "make an award"
        }
    }
}

extension DecisionKind: CustomStringConvertible {
    public var description: String { rawValue }
}
