extension Policy {
    /// Checks that an extension of `amount` units to `clock`, approved on `date` by someone
    /// holding `roles`, is allowed; throws a `PolicyError` naming what is missing.
    ///
    /// The rules (SPEC §2.3): the clock's rule must allow extensions; an approver of the named
    /// role or a higher one (an admin approves nothing); at most two extensions per clock, or
    /// fewer where the rule says so; approval on or before the due date; no more than the rule's
    /// most per extension; recorded consent where the rule asks for it; and beyond the cap only
    /// with the complainant's recorded consent.
    ///
    /// Pass the policy of the clock's own version (`PolicySet.policy(version:)`).
    public func validateExtension(
        clock: Clock,
        amount: Int,
        by roles: Set<Role>,
        on date: LocalDate,
        consent: Bool,
        calendar: WorkCalendar
    ) throws {
        let kind = clock.kind
        if clock.cancelled { throw PolicyError.clockCancelled(kind) }
        if let ended = clock.endedOn { throw PolicyError.clockEnded(kind, on: ended) }
        let rule = rule(for: clock)
        guard let extensionRule = rule.extensionRule else { throw PolicyError.notExtendable(kind) }
        guard amount > 0 else { throw PolicyError.amountNotPositive(kind, amount) }
        guard roles.contains(where: { $0.canApprove(asRequired: extensionRule.approver) }) else {
            throw PolicyError.approverRequired(kind, required: extensionRule.approver, given: roles)
        }
        guard clock.extensions.count < extensionRule.maxGrants else {
            throw PolicyError.tooManyExtensions(kind, limit: extensionRule.maxGrants)
        }
        let due = clock.dueDate(on: calendar, resumingOn: date)
        guard date <= due else { throw PolicyError.clockExpired(kind, due: due, on: date) }
        if let most = extensionRule.maxPerGrant, amount > most {
            throw PolicyError.amountTooLarge(
                kind, amount: Allowance(amount, clock.allowance.unit), most: Allowance(most, clock.allowance.unit))
        }
        let grant = clock.extensions.count + 1
        if let from = extensionRule.consentFromGrant, grant >= from, !consent {
            throw PolicyError.consentRequired(kind, party: extensionRule.consentOf, grant: grant)
        }
        let total = clock.totalAllowance + amount
        if let cap = rule.cap, total > cap, !consent {
            throw PolicyError.beyondCapNeedsConsent(
                kind, total: Allowance(total, clock.allowance.unit), cap: Allowance(cap, clock.allowance.unit))
        }
    }

    /// Validates an extension and records it on `clock`, approved by `login` holding `roles`.
    ///
    /// The extension is recorded under the highest of `roles` that may approve it.
    public func grantExtension(
        to clock: inout Clock,
        amount: Int,
        reason: String,
        by roles: Set<Role>,
        login: String,
        on date: LocalDate,
        consent: Bool,
        calendar: WorkCalendar
    ) throws {
        guard !reason.isBlank else { throw PolicyError.missingReason(clock.kind) }
        guard !login.isBlank else { throw PolicyError.missingApprover(clock.kind) }
        try validateExtension(clock: clock, amount: amount, by: roles, on: date, consent: consent, calendar: calendar)
        let required = rule(for: clock).extensionRule?.approver ?? .ombudsperson
        let role =
            roles.filter { $0.canApprove(asRequired: required) }.max { ($0.approvalRank ?? 0) < ($1.approvalRank ?? 0) }
            ?? required
        clock.extensions.append(
            Clock.Extension(
                amount: amount, reason: reason, approverRole: role, approvedBy: login, onDate: date,
                withConsent: consent))
    }
}
