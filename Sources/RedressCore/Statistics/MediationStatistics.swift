/// Mediation over the period (DOMAIN.md §d.7): offers, answers, outcomes and time to settle.
public struct MediationStatistics: Sendable, Hashable, Codable {
    /// Mediations offered in the period.
    public var offered: Int
    /// Offers accepted by the parties in the period.
    public var accepted: Int
    /// Offers declined (or deemed declined) in the period.
    public var declined: Int
    /// Mediations settled in the period.
    public var settled: Int
    /// Mediations that failed in the period.
    public var failed: Int
    /// Mediations withdrawn from in the period.
    public var withdrawn: Int
    /// Settled among the mediations that ended in the period (settled, failed or withdrawn).
    public var settlementRate: Proportion
    /// Accepted among the offers answered in the period.
    public var acceptanceRate: Proportion
    /// The median working days from offer to settlement, over the settlements of the period.
    public var medianWorkingDaysToSettlement: Double?
    /// The mean of the same, rounded to two decimals.
    public var meanWorkingDaysToSettlement: Double?

    /// Makes the mediation section.
    public init(
        offered: Int, accepted: Int, declined: Int, settled: Int, failed: Int, withdrawn: Int,
        medianWorkingDaysToSettlement: Double?, meanWorkingDaysToSettlement: Double?
    ) {
        self.offered = offered
        self.accepted = accepted
        self.declined = declined
        self.settled = settled
        self.failed = failed
        self.withdrawn = withdrawn
        self.settlementRate = Proportion(settled, of: settled + failed + withdrawn)
        self.acceptanceRate = Proportion(accepted, of: accepted + declined)
        self.medianWorkingDaysToSettlement = medianWorkingDaysToSettlement
        self.meanWorkingDaysToSettlement = meanWorkingDaysToSettlement
    }

    private enum CodingKeys: String, CodingKey {
        case offered
        case accepted
        case declined
        case settled
        case failed
        case withdrawn
        case settlementRate = "settlement_rate"
        case acceptanceRate = "acceptance_rate"
        case medianWorkingDaysToSettlement = "median_working_days_to_settlement"
        case meanWorkingDaysToSettlement = "mean_working_days_to_settlement"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            offered: try container.decode(Int.self, forKey: .offered),
            accepted: try container.decode(Int.self, forKey: .accepted),
            declined: try container.decode(Int.self, forKey: .declined),
            settled: try container.decode(Int.self, forKey: .settled),
            failed: try container.decode(Int.self, forKey: .failed),
            withdrawn: try container.decode(Int.self, forKey: .withdrawn),
            medianWorkingDaysToSettlement: try container.decodeIfPresent(
                Double.self, forKey: .medianWorkingDaysToSettlement),
            meanWorkingDaysToSettlement: try container.decodeIfPresent(
                Double.self, forKey: .meanWorkingDaysToSettlement)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(offered, forKey: .offered)
        try container.encode(accepted, forKey: .accepted)
        try container.encode(declined, forKey: .declined)
        try container.encode(settled, forKey: .settled)
        try container.encode(failed, forKey: .failed)
        try container.encode(withdrawn, forKey: .withdrawn)
        try container.encode(settlementRate, forKey: .settlementRate)
        try container.encode(acceptanceRate, forKey: .acceptanceRate)
        try container.encode(medianWorkingDaysToSettlement, forKey: .medianWorkingDaysToSettlement)
        try container.encode(meanWorkingDaysToSettlement, forKey: .meanWorkingDaysToSettlement)
    }
}
