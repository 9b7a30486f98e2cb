import Foundation

/// The statistics for an annual (or any) report of the office: `redress report stats`.
///
/// Every figure is computed by the store in SQL over the recorded facts, as they stood at the
/// end of the period; this value only carries them to the text, CSV, JSON and HTML formatters.
/// A section the database cannot yet supply is `nil`, and `notes` says why.
public struct StatisticsReport: Sendable, Hashable, Codable {
    /// The office's name, for headings.
    public var office: String
    /// The office time zone in which dates were taken.
    public var timeZone: String
    /// The dates covered.
    public var period: StatisticsPeriod
    /// Received, closed, carried over; by channel, category and respondent.
    public var volume: VolumeStatistics
    /// Stage of closure and outcomes.
    public var outcomes: OutcomeStatistics
    /// Clocks, pauses, extensions and the age of open cases.
    public var timeliness: TimelinessStatistics
    /// Mediation offers, answers and outcomes, when recorded.
    public var mediation: MediationStatistics?
    /// Remedies by class and kind and financial redress, when recorded.
    public var remedies: RemedyStatistics?
    /// Acceptance and implementation of remedies, when recorded.
    public var compliance: ComplianceStatistics?
    /// Reviews of decisions, when recorded.
    public var reviews: ReviewStatistics?
    /// Anonymised cases, legal holds and subject access requests, when recorded.
    public var dataProtection: DataProtectionStatistics?
    /// The per-group table, when `--by` was given.
    public var groups: GroupStatistics?
    /// Remarks on how figures were obtained or why a section is missing.
    public var notes: [String]
    /// Seconds the standby the report was read from was behind its primary; nil when it was
    /// read from the primary (and then absent from the JSON).
    public var standbyReplayLag: Double? = nil

    /// Makes a report.
    public init(
        office: String, timeZone: String, period: StatisticsPeriod, volume: VolumeStatistics,
        outcomes: OutcomeStatistics, timeliness: TimelinessStatistics, mediation: MediationStatistics?,
        remedies: RemedyStatistics?, compliance: ComplianceStatistics?, reviews: ReviewStatistics? = nil,
        groups: GroupStatistics? = nil, notes: [String] = [], dataProtection: DataProtectionStatistics? = nil
    ) {
        self.dataProtection = dataProtection
        self.office = office
        self.timeZone = timeZone
        self.period = period
        self.volume = volume
        self.outcomes = outcomes
        self.timeliness = timeliness
        self.mediation = mediation
        self.remedies = remedies
        self.compliance = compliance
        self.reviews = reviews
        self.groups = groups
        self.notes = notes
    }

    /// The report in `format`, as the bytes `redress report stats` writes.
    public func rendered(as format: StatisticsFormat) -> String {
        switch format {
        case .text: return renderText()
        case .csv: return renderCSV()
        case .json: return renderJSON()
        case .html: return renderHTML()
        }
    }

    private enum CodingKeys: String, CodingKey {
        case office
        case timeZone = "time_zone"
        case period
        case volume
        case outcomes
        case timeliness
        case mediation
        case remedies
        case compliance
        case reviews
        case dataProtection = "data_protection"
        case groups
        case notes
        case standbyReplayLag = "standby_replay_lag_seconds"
    }

    public func encode(to encoder: any Encoder) throws {
        // Absent sections are written as null, so scripts see every key.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(office, forKey: .office)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(period, forKey: .period)
        try container.encode(volume, forKey: .volume)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encode(timeliness, forKey: .timeliness)
        try container.encode(mediation, forKey: .mediation)
        try container.encode(remedies, forKey: .remedies)
        try container.encode(compliance, forKey: .compliance)
        try container.encode(reviews, forKey: .reviews)
        // Null in a report read back from JSON made before the section existed.
        try container.encode(dataProtection, forKey: .dataProtection)
        try container.encode(groups, forKey: .groups)
        try container.encode(notes, forKey: .notes)
        try container.encodeIfPresent(standbyReplayLag, forKey: .standbyReplayLag)
    }
}

extension StatisticsReport {
    /// How a code such as `out_of_jurisdiction` reads in a table: "Out of jurisdiction".
    static func label(_ code: String) -> String {
        let words = code.replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return code }
        return first.uppercased() + words.dropFirst()
    }

    /// A count of working days with at most two decimals and no trailing zeros ("12", "12.5").
    static func days(_ value: Double?) -> String {
        guard let value else { return "–" }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `days(_:)` for an integer.
    static func days(_ value: Int?) -> String {
        value.map(String.init) ?? "–"
    }
}
