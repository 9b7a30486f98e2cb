/// One of the two sides of a complaint, whose consent mediation and arbitration need.
public enum DisputeParty: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// The person or group who complained.
    case complainant
    /// The body complained about.
    case respondent

    /// The other side.
    public var other: DisputeParty { self == .complainant ? .respondent : .complainant }
}

extension DisputeParty: CustomStringConvertible {
    public var description: String { rawValue }
}
