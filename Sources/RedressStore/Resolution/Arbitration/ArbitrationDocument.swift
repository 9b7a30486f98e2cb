import Foundation
public import RedressCore

/// The `arbitration` section of `case show --format json`.
public struct ArbitrationDocument: Sendable, Encodable {
    public var status: ArbitrationStatus
    /// Each party's date of consent (a party missing has not consented; the JSON shows null).
    public var consents: [DisputeParty: LocalDate]
    public var arbitrators: [String]
    public var panelConstitutedOn: LocalDate?
    public var hearings: [Arbitration.Hearing]
    public var hearingClosedOn: LocalDate?
    public var overallDueDate: LocalDate?
    public var awardDueDate: LocalDate?
    public var award: Arbitration.Award?

    init(_ arbitration: Arbitration, record: CaseRecord, calendar: WorkCalendar) {
        status = arbitration.status
        consents = arbitration.consents
        arbitrators = arbitration.arbitrators
        panelConstitutedOn = arbitration.panelConstitutedOn
        hearings = arbitration.hearings
        hearingClosedOn = arbitration.hearingClosedOn
        overallDueDate = record.latestClock(.arbitrationOverall, subject: nil).flatMap {
            RemedyDocument.due(of: $0.clock, calendar: calendar)
        }
        awardDueDate = record.latestClock(.arbitrationAward, subject: nil).flatMap {
            RemedyDocument.due(of: $0.clock, calendar: calendar)
        }
        award = arbitration.award
    }

    enum CodingKeys: String, CodingKey {
        case status, consents, arbitrators
        case panelConstitutedOn = "panel_constituted_on"
        case hearings
        case hearingClosedOn = "hearing_closed_on"
        case overallDueDate = "arbitration_overall_due_date"
        case awardDueDate = "arbitration_award_due_date"
        case award
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        var consentBox = c.nestedContainer(keyedBy: PartyKey.self, forKey: .consents)
        for party in DisputeParty.allCases {
            try consentBox.encode(consents[party], forKey: PartyKey(party))
        }
        try c.encode(arbitrators, forKey: .arbitrators)
        try c.encode(panelConstitutedOn, forKey: .panelConstitutedOn)
        try c.encode(hearings.map { HearingDocument(at: $0.at, place: $0.place) }, forKey: .hearings)
        try c.encode(hearingClosedOn, forKey: .hearingClosedOn)
        try c.encode(overallDueDate, forKey: .overallDueDate)
        try c.encode(awardDueDate, forKey: .awardDueDate)
        try c.encode(award.map { AwardDocument(text: $0.text, binding: $0.binding, on: $0.on) }, forKey: .award)
    }

    private struct PartyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ party: DisputeParty) { stringValue = party.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct HearingDocument: Encodable {
        var at: Date
        var place: String
    }

    private struct AwardDocument: Encodable {
        var text: String
        var binding: Bool
        var on: LocalDate
    }
}
