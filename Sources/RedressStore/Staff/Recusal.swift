public import Foundation

/// A staff member kept away from a case, or from every case against a respondent body, for a
/// conflict of interest (`staff recusals --format json`).
public struct Recusal: Sendable, Hashable, Encodable {
    /// What a recusal keeps its login away from.
    public enum Scope: Sendable, Hashable {
        /// The case with this reference.
        case reference(String)
        /// Every case against the respondent body of this name.
        case respondent(String)

        /// The scope in words: the reference, or the body's name in quotes.
        public var label: String {
            switch self {
            case let .reference(reference): return reference
            case let .respondent(name): return "every case against \"\(name)\""
            }
        }
    }

    public var id: Int
    public var login: String
    public var scope: Scope
    public var reason: String
    public var recusedAt: Date
    public var recusedBy: String
    public var liftedAt: Date?
    public var liftedBy: String?
    public var liftReason: String?

    /// Whether the recusal holds (it has not been lifted).
    public var isActive: Bool { liftedAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, login, reason, active
        case reference = "case"
        case respondent
        case recusedAt = "recused_at"
        case recusedBy = "recused_by"
        case liftedAt = "lifted_at"
        case liftedBy = "lifted_by"
        case liftReason = "lift_reason"
    }

    /// Every field, absent ones as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(login, forKey: .login)
        var reference: String?
        var respondent: String?
        switch scope {
        case let .reference(value): reference = value
        case let .respondent(value): respondent = value
        }
        try container.encode(reference, forKey: .reference)
        try container.encode(respondent, forKey: .respondent)
        try container.encode(reason, forKey: .reason)
        try container.encode(recusedAt, forKey: .recusedAt)
        try container.encode(recusedBy, forKey: .recusedBy)
        try container.encode(isActive, forKey: .active)
        try container.encode(liftedAt, forKey: .liftedAt)
        try container.encode(liftedBy, forKey: .liftedBy)
        try container.encode(liftReason, forKey: .liftReason)
    }
}
