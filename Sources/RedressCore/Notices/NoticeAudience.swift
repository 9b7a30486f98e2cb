/// Who a notice is written for.
public enum NoticeAudience: String, Sendable, Hashable, Codable, CaseIterable {
    /// The person or group who complained.
    case complainant
    /// Someone acting for the complainant (an advocate, a relative, a lawyer).
    case representative
    /// The body complained about, through its contact for complaints.
    case respondent
    /// The head of the body complained about, written to when the body does not answer.
    case headOfBody = "head_of_body"
    /// The staff member the case is assigned to.
    case assignee
    /// The assignee's supervisor.
    case supervisor
    /// The ombudsperson.
    case ombudsperson

    /// Whether notices for this audience must not reveal who complained unless the complainant
    /// has consented to disclosure (SPEC §3.2, §3.4).
    public var withholdsComplainantIdentity: Bool {
        self == .respondent || self == .headOfBody
    }

    /// Whether this audience is the complainant's side: whose address only staff who may see
    /// the complainant's identity read, so a notice to it carries none until it is rendered.
    public var isComplainantSide: Bool {
        self == .complainant || self == .representative
    }

    /// Whether this audience is staff of the office rather than a party to the case.
    public var isStaff: Bool {
        self == .assignee || self == .supervisor || self == .ombudsperson
    }
}

extension NoticeAudience: CustomStringConvertible {
    public var description: String { rawValue }
}
