/// A staff role (SPEC §3.2); decides who may approve what.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Registers complaints.
    case intake
    /// Handles cases.
    case caseworker
    /// Leads caseworkers; approves routine extensions.
    case supervisor
    /// Heads the office; approves investigation and exceptional extensions.
    case ombudsperson
    /// Reads everything, changes nothing.
    case auditor
    /// Manages staff, calendars, policy and tokens; decides no case.
    case admin

    /// Rank on the approval ladder (caseworker < supervisor < ombudsperson), or `nil` for roles
    /// that approve nothing on a case.
    public var approvalRank: Int? {
        switch self {
        case .caseworker: return 1
        case .supervisor: return 2
        case .ombudsperson: return 3
        case .intake, .auditor, .admin: return nil
        }
    }

    /// Whether this role may approve what `required` may: the same role or a higher one.
    ///
    /// An ombudsperson may approve what a supervisor may; an admin approves nothing on a case.
    public func canApprove(asRequired required: Role) -> Bool {
        guard let rank = approvalRank, let needed = required.approvalRank else { return false }
        return rank >= needed
    }
}

extension Role {
    /// The role with its indefinite article, for messages: "a supervisor", "an ombudsperson".
    var withArticle: String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (vowels.contains(rawValue.first ?? "x") ? "an " : "a ") + rawValue
    }
}

extension Role: CustomStringConvertible {
    public var description: String { rawValue }
}
