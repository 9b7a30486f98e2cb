/// The lists of the nightly deadline report (SPEC §5); each clock on the report is in exactly one.
///
/// The cases are declared in the order the report prints its totals.
public enum DeadlineSection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Breached since the previous working day: the due date was that day or later, and has passed.
    case newlyBreached = "newly_breached"
    /// Past its due date, and breached before the previous working day.
    case overdue
    /// Running, due today or within the report's horizon of working days.
    case dueSoon = "due_soon"
    /// Stopped by an open pause.
    case paused
    /// A respondent clock thirty or more working days past its due date: the body is non-compliant.
    case nonCompliance = "non_compliance"

    /// How the report names the list ("newly breached").
    public var title: String {
        switch self {
        case .newlyBreached: return "newly breached"
        case .overdue: return "overdue"
        case .dueSoon: return "due soon"
        case .paused: return "paused"
        case .nonCompliance: return "non-compliance"
        }
    }
}

extension DeadlineSection: CustomStringConvertible {
    public var description: String { rawValue }
}
