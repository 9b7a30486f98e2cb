public import Foundation

/// The review of a decision after investigation: the complainant's side asks for it within the
/// policy's window (`Policy.reviewWindow`, 20 working days from the decision by default), a
/// reviewer who did not take the decision examines it against the `review` clock, and the
/// outcome upholds the decision, varies it, or remits the case to investigation.
public enum DecisionReview {
    /// The last day on which a review of a decision issued on `decidedOn` may be asked for: the
    /// window counted from that date exactly as a clock counts its allowance.
    public static func windowCloses(decidedOn: LocalDate, window: Allowance, calendar: WorkCalendar) -> LocalDate {
        switch window.unit {
        case .workingDays: return calendar.busdayOffset(decidedOn, window.amount)
        case .calendarDays: return calendar.rollForward(decidedOn + window.amount)
        case .months: return calendar.rollForward(decidedOn.adding(months: window.amount))
        }
    }

    /// Checks a request made on `requestedOn` against the window that closes on `closes`;
    /// returns whether it is late. A late request needs `lateReason`, and only the
    /// ombudsperson (`byOmbudsperson`) accepts one.
    @discardableResult
    public static func checkRequest(
        requestedOn: LocalDate, decidedOn: LocalDate, closes: LocalDate, lateReason: String?, byOmbudsperson: Bool
    ) throws -> Bool {
        guard requestedOn >= decidedOn else { throw ReviewError.beforeDecision(decidedOn: decidedOn) }
        guard requestedOn > closes else { return false }
        guard let lateReason, !lateReason.isBlank else { throw ReviewError.outOfTime(closed: closes) }
        guard byOmbudsperson else { throw ReviewError.lateNeedsOmbudsperson(closed: closes) }
        return true
    }

    /// Refuses `reviewer` when they took the decision under review (`decidedBy`).
    public static func checkReviewer(_ reviewer: String, decidedBy: String) throws {
        guard reviewer != decidedBy else { throw ReviewError.reviewerTookDecision(reviewer) }
    }
}

/// What a review finds.
public enum ReviewOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The decision stands.
    case upheld
    /// The decision stands with changed text.
    case varied
    /// The decision is set aside and the case goes back to investigation.
    case remitted
}

extension ReviewOutcome: CustomStringConvertible {
    public var description: String { rawValue }
}

/// Why a review request, assignment or outcome was refused.
public enum ReviewError: Error, Sendable, Hashable {
    /// The case has no decision after investigation to review.
    case noDecision
    /// The decision already has a review.
    case alreadyRequested(on: LocalDate)
    /// The request is dated before the decision.
    case beforeDecision(decidedOn: LocalDate)
    /// The window closed and no late reason was given.
    case outOfTime(closed: LocalDate)
    /// A late request was accepted by someone other than the ombudsperson.
    case lateNeedsOmbudsperson(closed: LocalDate)
    /// The grounds are blank.
    case groundsMissing
    /// The reviewer took the decision.
    case reviewerTookDecision(String)
    /// The login cannot review (not an active caseworker, supervisor or ombudsperson).
    case notAReviewer(String)
    /// The case has no open review.
    case noOpenReview
    /// The review has no reviewer yet.
    case noReviewer
    /// Only the reviewer or the ombudsperson records the outcome.
    case notTheReviewer(login: String, reviewer: String?)
    /// The outcome needs reasons, and a varied decision its new text.
    case reasonsMissing
    /// A varied decision needs its new text.
    case variedTextMissing
    /// Only a varied decision takes new text.
    case variedTextNotAllowed(ReviewOutcome)
}

extension ReviewError: RedressError, LocalizedError {
    public var kind: ErrorKind {
        switch self {
        case .groundsMissing, .reasonsMissing, .variedTextMissing, .variedTextNotAllowed: return .badInput
        default: return .refused
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .outOfTime: return .give(["late_reason"])
        case .groundsMissing: return .give(["grounds"])
        case .noReviewer: return .command("review assign REF LOGIN")
        case .reasonsMissing: return .give(["reasons"])
        case .variedTextMissing: return .give(["text"])
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case .noDecision:
            return "The case has no decision after investigation, so there is nothing to review."
        case let .alreadyRequested(on):
            return "A review of this decision was already asked for on \(on.iso); a decision is reviewed once."
        case let .beforeDecision(decidedOn):
            return "A review cannot be asked for before the decision of \(decidedOn.iso); give a later date."
        case let .outOfTime(closed):
            return
                "The time for asking for a review ended on \(closed.iso); only the ombudsperson can accept a late request, with a reason."
        case let .lateNeedsOmbudsperson(closed):
            return
                "The time for asking for a review ended on \(closed.iso), and only the ombudsperson can accept a late request."
        case .groundsMissing:
            return "A review request needs the grounds for it; give them and try again."
        case let .reviewerTookDecision(login):
            return "\(login) took the decision, so cannot review it; choose someone who did not."
        case let .notAReviewer(login):
            return "\(login) cannot review decisions: choose an active caseworker, supervisor or ombudsperson."
        case .noOpenReview:
            return "The case has no open review; a review must be asked for first."
        case .noReviewer:
            return "The review has no reviewer yet; assign one first."
        case let .notTheReviewer(login, reviewer):
            return
                "\(login) is not the reviewer\(reviewer.map { " (\($0) is)" } ?? ""); only the reviewer or the ombudsperson records the outcome."
        case .reasonsMissing:
            return "A review outcome needs its reasons; give them and try again."
        case .variedTextMissing:
            return "A varied decision needs its new text; give it and try again."
        case let .variedTextNotAllowed(outcome):
            return "Only a varied decision takes new text, not one \(outcome); leave the text out."
        }
    }

    public var errorDescription: String? { description }
}

/// Who asked for a review: the complainant or their representative.
public enum ReviewRequester: String, Sendable, Hashable, Codable, CaseIterable {
    case complainant
    case representative
}
