public import Foundation

/// A running clock moved to another policy version, as the audit log records it.
public struct ClockRebase: Sendable, Hashable, Codable {
    /// When it was re-based.
    public var at: Date
    /// The office-local date of `at`.
    public var on: LocalDate
    /// The version it ran under before.
    public var fromVersion: Int
    /// The version it runs under since.
    public var toVersion: Int
    /// Why, as the staff member gave it.
    public var reason: String
    /// The login of the staff member who re-based it.
    public var by: String

    /// Makes a re-base.
    public init(at: Date, on: LocalDate, fromVersion: Int, toVersion: Int, reason: String, by: String) {
        self.at = at
        self.on = on
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.reason = reason
        self.by = by
    }

    private enum CodingKeys: String, CodingKey {
        case at, on, reason, by
        case fromVersion = "from_version"
        case toVersion = "to_version"
    }
}
