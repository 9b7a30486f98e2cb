import ArgumentParser
import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore

/// The exit codes scripts rely on (README "Exit codes").
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case usage = 2
    case notFound = 3
    case refused = 4
    case conflict = 5
    case databaseUnreachable = 6
}

/// An error that already knows its exit status and sentence.
struct CLIFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var description: String
}

/// Prints one sentence on stderr and exits with the status that fits the error.
func terminate(with error: any Error) -> Never {
    let (status, message) = classify(error)
    guard let status else {
        // Help, version and the like: ArgumentParser's own output and code.
        Redress.exit(withError: error)
    }
    FileHandle.standardError.write(Data(("redress: " + message + "\n").utf8))
    exit(status.rawValue)
}

func classify(_ error: any Error) -> (ExitStatus?, String) {
    switch error {
    case let failure as CLIFailure:
        return (failure.status, failure.description)
    case let error as PostgresError:
        if error.kind == .configuration { return (.usage, error.description + ": check --database") }
        if error.isConnectionFailure { return (.databaseUnreachable, error.description) }
        if error.isRetryable || error.isLockNotAvailable {
            return (.conflict, "someone else changed the same records at the same moment: look again and retry")
        }
        if error.sqlState == "42501" {
            return (.refused, "PostgreSQL refused this login access (\(error.message)); ask an admin to run 'redress staff add' for it, or a database administrator to GRANT redress_staff to it")
        }
        return (.failure, "the database refused the change: \(error.description)")
    case let error as StoreError:
        return (status(of: error.kind), error.description)
    case let error as CaseError:
        if case .invalidReference = error { return (.usage, error.description) }
        return (.refused, error.description)
    case let error as ResolutionError:
        switch error {
        case .remedyNotFound, .requestNotFound:
            return (.notFound, error.description)
        case .invalidAmount, .invalidCurrency, .unknownRemedyKind, .blankBody:
            return (.usage, error.description)
        default:
            return (.refused, error.description)
        }
    case let error as CalendarError:
        return (.usage, error.description)
    case let error as PolicyError:
        return (.refused, error.description)
    case let error as ClockError:
        return (.refused, error.description)
    case let error as NoticeStoreError:
        return (status(of: error.kind), error.description)
    case let error as NoticeError:
        // Identity withheld from the respondent is a rule refusing; the rest (templates,
        // variables, addresses) is a failure to fix in the templates or the case.
        switch error {
        case .complainantIdentityWithheld, .complainantIdentityInText: return (.refused, error.description)
        default: return (.failure, error.description)
        }
    case let error as MigrationError:
        return (.failure, error.description)
    case let error as LocalClusterError:
        return (.failure, error.description)
    case is ExitCode:
        return (nil, "")
    default:
        let code = Redress.exitCode(for: error)
        if code == .success { return (nil, "") }
        if code == .validationFailure {
            let message = oneSentence(Redress.message(for: error))
            return (.usage, message.isEmpty ? "invalid arguments: see 'redress --help'" : message + " (see --help)")
        }
        return (.failure, "\(error)")
    }
}

/// argument-parser's messages may list choices on lines of their own ("  - triage"); stderr
/// gets one line: "… Please provide one of the following: received, triage, …".
func oneSentence(_ message: String) -> String {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let first = lines.first else { return "" }
    let rest = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
    return rest.isEmpty ? first : first + " " + rest.joined(separator: ", ")
}

/// The exit status of a store refusal of `kind`.
private func status(of kind: StoreError.Kind) -> ExitStatus {
    switch kind {
    case .invalidInput: return .usage
    case .notFound: return .notFound
    case .refused: return .refused
    case .conflict: return .conflict
    case .failure: return .failure
    }
}
