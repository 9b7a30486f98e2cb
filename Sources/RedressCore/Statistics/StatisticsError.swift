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

extension StatisticsError: RedressError, LocalizedError {
    public var kind: ErrorKind { .badInput }

    public var hint: ErrorHint? {
        if case .periodEndsBeforeStart = self { return .give(["to"]) }
        return nil
    }

    public var message: String {
        switch self {
        case let .periodEndsBeforeStart(from, to):
            return
                "The period ends on \(to.iso), before it starts on \(from.iso); give an end date on or after the start date."
        case let .unknownGrouping(text):
            return
                "\"\(text)\" is not a way to group statistics; use \(StatisticsGrouping.allCases.map(\.rawValue).joinedAsList())."
        case let .unknownFormat(text):
            return
                "\"\(text)\" is not a statistics format; use \(StatisticsFormat.allCases.map(\.rawValue).joinedAsList())."
        }
    }

    public var errorDescription: String? { description }
}
