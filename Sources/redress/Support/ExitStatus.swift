import ArgumentParser
import Foundation
import RedressCore
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
    switch StoreError.reading(error) {
    case let failure as CLIFailure:
        return (failure.status, failure.description)
    case let error as any RedressError:
        return (ExitStatus(error.kind), error.rendered(hint: \.commandLine))
    case let error as MigrationError:
        return (.failure, error.description)
    case let error as LocalClusterError:
        return (.failure, error.description)
    case is ExitCode:
        return (nil, "")
    case let error:
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

extension ExitStatus {
    /// The exit status of an error of `kind`: the one table scripts rely on.
    init(_ kind: ErrorKind) {
        switch kind {
        case .badInput: self = .usage
        case .notFound: self = .notFound
        case .unauthenticated, .forbidden, .refused: self = .refused
        case .conflict: self = .conflict
        case .unavailable: self = .databaseUnreachable
        case .failure: self = .failure
        }
    }
}

extension ErrorHint {
    /// The hint in the command line's terms: options, and commands to run.
    var commandLine: String {
        switch self {
        case let .give(fields): return fields.map(Self.option).joined(separator: " ")
        case let .choose(field, values):
            return values.map { "\(Self.option(field)) \($0)" }.joinedAsList(conjunction: "or")
        case let .reread(reference): return "see 'redress case show \(reference)'"
        case let .command(words): return "run 'redress \(words)'"
        }
    }

    /// The option named after a JSON field: `accept_late` is `--accept-late`.
    static func option(_ field: String) -> String {
        "--" + field.replacingOccurrences(of: "_", with: "-")
    }
}
