public import Foundation

/// Why a case change or a case reference was refused.
public enum CaseError: Error, Sendable, Hashable {
    /// The lifecycle table has no move from `from` to `to`; `allowed` lists the moves it has.
    case transitionNotAllowed(from: CaseState, to: CaseState, allowed: [CaseState])
    /// The move is allowed but lacks data it needs.
    case missingData(from: CaseState, to: CaseState, missing: [MoveField])
    /// The move cannot record that outcome; `allowed` lists the ones it can.
    case outcomeNotAllowed(Outcome, from: CaseState, to: CaseState, allowed: [Outcome])
    /// The text is not a case reference of the form PREFIX-YYYY-NNNNNN.
    case invalidReference(String)
}

extension CaseError: RedressError, LocalizedError {
    public var kind: ErrorKind {
        if case .invalidReference = self { return .badInput }
        return .refused
    }

    public var message: String {
        switch self {
        case let .transitionNotAllowed(from, to, allowed):
            let targets = allowed.map { target -> String in
                let onlyWithdrawOrTransfer =
                    target == .closed
                    && Lifecycle.allowedOutcomes(from: from, to: .closed) == [.withdrawn, .transferred]
                return onlyWithdrawOrTransfer ? "closed (withdrawn or transferred)" : target.rawValue
            }
            return "A case in \(from) cannot move to \(to); from \(from) it can move to \(targets.joinedAsList())."
        case let .missingData(from, to, missing):
            return
                "Moving a case from \(from) to \(to) needs \(missing.map(\.phrase).joinedAsList(conjunction: "and")); give \(missing.count == 1 ? "it" : "them") and try again."
        case let .outcomeNotAllowed(outcome, from, to, allowed):
            return
                "Outcome \(outcome) cannot be recorded when moving a case from \(from) to \(to); use \(allowed.map(\.rawValue).joinedAsList())."
        case let .invalidReference(text):
            return "\"\(text)\" is not a case reference; write it as PREFIX-YYYY-NNNNNN, for example HRC-2026-000042."
        }
    }

    public var errorDescription: String? { description }
}
