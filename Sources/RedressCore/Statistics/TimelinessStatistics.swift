/// How quickly the office and the respondents worked (DOMAIN.md §d.4).
public struct TimelinessStatistics: Sendable, Hashable, Codable {
    /// One row per clock kind that ended, was extended or was breached in the period, in the
    /// order of `ClockKind.allCases`.
    public var clocks: [ClockTimeliness]
    /// Paused time within the period, by the reason for the pause.
    public var pausedByReason: [PauseRow]
    /// How long the cases open at the end of the period had been open.
    public var ageProfile: AgeProfile

    /// Makes the timeliness section.
    public init(clocks: [ClockTimeliness], pausedByReason: [PauseRow], ageProfile: AgeProfile) {
        self.clocks = clocks
        self.pausedByReason = pausedByReason
        self.ageProfile = ageProfile
    }

    /// Extensions granted in the period, over every clock.
    public var extensionsGranted: Int {
        clocks.reduce(0) { $0 + $1.extensionsGranted }
    }

    /// The upper bounds, in working days net of pauses, of the bands of `ClockTimeliness.distribution`;
    /// the last band has no upper bound.
    public static let bandUpperBounds = [5, 10, 20, 30, 60, 120]

    /// The band labels: "0–5", "6–10", …, "121+".
    public static var bandLabels: [String] {
        var labels: [String] = []
        var lower = 0
        for upper in bandUpperBounds {
            labels.append("\(lower)–\(upper)")
            lower = upper + 1
        }
        labels.append("\(lower)+")
        return labels
    }

    /// The band index of a number of working days.
    public static func band(of workingDays: Int) -> Int {
        bandUpperBounds.firstIndex { workingDays <= $0 } ?? bandUpperBounds.count
    }

    private enum CodingKeys: String, CodingKey {
        case clocks
        case pausedByReason = "paused_by_reason"
        case ageProfile = "age_profile"
        case extensionsGranted = "extensions_granted"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            clocks: try container.decode([ClockTimeliness].self, forKey: .clocks),
            pausedByReason: try container.decode([PauseRow].self, forKey: .pausedByReason),
            ageProfile: try container.decode(AgeProfile.self, forKey: .ageProfile)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clocks, forKey: .clocks)
        try container.encode(pausedByReason, forKey: .pausedByReason)
        try container.encode(ageProfile, forKey: .ageProfile)
        try container.encode(extensionsGranted, forKey: .extensionsGranted)
    }
}

/// The timeliness of one clock kind over the period.
///
/// A clock counts as ended in the period when the event that ended it falls in the period; it
/// was met when that was on or before its due date (SPEC §2.2), late otherwise. Its length is
/// the working days from its start date to its ending date (`busday_count(start, end)`) less
/// the working days its pauses held, whatever the clock's own unit.
public struct ClockTimeliness: Sendable, Hashable, Codable {
    /// The clock kind.
    public var kind: ClockKind
    /// Clocks of this kind that ended in the period.
    public var ended: Int
    /// Of those, the ones met on or before their due date.
    public var withinAllowance: Proportion
    /// Of those, the ones met after their due date.
    public var late: Proportion
    /// The mean length in working days net of pauses, rounded to two decimals.
    public var meanWorkingDays: Double?
    /// The median length: the middle value, or halfway between the two middle ones.
    public var medianWorkingDays: Double?
    /// The 90th percentile by nearest rank: the least length that at least 90% of the clocks did not exceed.
    public var p90WorkingDays: Int?
    /// Extensions of clocks of this kind granted in the period.
    public var extensionsGranted: Int
    /// Clocks of this kind still running and past their due date at the end of the period.
    public var breachedAtEnd: Int
    /// How many ended clocks fall in each band of `TimelinessStatistics.bandUpperBounds`.
    public var distribution: [Int]

    /// Makes a row.
    public init(
        kind: ClockKind, ended: Int, met: Int, meanWorkingDays: Double?, medianWorkingDays: Double?,
        p90WorkingDays: Int?, extensionsGranted: Int, breachedAtEnd: Int, distribution: [Int]
    ) {
        self.kind = kind
        self.ended = ended
        self.withinAllowance = Proportion(met, of: ended)
        self.late = Proportion(ended - met, of: ended)
        self.meanWorkingDays = meanWorkingDays
        self.medianWorkingDays = medianWorkingDays
        self.p90WorkingDays = p90WorkingDays
        self.extensionsGranted = extensionsGranted
        self.breachedAtEnd = breachedAtEnd
        self.distribution = distribution
    }

