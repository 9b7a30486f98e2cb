extension Clock {
    /// The clock on the urgent profile (`urgent`) or off it, under `policy`, the version it runs
    /// under: an allowance that follows the version's rule becomes the rule at the new urgency;
    /// one set by hand stays. Its start, pauses and extensions stay as they were.
    public func withUrgency(_ urgent: Bool, under policy: Policy) -> Clock {
        var clock = self
        clock.urgent = urgent
        let scale = remedyScale ?? .personal
        if allowance == policy.allowance(for: kind, scale: scale, urgent: self.urgent) {
            clock.allowance = policy.allowance(for: kind, scale: scale, urgent: urgent)
        }
        return clock
    }
}
