extension Policy {
    /// The default policy of SPEC §2.3 (version 1, in force from 1970-01-01).
    ///
    /// Sources for every figure are in DOMAIN.md. Where the table names an approver, that role
    /// or a higher one approves; "exceptional" extensions are the ombudsperson's; remedy dates
    /// move only by an agreed, dated revision, recorded here as an extension with both parties'
    /// consent.
    public static let `default`: Policy = {
        let both = ConsentParty.bothParties
        let rules: [ClockRule] = [
            ClockRule(kind: .acknowledge, allowance: .workingDays(3), cap: 3),
            ClockRule(
                kind: .triage, allowance: .workingDays(10),
                extensionRule: ExtensionRule(approver: .supervisor, maxPerGrant: 5), cap: 15),
            ClockRule(
                kind: .infoResponse, allowance: .workingDays(10),
                note: "at most 2 information requests a case"),
            ClockRule(
                kind: .earlyResolution, allowance: .workingDays(10),
                extensionRule: ExtensionRule(approver: .supervisor, maxPerGrant: 10, maxGrants: 1), cap: 20),
            ClockRule(
                kind: .mediationAcceptance, allowance: .workingDays(10),
                note: "then mediation is deemed declined"),
            ClockRule(
                kind: .mediation, allowance: .workingDays(30),
                extensionRule: ExtensionRule(
                    approver: .caseworker, maxPerGrant: 20, consentFromGrant: 1, consentOf: both),
                cap: 50),
            ClockRule(
                kind: .respondentResponse, allowance: .workingDays(20),
                extensionRule: ExtensionRule(approver: .caseworker, maxPerGrant: 10), cap: 30),
            ClockRule(
                kind: .investigation, allowance: .workingDays(60),
                extensionRule: ExtensionRule(
                    approver: .ombudsperson, maxPerGrant: 30, consentFromGrant: 2, consentOf: .complainant),
                cap: 120),
            ClockRule(
                kind: .arbitrationAward, allowance: .workingDays(20),
                extensionRule: ExtensionRule(approver: .ombudsperson, note: "exceptional only")),
            ClockRule(
                kind: .arbitrationOverall, allowance: .months(6),
                extensionRule: ExtensionRule(approver: .ombudsperson, note: "exceptional only"), cap: 9),
            ClockRule(
                kind: .respondentReply, allowance: .calendarDays(30),
                extensionRule: ExtensionRule(
                    approver: .ombudsperson, note: "set by the ombudsperson for systemic recommendations"),
                cap: 90),
            ClockRule(
                kind: .remedy, remedyScale: .personal, allowance: .workingDays(20),
                extensionRule: ExtensionRule(
                    approver: .caseworker, consentFromGrant: 1, consentOf: both, note: "agreed, dated revision")),
            ClockRule(
                kind: .remedy, remedyScale: .service, allowance: .months(3),
                extensionRule: ExtensionRule(
                    approver: .caseworker, consentFromGrant: 1, consentOf: both, note: "agreed, dated revision")),
            ClockRule(
                kind: .remedy, remedyScale: .systemic, allowance: .months(6),
                extensionRule: ExtensionRule(
                    approver: .caseworker, consentFromGrant: 1, consentOf: both, note: "agreed, dated revision"),
                cap: 12),
            ClockRule(kind: .verification, allowance: .workingDays(10)),
            ClockRule(kind: .parallelReview, allowance: .workingDays(60), repeating: true),
            ClockRule(kind: .complainantUpdate, allowance: .workingDays(20), repeating: true),
            ClockRule(kind: .review, allowance: .workingDays(20)),
        ]
        let paused: [CaseState: Set<ClockKind>] = [
            .awaitingInfo: Set(ClockKind.allCases.filter(\.isStageClock)),
            .onHold: Set(ClockKind.allCases.filter { $0 != .parallelReview }),
            .mediation: [.investigation],
        ]
        // The table above is complete, so this cannot fail.
        return try! Policy(version: 1, effectiveFrom: LocalDate(dayNumber: 0), rules: rules, pausedClocks: paused)
    }()
}
