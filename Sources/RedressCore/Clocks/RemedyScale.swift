/// The scale of a remedy, which sets the remedy clock's allowance (SPEC §2.3).
public enum RemedyScale: String, Sendable, Hashable, Codable, CaseIterable {
    /// Apology, explanation, decision retaken, record amended, payment: 20 working days.
    case personal
    /// Service, procedure or training change: 3 months.
    case service
    /// Policy, ordinance or systemic change: 6 months, at most 12.
    case systemic
}

extension RemedyScale: CustomStringConvertible {
    public var description: String { rawValue }
}
