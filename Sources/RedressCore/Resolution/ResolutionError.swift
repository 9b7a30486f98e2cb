public import Foundation

/// Why a mediation, arbitration, investigation, decision or remedy change was refused.
public enum ResolutionError: Error, Sendable, Hashable {
    // MARK: Money and remedy specs
    /// The amount is not a positive number with at most two decimals.
    case invalidAmount(String)
    /// The currency is not an ISO 4217 code.
    case invalidCurrency(String)
    /// A remedy needs words saying what is to be done.
    case remedyTextMissing(RemedyKind)
    /// A financial remedy needs an amount and a currency.
    case amountMissing
    /// Only a financial remedy takes an amount.
    case amountNotAllowed(RemedyKind)
    /// The responsible body was given but blank.
    case blankBody
    /// The word before the colon is not a remedy kind.
    case unknownRemedyKind(String)

    // MARK: Remedy items
    /// No remedy item has that number on the case.
    case remedyNotFound(Int)
    /// The item cannot be verified: no evidence has been received.
    case remedyWithoutEvidence(Int)
    /// The action is not allowed from the item's state.
    case remedyActionNotAllowed(Int, RemedyAction, state: RemedyState, allowed: [RemedyAction])
    /// The action needs words (reasons, a note, a description of the evidence).
    case remedyTextRequired(Int, RemedyAction)
    /// The hand-set due date is before the acceptance.
    case dueBeforeAcceptance(Int, due: LocalDate, accepted: LocalDate)
    /// A case cannot close by hand while items are open, unless it closes as withdrawn.
    case openRemedies([Int])

    // MARK: Mediation
    /// The case has no mediation.
    case noMediation
    /// A mediation is already offered or under way.
    case mediationAlreadyOffered(MediationStatus)
    /// The mediation is past the offer stage.
    case mediationNotOffered(MediationStatus)
    /// The party already answered the offer.
    case alreadyAnswered(DisputeParty, accepted: Bool, on: LocalDate)
    /// The date is before the offer.
    case beforeOffer(LocalDate, offeredOn: LocalDate)
    /// The acceptance clock ran out: the offer was deemed declined.
    case deemedDeclined(DisputeParty, due: LocalDate)
    /// The mediation is not under way (both parties have not accepted, or it ended).
    case mediationNotUnderway(MediationStatus)
    /// The mediation already ended.
    case mediationEnded(MediationStatus)
    /// A session needs a place or a link.
    case sessionPlaceMissing
    /// A session needs a mediator.
    case mediatorMissing
    /// A settlement needs at least one term.
    case settlementWithoutTerms
    /// A mediation note needs text.
    case noteTextMissing

    // MARK: Arbitration
    /// The party already consented.
    case alreadyConsented(DisputeParty, on: LocalDate)
    /// Both parties' consent is needed.
    case consentMissing(String, missing: [DisputeParty])
    /// The arbitration is past the stage the action belongs to.
    case arbitrationStage(ArbitrationStatus, action: String)
    /// An appointment needs at least one name.
    case arbitratorMissing
    /// The arbitrator is already on the panel.
    case arbitratorAlreadyAppointed(String)
    /// No arbitrator has been appointed.
    case panelNotConstituted
    /// A hearing needs a place or a link.
    case hearingPlaceMissing
    /// The hearing cannot close before one is held.
    case noHearing
    /// The award comes after the hearing is closed.
    case hearingNotClosed
    /// The award needs its text.
    case awardTextMissing

    // MARK: Investigation and decision
    /// The case is not in a state where the action can happen.
    case wrongState(action: String, state: CaseState, needed: [CaseState])
    /// The first response is already recorded.
    case alreadyResponded(on: LocalDate)
    /// A further request needs to say what is asked.
    case requestTextMissing
    /// No further request has that number.
    case requestNotFound(Int)
    /// The request was already answered.
    case requestAnswered(Int, on: LocalDate)
    /// The answer is dated before the request.
    case answerBeforeRequest(Int, requestedOn: LocalDate)
    /// A decision needs findings.
    case findingsMissing
    /// Only decision outcomes fit.
    case decisionOutcome(Outcome, allowed: [Outcome])
}

