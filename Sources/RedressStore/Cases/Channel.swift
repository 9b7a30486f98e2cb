import RedressCore

/// How a complaint reached the office.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case web, email, post, phone
    case inPerson = "in_person"
    case referral
    case ownInitiative = "own_initiative"
}
