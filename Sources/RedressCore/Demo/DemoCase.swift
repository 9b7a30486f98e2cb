public import Foundation

/// One synthetic complaint of the demo office, and what happened to it up to the office's date.
public struct DemoCase: Sendable, Hashable {
    /// The case's number among the demo cases, from 0.
    public var index: Int
    /// When the complaint arrived.
    public var receivedAt: Date
    /// The office-local date of arrival.
    public var receivedOn: LocalDate
    /// How it arrived: web, email, post, phone, in_person, referral, own_initiative.
    public var channel: String
    /// The complainant's language, `en` or `ko`.
    public var language: String
    /// The complainant (one person, or a group speaking through its name).
    public var complainant: DemoParty
    /// How many people a collective complaint speaks for; `nil` for one person.
    public var groupSize: Int?
    /// A representative, when one acts for the complainant.
    public var representative: DemoParty?
    /// The respondent: an index into `DemoVocabulary.bodies`.
    public var bodyIndex: Int
    /// Rights category codes, one to three.
    public var categories: [String]
    /// What the complaint is about, in the complainant's language.
    public var summary: String
    /// When the events complained about happened.
    public var incidentDate: LocalDate
    /// Whether the case runs on the urgent profile (imminent harm).
    public var urgent: Bool
    /// Whether the complainant asked for confidentiality.
    public var confidential: Bool
    /// What happened, oldest first, none after the office's date.
    public var steps: [DemoStep]

    /// The respondent body.
    public var body: DemoVocabulary.Body { DemoVocabulary.bodies[bodyIndex] }
}

/// A complainant or representative of a demo case.
public struct DemoParty: Sendable, Hashable {
    /// The name.
    public var name: String
    /// An email address, when the party gave one.
    public var email: String?
    /// A telephone number, when the party gave one.
    public var phone: String?
    /// A postal address.
    public var postalAddress: String?
    /// How the party wants to be reached: email, post or phone.
    public var contactPreference: String
}

/// One thing that happened to a demo case.
public struct DemoStep: Sendable, Hashable {
    /// When.
    public var at: Date
    /// The office-local date.
    public var on: LocalDate
    /// The staff login that did it.
    public var actor: String
    /// What.
    public var action: DemoAction
}

/// What a demo step does; the lifecycle moves are those of `Lifecycle`, valid in order.
public enum DemoAction: Sendable, Hashable {
    /// The case is given to a caseworker.
    case assign(String)
    /// The complaint is acknowledged: `received` → `triage`.
    case acknowledge
    /// Any other move of the lifecycle.
    case move(Move)
    /// The respondent gives its first written response to the investigation.
    case respondentResponded
    /// An extension of a running clock, approved before it expired.
    case extend(ClockKind, amount: Int, reason: String, consent: Bool)
    /// Mediation is offered by the given mediator: the case moves to `mediation`.
    case mediationOffered(mediator: String)
    /// One party answers the offer of mediation.
    case mediationAnswered(DisputeParty, accepts: Bool)
    /// A mediation session is held (and recorded at once).
    case mediationSession(place: String, mediator: String)
    /// The mediation failed; the case goes on to investigation (by the next step's move) or
    /// to arbitration (once both parties consent).
    case mediationFailed(reason: String, then: CaseState)
    /// One party consents to arbitration; with both, the case moves to `arbitration`.
    case arbitrationConsent(DisputeParty)
    /// The panel is appointed.
    case arbitratorsAppointed([String])
    /// A hearing is scheduled, to be held at the given instant.
    case arbitrationHearing(at: Date, place: String)
    /// The hearing is closed; the award is due.
    case arbitrationHearingClosed
    /// A decision after investigation, a settlement or an award: the case moves to `decided`
    /// and the decision's remedy items are made.
    case decision(DemoDecision)
    /// The respondent accepts or rejects a proposed remedy item (numbered from 1).
    case remedyAnswered(item: Int, accepts: Bool)
    /// The respondent sends evidence that a remedy item was carried out.
    case remedyEvidence(item: Int)
    /// The office's verdict on a remedy item: verify, verify_partial or not_implemented.
    case remedyVerdict(item: Int, RemedyAction)
    /// The complainant is told how the case is going.
    case complainantUpdated
}

/// A decision, settlement or award of a demo case, with its remedy items.
public struct DemoDecision: Sendable, Hashable {
    /// Decision, settlement or award.
    public var kind: DecisionKind
    /// Its outcome: upheld, partly upheld or not upheld; settled; award.
    public var outcome: Outcome
    /// The findings, the terms or the award's text.
    public var text: String
    /// For an award, whether it binds.
    public var binding: Bool?
    /// The recommendations, terms or awarded remedies, in order.
    public var items: [RemedySpec]

    public init(kind: DecisionKind, outcome: Outcome, text: String, binding: Bool? = nil, items: [RemedySpec]) {
        self.kind = kind
        self.outcome = outcome
        self.text = text
        self.binding = binding
        self.items = items
    }

    /// The state its items start in (`Decision.initialItemState`).
    public var initialItemState: RemedyState {
        switch kind {
        case .decision: return .proposed
        case .settlement: return .accepted
        case .award: return binding == true ? .accepted : .proposed
        }
    }
}

/// Where a demo case stands as its steps are applied in order: its state (with the automatic
/// moves the remedy items make, `RemedyLedger.automaticMove`) and its items' states.
public struct DemoProgress: Sendable, Hashable {
    public var state: CaseState = .received
    public var items: [RemedyState] = []
    /// The parties who consented to arbitration.
    public var consents: Set<DisputeParty> = []

    public init() {}

    /// Applies one step.
    public mutating func apply(_ action: DemoAction) {
        switch action {
        case .acknowledge:
            state = .triage
        case let .move(move):
            state = move.to
            if move.to == .closed {
                // Closed as withdrawn, the open items are superseded (by the database's rule).
                items = items.map { $0.isTerminal ? $0 : .superseded }
            }
        case .mediationOffered:
            state = .mediation
        case let .arbitrationConsent(party):
            consents.insert(party)
            if consents.count == DisputeParty.allCases.count, state == .mediation { state = .arbitration }
        case let .decision(decision):
            state = .decided
            items = decision.items.map { _ in decision.initialItemState }
            settle()
        case let .remedyAnswered(item, accepts):
            items[item - 1] = accepts ? .accepted : .rejected
            settle()
        case let .remedyEvidence(item):
            items[item - 1] = .evidenceSubmitted
        case let .remedyVerdict(item, verdict):
            items[item - 1] = verdict.target
            settle()
        case .assign, .respondentResponded, .extend, .complainantUpdated, .mediationAnswered, .mediationSession,
            .mediationFailed, .arbitratorsAppointed, .arbitrationHearing, .arbitrationHearingClosed:
            break
        }
    }

    private mutating func settle() {
        if let target = RemedyLedger.automaticMove(from: state, items: items) { state = target }
    }
}
