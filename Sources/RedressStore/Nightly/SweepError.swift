public import RedressCore

/// Why a sweep could not run.
public enum SweepError: Error, Sendable, Hashable {
    /// `--as-of` is after today: steps cannot be taken before they are due.
    case futureDate(LocalDate, today: LocalDate)
    /// A stored clock has a value RedressCore does not know (the schema and the binary disagree).
    case unreadableClock(String)
}

extension SweepError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .futureDate(date, today):
            return "The sweep date \(date.iso) is after today, \(today.iso); give today or an earlier date, or add --dry-run to see what would be due."
        case let .unreadableClock(detail):
            return "A stored clock holds a value this version of Redress cannot read (\(detail)); run 'redress db status' and update Redress."
        }
    }
}