extension ResolutionError: RedressError, LocalizedError {
    public var kind: ErrorKind {
        switch self {
        case .remedyNotFound, .requestNotFound: return .notFound
        case .invalidAmount, .invalidCurrency, .unknownRemedyKind, .blankBody: return .badInput
        default: return .refused
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .amountMissing: return .give(["amount", "currency"])
        case .remedyNotFound: return .command("remedy list --case REF")
        case .remedyWithoutEvidence: return .command("remedy evidence")
        case let .remedyTextRequired(_, action):
            switch action {
            case .reject, .notImplemented, .supersede: return .give(["reason"])
            case .progress: return .give(["note"])
            default: return .give(["description"])
            }
        case .noMediation: return .command("mediation offer")
        case .sessionPlaceMissing, .hearingPlaceMissing: return .give(["place"])
        case .mediatorMissing: return .give(["mediator"])
        case .settlementWithoutTerms: return .give(["term"])
        case .consentMissing: return .command("arbitration consent")
        case .arbitratorMissing: return .give(["arbitrator"])
        case .panelNotConstituted: return .command("arbitration appoint")
        case .noHearing: return .command("arbitration hearing")
        case .hearingNotClosed: return .command("arbitration close-hearing")
        case .awardTextMissing: return .give(["text"])
        case .requestTextMissing: return .give(["about"])
        case .findingsMissing: return .give(["findings"])
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case let .invalidAmount(text):
            return
                "\"\(text)\" is not an amount; write a positive number with at most two decimals, such as 1500 or 1500.50."
        case let .invalidCurrency(code):
            return "\"\(code)\" is not a currency code; give three capital letters such as KRW or EUR."
        case let .remedyTextMissing(kind):
            return "A \(kind) remedy needs words saying what is to be done; give them and try again."
        case .amountMissing:
            return
                "A financial remedy needs an amount and a currency (for example \"financial 250000 KRW: compensation\")."
        case let .amountNotAllowed(kind):
            return
                "Only a financial remedy takes an amount, not a \(kind) one; leave the amount out or use kind financial."
        case .blankBody:
            return "The responsible body is blank; name it or leave it out to use the case's respondent."
        case let .unknownRemedyKind(word):
            return "\"\(word)\" is not a remedy kind; use \(RemedyKind.allCases.map(\.rawValue).joinedAsList())."
        case let .remedyNotFound(number):
            return "The case has no remedy item \(number); list the case's remedy items to find it."
        case let .remedyWithoutEvidence(number):
            return "Remedy item \(number) has no evidence, so it cannot be verified; record the evidence first."
        case let .remedyActionNotAllowed(number, action, state, allowed):
            let options =
                allowed.isEmpty ? "nothing more can be done to it" : "it can be \(allowed.map(\.phrase).joinedAsList())"
            return "Remedy item \(number) is \(state), so it cannot be \(action.phrase); \(options)."
        case let .remedyTextRequired(number, action):
            let what: String
            switch action {
            case .reject, .notImplemented, .supersede: what = "reasons"
            case .progress: what = "a note of the progress"
            default: what = "a description of the evidence"
            }
            return "Remedy item \(number) cannot be \(action.phrase) without \(what); give them and try again."
        case let .dueBeforeAcceptance(number, due, accepted):
            return
                "Remedy item \(number) would be due on \(due.iso), before its acceptance on \(accepted.iso); give a due date on or after \(accepted.iso)."
        case let .openRemedies(numbers):
            let list = numbers.map(String.init).joinedAsList(conjunction: "and")
            return
                "The case has open remedy \(numbers.count == 1 ? "item" : "items") \(list); finish \(numbers.count == 1 ? "it" : "them") (verify, partial, not implemented or superseded) before closing, or close it as withdrawn."
        case .noMediation:
            return "The case has no mediation; offer one first."
        case let .mediationAlreadyOffered(status):
            return "The case already has a mediation that is \(status); record its outcome before offering another."
        case let .mediationNotOffered(status):
            return "The mediation is \(status), so the offer can no longer be answered."
        case let .alreadyAnswered(party, accepted, on):
            return "The \(party) already \(accepted ? "accepted" : "declined") the mediation on \(on.iso)."
        case let .beforeOffer(date, offeredOn):
            return "The date \(date.iso) is before the mediation was offered on \(offeredOn.iso); give a later date."
        case let .deemedDeclined(party, due):
            return
                "The \(party) did not answer by \(due.iso), so the mediation offer was deemed declined; move the case on to investigation, arbitration or closing."
        case let .mediationNotUnderway(status):
            return
                "The mediation is \(status), not under way; both parties must accept before sessions or a settlement."
        case let .mediationEnded(status):
            return "The mediation is already \(status), so it cannot end again."
        case .sessionPlaceMissing:
            return "A mediation session needs a place or a link; give one and try again."
        case .mediatorMissing:
            return "A mediation session needs a mediator; give one and try again."
        case .settlementWithoutTerms:
            return "A settlement needs its terms; give at least one term and try again."
        case .noteTextMissing:
            return "A mediation note needs text; give it and try again."
        case let .alreadyConsented(party, on):
            return "The \(party) already consented to arbitration on \(on.iso)."
        case let .consentMissing(what, missing):
            let names = missing.map { "the \($0)" }.joinedAsList(conjunction: "and")
            return
                "\(what.prefix(1).uppercased() + what.dropFirst()) needs both parties' consent to arbitration, and \(names) \(missing.count == 1 ? "has" : "have") not consented; record the consent first."
        case let .arbitrationStage(status, action):
            return "The arbitration is at stage \(status), too late to \(action)."
        case .arbitratorMissing:
            return "Appointing needs at least one arbitrator's name; give one and try again."
        case let .arbitratorAlreadyAppointed(name):
            return "\(name) is already on the panel; name each arbitrator once."
        case .panelNotConstituted:
            return "No arbitrator has been appointed; constitute the panel first."
        case .hearingPlaceMissing:
            return "A hearing needs a place or a link; give one and try again."
        case .noHearing:
            return "No hearing has been recorded, so there is none to close; record one first."
        case .hearingNotClosed:
            return "The award comes after the hearing is closed; close it first."
        case .awardTextMissing:
            return "An award needs its text; give it and try again."
        case let .wrongState(action, state, needed):
            return "A case in \(state) cannot \(action); it must be in \(needed.map(\.rawValue).joinedAsList())."
        case let .alreadyResponded(on):
            return "The respondent's first response was already recorded on \(on.iso)."
        case .requestTextMissing:
            return "A request for information needs to say what is asked; give it and try again."
        case let .requestNotFound(number):
            return "The case has no information request \(number) to the respondent."
        case let .requestAnswered(number, on):
            return "Information request \(number) was already answered on \(on.iso)."
        case let .answerBeforeRequest(number, requestedOn):
            return
                "The answer to information request \(number) cannot be dated before the request of \(requestedOn.iso)."
        case .findingsMissing:
            return "A decision needs its findings; give them and try again."
        case let .decisionOutcome(outcome, allowed):
            return "Outcome \(outcome) is not a decision outcome here; use \(allowed.map(\.rawValue).joinedAsList())."
        }
    }

    public var errorDescription: String? { description }
}
