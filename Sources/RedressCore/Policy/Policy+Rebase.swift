/// Re-basing a running clock onto another policy version (SPEC §2.3): a running clock keeps
/// the version it was made under unless it is re-based, explicitly and on the record.
extension PolicySet {
    /// The version a clock is re-based onto on `date`: `version` when given, else the one in
    /// force that day. Throws when there is no such version or it is not in force yet.
    public func rebaseTarget(version: Int?, on date: LocalDate) throws -> Policy {
        guard let version else { return try inForce(on: date) }
        let policy = try requirePolicy(version: version)
        guard policy.effectiveFrom <= date else {
            throw PolicyError.versionNotInForce(version, from: policy.effectiveFrom, on: date)
        }
        return policy
    }
}

extension Clock {
    /// The clock under `policy`: its allowance becomes that version's rule for it (on the urgent
    /// profile when it was made on it); its start, pauses and extensions stay as they were.
    /// `current` is the version it runs under now. Throws a `PolicyError` when the clock has
    /// ended or was cancelled, already runs under `policy`, or has an allowance set by hand.
    public func rebased(onto policy: Policy, from current: Policy) throws -> Clock {
        guard endedOn == nil, !cancelled else { throw PolicyError.clockNotRunning(kind, since: endedOn ?? cancelledOn) }
        guard policy.version != policyVersion else { throw PolicyError.alreadyUnderVersion(kind, policyVersion) }
        let scale = remedyScale ?? .personal
        guard allowance == current.allowance(for: kind, scale: scale, urgent: urgent) else {
            throw PolicyError.allowanceSetByHand(kind, allowance)
        }
        var clock = self
        clock.allowance = policy.allowance(for: kind, scale: scale, urgent: urgent)
        clock.policyVersion = policy.version
        return clock
    }
}