    /// Clocks met on or before their due date.
    public var met: Int { withinAllowance.count }
    /// Clocks met after their due date.
    public var metLate: Int { late.count }

    private enum CodingKeys: String, CodingKey {
        case kind
        case ended
        case withinAllowance = "within_allowance"
        case late
        case meanWorkingDays = "mean_working_days"
        case medianWorkingDays = "median_working_days"
        case p90WorkingDays = "p90_working_days"
        case extensionsGranted = "extensions_granted"
        case breachedAtEnd = "breached_at_end"
        case distribution
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ended = try container.decode(Int.self, forKey: .ended)
        self.init(
            kind: try container.decode(ClockKind.self, forKey: .kind),
            ended: ended,
            met: try container.decode(Proportion.self, forKey: .withinAllowance).count,
            meanWorkingDays: try container.decodeIfPresent(Double.self, forKey: .meanWorkingDays),
            medianWorkingDays: try container.decodeIfPresent(Double.self, forKey: .medianWorkingDays),
            p90WorkingDays: try container.decodeIfPresent(Int.self, forKey: .p90WorkingDays),
            extensionsGranted: try container.decode(Int.self, forKey: .extensionsGranted),
            breachedAtEnd: try container.decode(Int.self, forKey: .breachedAtEnd),
            distribution: try container.decode([Int].self, forKey: .distribution)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(ended, forKey: .ended)
        try container.encode(withinAllowance, forKey: .withinAllowance)
        try container.encode(late, forKey: .late)
        try container.encode(meanWorkingDays, forKey: .meanWorkingDays)
        try container.encode(medianWorkingDays, forKey: .medianWorkingDays)
        try container.encode(p90WorkingDays, forKey: .p90WorkingDays)
        try container.encode(extensionsGranted, forKey: .extensionsGranted)
        try container.encode(breachedAtEnd, forKey: .breachedAtEnd)
        try container.encode(distribution, forKey: .distribution)
    }
}

/// Paused time in the period for one reason.
///
/// Only the part of each pause inside the period counts, and a pause still open at the end of
/// the period counts up to its end, so the figures of consecutive periods add up.
public struct PauseRow: Sendable, Hashable, Codable {
    /// Why the clocks were paused ("awaiting_info", "on_hold", "mediation", …).
    public var reason: String
    /// Pauses that held at least one day of the period.
    public var pauses: Int
    /// Working days paused within the period (`busday_count` of each pause's part in the period).
    public var workingDays: Int
    /// Calendar days paused within the period.
    public var calendarDays: Int

    /// Makes a row.
    public init(reason: String, pauses: Int, workingDays: Int, calendarDays: Int) {
        self.reason = reason
        self.pauses = pauses
        self.workingDays = workingDays
        self.calendarDays = calendarDays
    }

    private enum CodingKeys: String, CodingKey {
        case reason
        case pauses
        case workingDays = "working_days"
        case calendarDays = "calendar_days"
    }
}

/// The ages of the cases open at the end of the period, from the local date of receipt to the
/// last day of the period, in calendar months.
public struct AgeProfile: Sendable, Hashable, Codable {
    /// Cases open at the end of the period.
    public var open: Int
    /// Of those, open more than 3 months.
    public var over3Months: Proportion
    /// Open more than 6 months.
    public var over6Months: Proportion
    /// Open more than 12 months.
    public var over12Months: Proportion

    /// Makes a profile from the counts of cases open more than 3, 6 and 12 months.
    public init(open: Int, over3Months: Int, over6Months: Int, over12Months: Int) {
        self.open = open
        self.over3Months = Proportion(over3Months, of: open)
        self.over6Months = Proportion(over6Months, of: open)
        self.over12Months = Proportion(over12Months, of: open)
    }

    private enum CodingKeys: String, CodingKey {
        case open
        case over3Months = "over_3_months"
        case over6Months = "over_6_months"
        case over12Months = "over_12_months"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            open: try container.decode(Int.self, forKey: .open),
            over3Months: try container.decode(Proportion.self, forKey: .over3Months).count,
            over6Months: try container.decode(Proportion.self, forKey: .over6Months).count,
            over12Months: try container.decode(Proportion.self, forKey: .over12Months).count
        )
    }
}
