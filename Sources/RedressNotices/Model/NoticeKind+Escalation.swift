public import RedressCore

extension NoticeKind {
    /// The notices an escalation step sends, as (kind, audience) pairs (SPEC §2.4): the sweep
    /// queues one notice per pair and per recipient (a complainant's representative, when there
    /// is one, gets the `representative` version as well).
    public static func notices(for step: EscalationStep) -> [(kind: NoticeKind, audience: NoticeAudience)] {
        switch step {
        case .warning:
            return [(.warningToAssignee, .assignee)]
        case .breach:
            return [(.escalationToSupervisor, .supervisor), (.progressUpdate, .complainant)]
        case .respondentReminder:
            return [(.respondentReminder, .respondent)]
        case .ombudspersonList:
            return [(.ombudspersonListing, .ombudsperson)]
        case .headOfBodyLetter:
            return [(.letterToHeadOfBody, .headOfBody)]
        case .nonCompliance:
            return [
                (.nonComplianceNotice, .respondent), (.nonComplianceNotice, .headOfBody),
                (.nonComplianceNotice, .complainant),
            ]
        case .complainantUpdate:
            return [(.progressUpdate, .complainant)]
        }
    }
}
