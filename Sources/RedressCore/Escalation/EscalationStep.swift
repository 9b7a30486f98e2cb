/// A step of the escalation ladder of SPEC §2.4, each taken at most once per clock.
///
/// The cases are declared in ladder order; their dates never decrease in that order.
public enum EscalationStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// 80% of the allowance used: a warning to the assignee.
    case warning
    /// The due date has passed: the clock is breached, the supervisor told, the complainant sent a progress notice.
    case breach
    /// Respondent clocks on breach: a reminder to the respondent.
    case respondentReminder = "respondent_reminder"
    /// Ten working days after the due date: listed for the ombudsperson.
    case ombudspersonList = "ombudsperson_list"
    /// Respondent clocks, ten working days after the due date: a letter to the head of the body.
    case headOfBodyLetter = "head_of_body_letter"
    /// Respondent clocks, thirty working days after the due date: non-compliance, listed for a public report.
    case nonCompliance = "non_compliance"
    /// The complainant has had no update for the whole `complainant_update` allowance: send one.
    case complainantUpdate = "complainant_update"
}

extension EscalationStep: CustomStringConvertible {
    public var description: String { rawValue }
}

/// When an escalation step of one clock falls due.
public struct EscalationThreshold: Sendable, Hashable, Codable {
    /// The step.
    public var step: EscalationStep
    /// The first local date on which the step is due.
    public var date: LocalDate

    /// Makes a threshold.
    public init(step: EscalationStep, date: LocalDate) {
        self.step = step
        self.date = date
    }
}
