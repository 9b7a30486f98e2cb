public import RedressCore

/// One line of `case list`.
public struct CaseSummary: Sendable, Encodable {
    public var reference: String
    public var status: CaseState
    public var receivedOn: LocalDate
    public var urgent: Bool
    public var confidential: Bool
    public var assignee: String?
    public var respondent: String
    /// The first complainant's name, or `[redacted]`.
    public var complainant: String?
    public var categories: [String]
    /// The earliest due date of a running clock, and its clock.
    public var nextDueDate: LocalDate?
    public var nextDueClock: ClockKind?
    public var breached: Bool
    public var paused: Bool
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case reference, status
        case receivedOn = "received_on"
        case urgent, confidential, assignee, respondent, complainant, categories
        case nextDueDate = "next_due_date"
        case nextDueClock = "next_due_clock"
        case breached, paused, version
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(status, forKey: .status)
        try c.encode(receivedOn, forKey: .receivedOn)
        try c.encode(urgent, forKey: .urgent)
        try c.encode(confidential, forKey: .confidential)
        try c.encode(assignee, forKey: .assignee)
        try c.encode(respondent, forKey: .respondent)
        try c.encode(complainant, forKey: .complainant)
        try c.encode(categories, forKey: .categories)
        try c.encode(nextDueDate, forKey: .nextDueDate)
        try c.encode(nextDueClock, forKey: .nextDueClock)
        try c.encode(breached, forKey: .breached)
        try c.encode(paused, forKey: .paused)
        try c.encode(version, forKey: .version)
    }
}
