import Foundation

/// How two cases are linked (`case link REF OTHER --as KIND`).
public enum CaseLinkKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The case is a duplicate of the other, its original.
    case duplicate
    /// The cases concern related matters.
    case related
    /// The cases are about one systemic issue; `report stats --by issue` counts them together.
    case sameIssue = "same_issue"

    /// Reads a kind as typed: `duplicate`, `related`, `same-issue` or `same_issue`.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingWhitespace().lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// How a case shows a link of this kind: from the case it was made on (`outward`) or from
    /// the other case. A duplicate is `duplicate_of` its original, which `has_duplicate` it.
    public func role(outward: Bool) -> String {
        switch self {
        case .duplicate: return outward ? "duplicate_of" : "has_duplicate"
        case .related, .sameIssue: return rawValue
        }
    }
}
