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
    /// A remedy item is agreed: its number within the case, kind and scale.
    case remedyAccepted(item: Int, kind: String, scale: RemedyScale, description: String)
    /// The respondent sends evidence that a remedy item was carried out.
    case remedyEvidence(item: Int)
    /// The office verifies a remedy item.
    case remedyVerified(item: Int)
    /// The complainant is told how the case is going.
    case complainantUpdated
}
