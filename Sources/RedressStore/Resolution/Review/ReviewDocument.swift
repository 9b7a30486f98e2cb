public import Foundation
public import RedressCore

/// The `review` section of `case show`: the case's latest review of a decision.
public struct ReviewDocument: Sendable, Encodable {
    public var requestedAt: Date
    public var requestedOn: LocalDate
    public var requestedBy: ReviewRequester
    public var recordedBy: String
    public var grounds: String
    public var windowClosesOn: LocalDate
    public var late: Bool
    public var lateReason: String?
    public var reviewer: String?
    /// The `review` clock's due date and status.
    public var dueDate: LocalDate?
    public var clockStatus: ClockStatus?
    public var outcome: ReviewOutcome?
    public var reasons: String?
    public var variedText: String?
    public var decidedAt: Date?
    public var decidedOn: LocalDate?
    public var decidedBy: String?

    init(_ row: ReviewRecord, record: CaseRecord, calendar: WorkCalendar, asOf: LocalDate) {
        requestedAt = row.requestedAt
        requestedOn = row.requestedOn
        requestedBy = row.requestedBy
        recordedBy = row.recordedBy
        grounds = row.grounds
        windowClosesOn = row.windowClosesOn
        late = row.lateReason != nil
        lateReason = row.lateReason
        reviewer = row.reviewer
        let clock = record.clocks.last { $0.clock.kind == .review && $0.clock.startInstant == row.requestedAt }?.clock
        dueDate = clock.flatMap { RemedyDocument.due(of: $0, calendar: calendar) }
        clockStatus = clock.map { RemedyDocument.status(of: $0, calendar: calendar, asOf: asOf) }
        outcome = row.outcome
        reasons = row.reasons
        variedText = row.variedText
        decidedAt = row.decidedAt
        decidedOn = row.decidedOn
        decidedBy = row.decidedBy
    }

    enum CodingKeys: String, CodingKey {
        case requestedAt = "requested_at"
        case requestedOn = "requested_on"
        case requestedBy = "requested_by"
        case recordedBy = "recorded_by"
        case grounds
        case windowClosesOn = "window_closes_on"
        case late
        case lateReason = "late_reason"
        case reviewer
        case dueDate = "due_date"
        case clockStatus = "clock_status"
        case outcome, reasons
        case variedText = "varied_text"
        case decidedAt = "decided_at"
        case decidedOn = "decided_on"
        case decidedBy = "decided_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(requestedAt, forKey: .requestedAt)
        try c.encode(requestedOn, forKey: .requestedOn)
        try c.encode(requestedBy, forKey: .requestedBy)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(grounds, forKey: .grounds)
        try c.encode(windowClosesOn, forKey: .windowClosesOn)
        try c.encode(late, forKey: .late)
        try c.encode(lateReason, forKey: .lateReason)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(clockStatus, forKey: .clockStatus)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(variedText, forKey: .variedText)
        try c.encode(decidedAt, forKey: .decidedAt)
        try c.encode(decidedOn, forKey: .decidedOn)
        try c.encode(decidedBy, forKey: .decidedBy)
    }
}
