/// What went wrong, broadly. Each edge turns a kind into its own answer in one place: the
/// CLI into an exit status, the service into an HTTP status.
public enum ErrorKind: String, Sendable, Hashable, CaseIterable {
    /// The input cannot be read or is out of range.
    case badInput
    /// No record has that name or number.
    case notFound
    /// The caller did not prove who they are (a missing, revoked or expired token).
    case unauthenticated
    /// The caller may not do this.
    case forbidden
    /// The office's rules refuse it as things stand.
    case refused
    /// Someone else changed the same records at the same moment.
    case conflict
    /// The database cannot be reached now.
    case unavailable
    /// Anything else: a fault to report.
    case failure
}

/// What would fix a refusal, named without the syntax of any edge: each edge says it in its
/// own (the CLI as options and commands, the service as JSON fields and endpoints).
public enum ErrorHint: Sendable, Hashable {
    /// Give or correct these inputs, named as the service's JSON fields; the CLI's options
    /// carry the same names in kebab case (`accept_late` is `--accept-late`).
    case give([String])
    /// Give this input one of these values.
    case choose(String, [String])
    /// Read the case again, then retry.
    case reread(reference: String)
    /// A step only the command line offers, as the words after `redress`
    /// (`staff add LOGIN --role ROLE`); the service leaves it out.
    case command(String)
}

/// An error every edge can render: a kind, one plain sentence, and an optional hint.
///
/// The message names no option, command or endpoint; what to give or run goes in `hint`.
public protocol RedressError: Error, Sendable, CustomStringConvertible {
    var kind: ErrorKind { get }
    /// One plain sentence, ending with a full stop.
    var message: String { get }
    var hint: ErrorHint? { get }
}

extension RedressError {
    public var hint: ErrorHint? { nil }

    /// The message with its hint in plain words, for logs.
    public var description: String { rendered(hint: \.plain) }

    /// The message with the hint, as an edge words it, in brackets before the full stop;
    /// a hint the edge has no words for (nil) is left out.
    public func rendered(hint words: (ErrorHint) -> String?) -> String {
        guard let hint, let text = words(hint) else { return message }
        let sentence = message.hasSuffix(".") ? String(message.dropLast()) : message
        return "\(sentence) (\(text))."
    }
}

extension ErrorHint {
    /// The hint without any edge's syntax; command-line steps are left out.
    public var plain: String? {
        switch self {
        case let .give(fields): return "give " + fields.joined(separator: ", ")
        case let .choose(field, values): return "give \(field) " + values.joinedAsList(conjunction: "or")
        case let .reread(reference): return "read \(reference) again"
        case .command: return nil
        }
    }
}
