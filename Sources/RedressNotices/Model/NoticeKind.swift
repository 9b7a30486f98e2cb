public import RedressCore

/// The kinds of notice Redress sends (SPEC §3.4), including those the nightly sweep queues.
public enum NoticeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The complaint was received: reference, handler, timeline, privacy notice.
    case acknowledgement
    /// Information is needed from the complainant or the respondent by a date.
    case informationRequest = "information_request"
    /// How the complaint will be dealt with: early resolution, mediation or investigation.
    case routeDecision = "route_decision"
    /// Mediation is offered, with the date by which to accept.
    case mediationOffer = "mediation_offer"
    /// Mediation ended, settled (with its terms) or not (with the next route).
    case mediationOutcome = "mediation_outcome"
    /// An arbitration hearing: when, where, arbitrators.
    case hearingNotice = "hearing_notice"
    /// A time limit was extended: reason, old and new date, who approved it.
    case extensionLetter = "extension_letter"
    /// The office calendar changed (a holiday added or removed, new working days) and dates
    /// already given moved: each time limit with its old and new date.
    case correctedDueDates = "corrected_due_dates"
    /// Where the complaint stands; also sent automatically on a breach and every 20 working days.
    case progressUpdate = "progress_update"
    /// The decision, settlement or award, with its remedies and the respondent's reply date.
    case decision
    /// Remedies are due from the respondent.
    case remedyReminder = "remedy_reminder"
    /// A time limit was breached: the supervisor is told.
    case escalationToSupervisor = "escalation_to_supervisor"
    /// The respondent is 10 working days overdue: its head is written to.
    case letterToHeadOfBody = "letter_to_head_of_body"
    /// The respondent is 30 working days overdue and recorded as not complying.
    case nonComplianceNotice = "non_compliance_notice"
    /// The case is closed, with its outcome.
    case closure
    /// 80% of a time limit is used: the assignee is warned.
    case warningToAssignee = "warning_to_assignee"
    /// A case is 10 working days past a time limit: listed for the ombudsperson.
    case ombudspersonListing = "ombudsperson_listing"
    /// A respondent time limit was breached: the respondent is reminded.
    case respondentReminder = "respondent_reminder"
    /// A review of the decision was asked for: when its result is due.
    case reviewRequest = "review_request"
    /// The review's result: the decision upheld, varied (with its new text) or remitted.
    case reviewOutcome = "review_outcome"

    /// The audiences for which Redress ships a template of this kind, in English and Korean
    /// (complainant and representative notices in Spanish as well; `TemplateSource.languages(kind:audience:)` lists
    /// them). An office may add templates for other audiences and languages in its override folder.
    public var audiences: [NoticeAudience] {
        switch self {
        case .acknowledgement, .informationRequest, .routeDecision, .mediationOffer, .mediationOutcome,
            .hearingNotice, .extensionLetter, .decision, .closure, .reviewRequest, .reviewOutcome:
            return [.complainant, .representative, .respondent]
        case .progressUpdate, .correctedDueDates:
            return [.complainant, .representative]
        case .remedyReminder, .respondentReminder:
            return [.respondent]
        case .escalationToSupervisor:
            return [.supervisor]
        case .letterToHeadOfBody:
            return [.headOfBody]
        case .nonComplianceNotice:
            return [.complainant, .representative, .respondent, .headOfBody]
        case .warningToAssignee:
            return [.assignee, .supervisor]
        case .ombudspersonListing:
            return [.ombudsperson]
        }
    }

    /// The variables the shipped templates of this kind use, besides those every notice gets
    /// from `NoticeInput` (see `NoticeRenderer.standardVariables`). Which of them a particular
    /// template needs is `TemplateSource.variables(kind:audience:language:)`.
    ///
    /// Meaning and type, by name:
    /// - `respondent_name` (text): the body complained about.
    /// - `subject_matter` (text): what the complaint is about, worded so it does not identify
    ///   the complainant (respondent and head-of-body notices use it).
    /// - `complainant_name` (text): only in representative notices, or with disclosure consent.
    /// - `caseworker_name`, `assignee_name`, `approved_by` (text): staff names.
    /// - dates (`.date`): `received_date`, `triage_due_date`, `response_due_date`,
    ///   `next_due_date`, `acceptance_due_date`, `previous_due_date`, `new_due_date`,
    ///   `reply_due_date`, `due_date`, `final_due_date`, `missed_due_date`, `review_due_date`.
    /// - `hearing_at` (`.instant`), `hearing_place` (text), `arbitrators` (list of text).
    /// - terms: `route`, `next_route`, `stage` (`.state`), `outcome` (`.outcome`),
    ///   `clock`, `missed_clock` (`.clock`).
    /// - `information_needed` (list of text).
    /// - `remedies`, `terms` (list of records with `description` text and `due_date` date).
    /// - `moved_clocks` (list of records with `clock` (`.clock`), `previous_due_date` and
    ///   `new_due_date` dates).
    /// - `settled`, `breached`, `review_upheld`, `review_varied`, `review_remitted` (flag).
    /// - free text written by staff, in the notice's language: `route_reasons`,
    ///   `extension_reason`, `progress_summary`, `decision_summary`, `closure_reasons`, `review_reasons`
    ///   (an empty text leaves its paragraph out where the template allows it).
    /// - counts (`.number`): `working_days_left`, `working_days_overdue`.
    public var variables: [String] {
        switch self {
        case .acknowledgement:
            return [
                "received_date", "respondent_name", "caseworker_name", "triage_due_date", "subject_matter",
                "complainant_name",
            ]
        case .informationRequest:
            return [
                "information_needed", "response_due_date", "caseworker_name", "respondent_name", "subject_matter",
                "complainant_name",
            ]
        case .routeDecision:
            return [
                "route", "route_reasons", "next_due_date", "respondent_name", "caseworker_name", "subject_matter",
                "complainant_name",
            ]
        case .mediationOffer:
            return ["respondent_name", "acceptance_due_date", "caseworker_name", "subject_matter", "complainant_name"]
        case .mediationOutcome:
            return ["settled", "terms", "next_route", "respondent_name", "subject_matter", "complainant_name"]
        case .hearingNotice:
            return [
                "hearing_at", "hearing_place", "arbitrators", "caseworker_name", "respondent_name", "subject_matter",
                "complainant_name",
            ]
        case .extensionLetter:
            return [
                "clock", "previous_due_date", "new_due_date", "extension_reason", "approved_by", "respondent_name",
                "subject_matter", "complainant_name",
            ]
        case .correctedDueDates:
            return ["moved_clocks", "caseworker_name", "complainant_name"]
        case .progressUpdate:
            return [
                "stage", "progress_summary", "breached", "missed_clock", "missed_due_date", "next_due_date",
                "caseworker_name", "complainant_name",
            ]
        case .decision:
            return [
                "outcome", "decision_summary", "remedies", "reply_due_date", "respondent_name", "subject_matter",
                "complainant_name",
            ]
        case .remedyReminder:
            return ["remedies", "respondent_name", "subject_matter", "caseworker_name"]
        case .escalationToSupervisor:
            return ["clock", "due_date", "stage", "assignee_name"]
        case .letterToHeadOfBody:
            return [
                "clock", "due_date", "working_days_overdue", "final_due_date", "respondent_name", "subject_matter",
                "caseworker_name",
            ]
        case .nonComplianceNotice:
            return ["clock", "due_date", "respondent_name", "subject_matter", "caseworker_name", "complainant_name"]
        case .closure:
            return ["outcome", "closure_reasons", "respondent_name", "subject_matter", "complainant_name"]
        case .warningToAssignee:
            return ["clock", "due_date", "stage", "working_days_left"]
        case .ombudspersonListing:
            return ["clock", "due_date", "stage", "working_days_overdue", "assignee_name"]
        case .respondentReminder:
            return ["clock", "due_date", "respondent_name", "subject_matter", "caseworker_name"]
        case .reviewRequest:
            return ["review_due_date", "respondent_name", "subject_matter", "complainant_name"]
        case .reviewOutcome:
            return [
                "review_upheld", "review_varied", "review_remitted", "review_reasons", "decision_summary",
                "respondent_name", "subject_matter", "complainant_name",
            ]
        }
    }
}

extension NoticeKind: CustomStringConvertible {
    public var description: String { rawValue }
}
