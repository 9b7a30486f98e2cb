public import RedressCore

/// Why a change to the office's registers (respondent bodies, rights categories) or a
/// correction was refused.
public enum RegisterError: Error, Sendable, Hashable {
    /// No body has that name or alias.
    case respondentNotFound(String)
    /// Another body already has that name, once case and spacing are set aside (or as an alias).
    case respondentExists(given: String, existing: String)
    /// A body cannot be merged into itself.
    case mergeIntoItself(String)
    /// No rights category has that code.
    case categoryNotFound(String)
    /// The code is taken.
    case categoryExists(String)
    /// The category is retired: old cases keep it, no case takes it now.
    case categoryRetired(String)
    /// The case has no such party.
    case partyNotFound(reference: String, party: String)
    /// The correction changes nothing.
    case nothingToChange(String)
}

extension RegisterError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .respondentNotFound, .categoryNotFound, .partyNotFound: return .notFound
        case .respondentExists, .mergeIntoItself, .categoryExists, .categoryRetired: return .refused
        case .nothingToChange: return .badInput
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .respondentNotFound, .respondentExists: return .command("respondent list")
        case .categoryNotFound, .categoryExists, .categoryRetired: return .command("category list")
        case let .partyNotFound(reference, _): return .command("case show \(reference)")
        case .mergeIntoItself, .nothingToChange: return nil
        }
    }

    public var message: String {
        switch self {
        case let .respondentNotFound(name):
            return "No respondent body is called \"\(name)\"; check the name."
        case let .respondentExists(given, existing):
            return "\"\(given)\" is the respondent body \"\(existing)\" already; use that body or another name."
        case let .mergeIntoItself(name):
            return "\"\(name)\" is the body it would be merged into; name two different bodies."
        case let .categoryNotFound(code):
            return "No rights category has the code \"\(code)\"; check the code."
        case let .categoryExists(code):
            return "The rights category \"\(code)\" exists already; choose another code."
        case let .categoryRetired(code):
            return "The rights category \"\(code)\" is retired, so no case takes it now; choose a current one."
        case let .partyNotFound(reference, party):
            return "\(reference) has no \(party); check the case's parties."
        case let .nothingToChange(what):
            return "Nothing to change: give at least one new value for the \(what)."
        }
    }
}
