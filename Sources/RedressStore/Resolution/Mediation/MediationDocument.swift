public import Foundation
import Postgres
public import RedressCore

/// The `mediation` section of `case show --format json`: the latest mediation.
///
/// `notes` holds the notes recorded while the case was in mediation, and only for a reader who
/// may see them (the mediators, the assignee, the ombudsperson); for anyone else it is null and
/// `notes_withheld` is true. What is said in mediation never leaves the office.
public struct MediationDocument: Sendable, Encodable {
    public var status: MediationStatus
    public var offeredAt: Date
    public var offeredOn: LocalDate
    public var mediator: String?
    public var acceptanceDueDate: LocalDate?
    public var answers: [DisputeParty: AnswerDocument]
    public var sessions: [Mediation.Session]
    public var endedOn: LocalDate?
    public var endReason: String?
    public var notes: [NoteDocument]?
    public var notesWithheld: Bool

    /// One party's answer as it stands on the document's date.
    public struct AnswerDocument: Sendable, Encodable {
        public var answer: PartyAnswer
        public var on: LocalDate?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(answer, forKey: .answer)
            try c.encode(on, forKey: .on)
        }

        enum CodingKeys: String, CodingKey { case answer, on }
    }

    init(_ row: MediationRecord, record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate, notes: [NoteDocument]?) {
        let mediation = row.mediation
        let acceptance = record.clocks.last {
            $0.clock.kind == .mediationAcceptance && $0.clock.startDate >= mediation.offeredOn
        }?.clock
        let due = acceptance.flatMap { RemedyDocument.due(of: $0, calendar: calendar) }
        let liveDue = acceptance.flatMap { $0.endedOn == nil && !$0.cancelled ? due : nil }
        var status = mediation.status
        var answers: [DisputeParty: AnswerDocument] = [:]
        for party in DisputeParty.allCases {
            let answer = mediation.answer(of: party, asOf: asOf, acceptanceDue: liveDue)
            answers[party] = AnswerDocument(
                answer: answer,
                on: answer == .deemedDeclined ? (mediation.answers[party]?.on ?? liveDue) : mediation.answers[party]?.on
            )
            if answer == .deemedDeclined { status = .declined }
        }
        self.status = status
        offeredAt = mediation.offeredAt
        offeredOn = mediation.offeredOn
        mediator = mediation.mediator
        acceptanceDueDate = due
        self.answers = answers
        sessions = mediation.sessions
        endedOn = mediation.endedOn
        endReason = row.endReason
        self.notes = notes
        notesWithheld = notes == nil
    }

    enum CodingKeys: String, CodingKey {
        case status
        case offeredAt = "offered_at"
        case offeredOn = "offered_on"
        case mediator
        case acceptanceDueDate = "acceptance_due_date"
        case answers, sessions
        case endedOn = "ended_on"
        case endReason = "end_reason"
        case notes
        case notesWithheld = "notes_withheld"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(offeredAt, forKey: .offeredAt)
        try c.encode(offeredOn, forKey: .offeredOn)
        try c.encode(mediator, forKey: .mediator)
        try c.encode(acceptanceDueDate, forKey: .acceptanceDueDate)
        try c.encode(answers, forKey: .answers)
        try c.encode(
            sessions.map { SessionDocument(at: $0.at, place: $0.place, mediator: $0.mediator) }, forKey: .sessions)
        try c.encode(endedOn, forKey: .endedOn)
        try c.encode(endReason, forKey: .endReason)
        try c.encode(notes, forKey: .notes)
        try c.encode(notesWithheld, forKey: .notesWithheld)
    }

    private struct SessionDocument: Encodable {
        var at: Date
        var place: String
        var mediator: String
    }
}
