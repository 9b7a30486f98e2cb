public import Foundation

/// Why a statistics request was refused.
public enum StatisticsError: Error, Sendable, Hashable {
    /// The period ends before it starts.
    case periodEndsBeforeStart(from: LocalDate, to: LocalDate)
    /// The text does not name a way to group the statistics.
    case unknownGrouping(String)
    /// The text does not name an output format.
    case unknownFormat(String)
}

extension StatisticsError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .periodEndsBeforeStart(from, to):
            return "The period ends on \(to.iso), before it starts on \(from.iso); give a --to date on or after the --from date."
        case let .unknownGrouping(text):
            return "\"\(text)\" is not a way to group statistics; use \(StatisticsGrouping.allCases.map(\.rawValue).joinedAsList())."
        case let .unknownFormat(text):
            return "\"\(text)\" is not a statistics format; use \(StatisticsFormat.allCases.map(\.rawValue).joinedAsList())."
        }
    }

    public var errorDescription: String? { description }
}
