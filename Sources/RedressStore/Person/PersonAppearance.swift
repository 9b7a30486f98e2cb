public import RedressCore

/// A case a person is in, and the role they have in it (`redress person find`).
public struct PersonAppearance: Sendable, Hashable, Encodable {
    public var reference: String
    /// `complainant`, `representative`, or `correspondent` (a message from them on a case where
    /// they are no party).
    public var role: String
    /// Among the case's complainants, 1 for the first.
    public var position: Int?
    public var state: String
    public var receivedOn: LocalDate
    /// The body complained about.
    public var respondent: String
    var caseID: Int

    enum CodingKeys: String, CodingKey {
        case reference, role, position, state
        case receivedOn = "received_on"
        case respondent
    }
}
