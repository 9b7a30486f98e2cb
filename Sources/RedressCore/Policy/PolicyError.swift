public import Foundation

/// Why a policy, a policy lookup or an extension was refused.
public enum PolicyError: Error, Sendable, Hashable {
    /// The clock's rule allows no extension.
    case notExtendable(ClockKind)
    /// None of the approving roles given may approve; `required` or a higher role must.
    case approverRequired(ClockKind, required: Role, given: Set<Role>)
    /// The clock already has as many extensions as its rule allows.
    case tooManyExtensions(ClockKind, limit: Int)
    /// The clock was due before the approval date; extensions are approved before expiry.
    case clockExpired(ClockKind, due: LocalDate, on: LocalDate)
    /// The clock has ended.
    case clockEnded(ClockKind, on: LocalDate)
    /// The clock was cancelled.
    case clockCancelled(ClockKind)
    /// The extension adds nothing.
    case amountNotPositive(ClockKind, Int)
    /// The extension is longer than one extension may be.
    case amountTooLarge(ClockKind, amount: Allowance, most: Allowance)
    /// The rule asks for recorded consent on this extension.
    case consentRequired(ClockKind, party: ConsentParty, grant: Int)
    /// The extension would pass the cap, which needs the complainant's recorded consent.
    case beyondCapNeedsConsent(ClockKind, total: Allowance, cap: Allowance)
    /// An extension needs a reason for the letter to the complainant.
    case missingReason(ClockKind)
    /// An extension needs the login of the approving staff member.
    case missingApprover(ClockKind)
    /// No policy version is in force on the date.
    case noPolicyInForce(LocalDate)
    /// Two policy versions share a number.
    case duplicateVersion(Int)
    /// No policy version has that number.
    case unknownVersion(Int)
    /// A policy lacks the rule for a clock.
    case missingRule(String)
    /// A policy has two rules for one clock.
    case duplicateRule(String)
    /// A rule's allowance is negative.
    case negativeAllowance(String, Int)
    /// A rule allows a number of extensions other than 1 or 2.
    case invalidExtensionCount(String, Int)
    /// The urgent profile's percentage is outside 1–100.
    case invalidUrgentPercent(Int)
    /// A new version's effective date is before today, and backdating it was not asked for
    /// with a reason.
    case effectiveDateInPast(LocalDate, today: LocalDate)
    /// A clock is to be re-based onto a version that comes into force only after the date.
    case versionNotInForce(Int, from: LocalDate, on: LocalDate)
    /// Only a running (or paused) clock can be re-based; this one ended or was cancelled.
    case clockNotRunning(ClockKind, since: LocalDate?)
    /// The clock already runs under the version it is to be re-based onto.
    case alreadyUnderVersion(ClockKind, Int)
    /// The clock's allowance was set by hand rather than by its policy version, so no version's
    /// rule can replace it.
    case allowanceSetByHand(ClockKind, Allowance)
    /// A retention period is shorter than the statutory minimum.
    case retentionBelowMinimum(String, years: Int, minimum: Int)
}

extension PolicyError: RedressError, LocalizedError {
    public var kind: ErrorKind {
        switch self {
        case .unknownVersion: return .notFound
        default: return .refused
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .effectiveDateInPast: return .give(["backdate", "reason"])
        case .unknownVersion: return .command("policy history")
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case let .notExtendable(kind):
            return "The \(kind) clock cannot be extended under the policy; record the outcome instead."
        case let .approverRequired(kind, required, given):
            let roles = given.isEmpty ? "no role" : given.map(\.rawValue).sorted().joinedAsList(conjunction: "and")
            let able = Role.allCases.filter { $0.canApprove(asRequired: required) }.map(\.withArticle)
            return
                "Extending the \(kind) clock needs approval by \(able.joinedAsList()), but the approver has \(roles); ask \(required.withArticle) to approve it."
        case let .tooManyExtensions(kind, limit):
            return
                "The \(kind) clock already has \(limit) \(limit == 1 ? "extension" : "extensions"), the most its rule allows; decide the stage or close it instead."
        case let .clockExpired(kind, due, on):
            return
                "The \(kind) clock was due on \(due.iso), before \(on.iso); extensions must be approved on or before the due date."
        case let .clockEnded(kind, on):
            return "The \(kind) clock ended on \(on.iso), so it cannot be extended."
        case let .clockCancelled(kind):
            return "The \(kind) clock was cancelled, so it cannot be extended."
        case let .amountNotPositive(kind, amount):
            return "An extension of the \(kind) clock by \(amount) adds nothing; give a positive number."
        case let .amountTooLarge(kind, amount, most):
            return
                "An extension of the \(kind) clock by \(amount) is more than the \(most) one extension may add; ask for \(most.amount) or less."
        case let .consentRequired(kind, party, grant):
            let which = grant == 1 ? "Extending" : "A second extension of"
            return "\(which) the \(kind) clock needs \(party.phrase) recorded consent; record it and try again."
        case let .beyondCapNeedsConsent(kind, total, cap):
            return
                "Extending the \(kind) clock to \(total) passes its cap of \(cap) and needs the complainant's recorded consent; record it or ask for less."
        case let .missingReason(kind):
            return
                "Extending the \(kind) clock needs a reason for the letter to the complainant; give one and try again."
        case let .missingApprover(kind):
            return "Extending the \(kind) clock needs the login of the staff member who approved it."
        case let .noPolicyInForce(date):
            return "No policy version is in force on \(date.iso); add one effective on or before that date."
        case let .duplicateVersion(version):
            return "Policy version \(version) is given twice; number each version once."
        case let .unknownVersion(version):
            return "There is no policy version \(version); check the number against the policy history."
        case let .missingRule(key):
            return "The policy has no rule for the \(key) clock; add one."
        case let .duplicateRule(key):
            return "The policy has two rules for the \(key) clock; keep one."
        case let .negativeAllowance(key, amount):
            return "The \(key) clock's allowance of \(amount) is negative; give zero or more."
        case let .invalidExtensionCount(key, count):
            return "The \(key) clock's rule allows \(count) extensions; the policy allows 1 or 2."
        case let .invalidUrgentPercent(percent):
            return "The urgent profile's \(percent)% is not a percentage from 1 to 100; give one in that range."
        case let .effectiveDateInPast(date, today):
            return
                "The effective date \(date.iso) is before today, \(today.iso), and clocks made since then ran under the version before; give today or a later date, or backdate it with a reason for the audit log."
        case let .versionNotInForce(version, from, on):
            return
                "Policy version \(version) is in force only from \(from.iso), after \(on.iso); re-base onto a version in force on that day."
        case let .clockNotRunning(kind, since):
            let stopped = since.map { "stopped on \($0.iso)" } ?? "is not running"
            return "The \(kind) clock \(stopped); only a running clock can be re-based."
        case let .alreadyUnderVersion(kind, version):
            return "The \(kind) clock already runs under policy version \(version); name another version."
        case let .allowanceSetByHand(kind, allowance):
            return
                "The \(kind) clock's allowance of \(allowance) was set by hand, not by its policy version, so it cannot be re-based; extend it instead."
        case let .retentionBelowMinimum(kind, years, minimum):
            return
                "Keeping \(kind) cases \(years) \(years == 1 ? "year" : "years") is less than the statutory minimum of \(minimum); give \(minimum) or more."
        }
    }

    public var errorDescription: String? { description }
}
