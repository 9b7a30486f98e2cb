public import RedressCore

/// Why the outbox refused a request.
public enum NoticeStoreError: Error, Sendable, Hashable {
    /// No notice has that id.
    case notFound(Int)
    /// The notice is not in a state the action applies to.
    case wrongState(id: Int, state: NoticeState, action: String, expected: [NoticeState])
    /// The notice belongs to no case, so it has nothing to be rendered from.
    case noCase(Int)
    /// The notice's kind is not one Redress has templates for.
    case unknownKind(id: Int, kind: String)
    /// The actor may not see what the notice says (the complainant's identity).
    case identityHidden(id: Int, login: String)
}

extension NoticeStoreError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .notFound: return .notFound
        case .wrongState, .identityHidden: return .refused
        case .noCase, .unknownKind: return .failure
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .notFound: return .command("notices list")
        case let .noCase(id), let .unknownKind(id, _): return .command("notices cancel \(id)")
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case let .notFound(id):
            return "No notice has the id \(id); check the id."
        case let .wrongState(id, state, action, expected):
            let allowed = expected.map(\.rawValue).joinedAsList(conjunction: "or")
            return "Notice \(id) is \(state.rawValue), so it cannot \(action); that needs a notice that is \(allowed)."
        case let .noCase(id):
            return "Notice \(id) belongs to no case, so it cannot be rendered; cancel it."
        case let .unknownKind(id, kind):
            return "Notice \(id) is of the kind \"\(kind)\", for which Redress has no templates; cancel it."
        case let .identityHidden(id, login):
            return
                "\(login) may not read notice \(id): it names the complainant, whom only the assignee, supervisors and the ombudsperson may see."
        }
    }
}
