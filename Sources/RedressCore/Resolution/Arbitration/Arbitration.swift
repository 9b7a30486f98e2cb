public import Foundation

/// A case's arbitration and its rules (SPEC §2.6): both parties' consent, the panel, hearings,
/// the close of the hearing and the award.
///
/// The clocks: constituting the panel (the first appointment) starts `arbitration_overall`
/// (6 months, at most 9); closing the hearing starts `arbitration_award` (20 working days);
/// the award ends both.
public struct Arbitration: Sendable, Hashable, Codable {
    /// The local date of each party's consent.
    public var consents: [DisputeParty: LocalDate]
    /// The arbitrators appointed, in order.
    public var arbitrators: [String]
    /// The local date the panel was constituted (the first appointment).
    public var panelConstitutedOn: LocalDate?
    /// The hearings, in the order recorded.
    public var hearings: [Hearing]
    /// The local date the hearing was closed.
    public var hearingClosedOn: LocalDate?
    /// The award, once made.
    public var award: Award?

    /// An arbitration with nothing recorded yet.
    public init() {
        consents = [:]
        arbitrators = []
        panelConstitutedOn = nil
        hearings = []
        hearingClosedOn = nil
        award = nil
    }

    /// A hearing.
    public struct Hearing: Sendable, Hashable, Codable {
        /// When it is held.
        public var at: Date
        /// Where, or the link to join.
        public var place: String

        /// Makes a hearing record.
        public init(at: Date, place: String) {
            self.at = at
            self.place = place
        }
    }

    /// The award.
    public struct Award: Sendable, Hashable, Codable {
        /// What it says.
        public var text: String
        /// Whether it binds the parties (`false`: advisory).
        public var binding: Bool
        /// The local date it was made.
        public var on: LocalDate

        /// Makes an award record.
        public init(text: String, binding: Bool, on: LocalDate) {
            self.text = text
            self.binding = binding
            self.on = on
        }
    }

    /// Whether both parties have consented.
    public var hasBothConsents: Bool {
        DisputeParty.allCases.allSatisfy { consents[$0] != nil }
    }

    /// The parties whose consent is still missing, complainant first.
    public var missingConsents: [DisputeParty] {
        DisputeParty.allCases.filter { consents[$0] == nil }
    }

    /// Where the arbitration stands.
    public var status: ArbitrationStatus {
        if award != nil { return .awarded }
        if hearingClosedOn != nil { return .hearingClosed }
        if !hearings.isEmpty { return .hearing }
        if panelConstitutedOn != nil { return .panelConstituted }
        if hasBothConsents { return .consented }
        return .seekingConsent
    }

    /// Records `party`'s consent on the local date of `instant`; refused when already recorded.
    public mutating func consent(_ party: DisputeParty, at instant: Date, calendar: WorkCalendar) throws {
        if let on = consents[party] { throw ResolutionError.alreadyConsented(party, on: on) }
        consents[party] = calendar.localDate(of: instant)
    }

    /// Appoints `names` at `instant`; the first appointment constitutes the panel and starts
    /// `arbitration_overall`. Needs both consents; refused once the hearing is closed.
    public mutating func appoint(_ names: [String], at instant: Date, calendar: WorkCalendar) throws -> [ClockEffect] {
        try requireConsents(for: "appointing arbitrators")
        guard hearingClosedOn == nil, award == nil else {
            throw ResolutionError.arbitrationStage(status, action: "appoint arbitrators")
        }
        let names = names.map { $0.trimmingWhitespace() }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else { throw ResolutionError.arbitratorMissing }
        if let twice = names.first(where: { arbitrators.contains($0) }) ?? Arbitration.firstDuplicate(names) {
            throw ResolutionError.arbitratorAlreadyAppointed(twice)
        }
        arbitrators += names
        guard panelConstitutedOn == nil else { return [] }
        let date = calendar.localDate(of: instant)
        panelConstitutedOn = date
        return [.start(.arbitrationOverall, at: instant)]
    }

    /// Records a hearing at `at` in `place`; needs a constituted panel and an open hearing.
    public mutating func addHearing(at: Date, place: String) throws {
        guard panelConstitutedOn != nil else { throw ResolutionError.panelNotConstituted }
        guard hearingClosedOn == nil, award == nil else {
            throw ResolutionError.arbitrationStage(status, action: "schedule a hearing")
        }
        guard !place.isBlank else { throw ResolutionError.hearingPlaceMissing }
        hearings.append(Hearing(at: at, place: place.trimmingWhitespace()))
    }

    /// Closes the hearing at `instant`, starting `arbitration_award`; needs at least one hearing.
    public mutating func closeHearing(at instant: Date, calendar: WorkCalendar) throws -> [ClockEffect] {
        guard !hearings.isEmpty else { throw ResolutionError.noHearing }
        guard hearingClosedOn == nil else {
            throw ResolutionError.arbitrationStage(status, action: "close the hearing")
        }
        hearingClosedOn = calendar.localDate(of: instant)
        return [.start(.arbitrationAward, at: instant)]
    }

    /// Makes the award at `instant`: needs both consents (checked first), a closed hearing and
    /// text. Ends `arbitration_award` and `arbitration_overall`.
    public mutating func makeAward(text: String, binding: Bool, at instant: Date, calendar: WorkCalendar) throws
        -> [ClockEffect]
    {
        try requireConsents(for: "an award")
        guard award == nil else { throw ResolutionError.arbitrationStage(status, action: "make another award") }
        guard hearingClosedOn != nil else { throw ResolutionError.hearingNotClosed }
        guard !text.isBlank else { throw ResolutionError.awardTextMissing }
        let date = calendar.localDate(of: instant)
        award = Award(text: text.trimmingWhitespace(), binding: binding, on: date)
        return [.end(.arbitrationAward, on: date), .end(.arbitrationOverall, on: date)]
    }

    private func requireConsents(for what: String) throws {
        guard hasBothConsents else { throw ResolutionError.consentMissing(what, missing: missingConsents) }
    }

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }

    private enum CodingKeys: String, CodingKey {
        case consents
        case arbitrators
        case panelConstitutedOn = "panel_constituted_on"
        case hearings
        case hearingClosedOn = "hearing_closed_on"
        case award
    }
}

/// Where an arbitration stands.
public enum ArbitrationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for one or both parties' consent.
    case seekingConsent = "seeking_consent"
    /// Both consented; no arbitrator yet.
    case consented
    /// Arbitrators appointed.
    case panelConstituted = "panel_constituted"
    /// A hearing scheduled or held.
    case hearing
    /// The hearing closed; the award awaited.
    case hearingClosed = "hearing_closed"
    /// The award made.
    case awarded
}

extension ArbitrationStatus: CustomStringConvertible {
    public var description: String { rawValue }
}
