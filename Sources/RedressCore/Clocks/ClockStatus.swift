/// Where a clock stands on a given date (SPEC §2.2).
public enum ClockStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counting, not yet past its due date.
    case running
    /// Stopped by an open pause; it has no due date until it resumes.
    case paused
    /// Ended on or before its due date.
    case met
    /// Ended after its due date.
    case metLate = "met_late"
    /// Still running on a date after its due date.
    case breached
    /// Stopped for good without being met (the stage it timed did not happen).
    case cancelled

    /// Whether the clock has stopped for good.
    public var isFinal: Bool {
        switch self {
        case .met, .metLate, .cancelled: return true
        case .running, .paused, .breached: return false
        }
    }
}

extension ClockStatus: CustomStringConvertible {
    public var description: String { rawValue }
}
