/// How long a closed case's personal data is kept, by what the case came to: part of each
/// policy version (DOMAIN.md §e, SPEC §4). Periods are whole years counted from the day the
/// case closed, or, for a case with remedies, from the day its last remedy ended.
///
/// No period may be shorter than the statutory minimum, below which the database also refuses
/// every anonymisation and erasure.
public struct RetentionSchedule: Sendable, Hashable, Codable {
    /// What a case came to, for its retention period.
    public enum Class: String, Sendable, Hashable, Codable, CaseIterable {
        /// Closed as out of jurisdiction.
        case outOfJurisdiction = "out_of_jurisdiction"
        /// Investigated and not upheld, without remedies.
        case notUpheld = "not_upheld"
        /// Upheld (in part), or with remedies: counted from the last remedy's end.
        case upheldOrRemedied = "upheld_or_remedied"
        /// Everything else.
        case other
    }

    /// Years kept after closing (or after the last remedy), by class.
    public var years: [Class: Int]
    /// Years after closing before which nothing of a case may be anonymised or erased.
    public var statutoryMinimumYears: Int

    /// The default schedule: out of jurisdiction 1 year, not upheld 3 years, upheld or with
    /// remedies 10 years after the last remedy ended, anything else 5 years (SPEC §4); nothing
    /// anonymised or erased within a year of closing.
    public static let `default` = RetentionSchedule(
        uncheckedYears: [.outOfJurisdiction: 1, .notUpheld: 3, .upheldOrRemedied: 10, .other: 5],
        statutoryMinimumYears: 1)

    private init(uncheckedYears years: [Class: Int], statutoryMinimumYears: Int) {
        self.years = years
        self.statutoryMinimumYears = statutoryMinimumYears
    }

    /// A schedule, refusing a period below the statutory minimum or a negative minimum. Classes
    /// left out take the default's period.
    public init(years: [Class: Int], statutoryMinimumYears: Int) throws {
        guard statutoryMinimumYears >= 0 else {
            throw PolicyError.negativeAllowance("statutory minimum", statutoryMinimumYears)
        }
        var all = Self.default.years
        for (key, value) in years { all[key] = value }
        for kind in Class.allCases where all[kind]! < statutoryMinimumYears {
            throw PolicyError.retentionBelowMinimum(kind.rawValue, years: all[kind]!, minimum: statutoryMinimumYears)
        }
        self.init(uncheckedYears: all, statutoryMinimumYears: statutoryMinimumYears)
    }

    /// The class of a case closed with `outcome`, with or without remedies.
    public static func classify(outcome: Outcome?, hasRemedies: Bool) -> Class {
        if hasRemedies { return .upheldOrRemedied }
        switch outcome {
        case .outOfJurisdiction: return .outOfJurisdiction
        case .notUpheld: return .notUpheld
        case .upheld, .partlyUpheld: return .upheldOrRemedied
        default: return .other
        }
    }

    /// The first day on which a case's personal data is no longer kept: its period after it
    /// closed on `closedOn`, or after its last remedy ended (`lastRemedyEndedOn`) when later.
    public func retainedUntil(
        closedOn: LocalDate, outcome: Outcome?, hasRemedies: Bool, lastRemedyEndedOn: LocalDate?
    ) -> LocalDate {
        let kind = Self.classify(outcome: outcome, hasRemedies: hasRemedies)
        let start = max(closedOn, lastRemedyEndedOn ?? closedOn)
        let period = max(years[kind] ?? Self.default.years[kind]!, statutoryMinimumYears)
        return start.adding(months: 12 * period)
    }

    private enum CodingKeys: String, CodingKey {
        case years
        case statutoryMinimumYears = "statutory_minimum_years"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let named = try container.decodeIfPresent([String: Int].self, forKey: .years) ?? [:]
        var years: [Class: Int] = [:]
        for (name, value) in named {
            guard let kind = Class(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .years, in: container, debugDescription: "\(name) is not a retention class")
            }
            years[kind] = value
        }
        do {
            try self.init(
                years: years,
                statutoryMinimumYears: container.decodeIfPresent(Int.self, forKey: .statutoryMinimumYears)
                    ?? Self.default.statutoryMinimumYears)
        } catch let error as PolicyError {
            throw DecodingError.dataCorruptedError(forKey: .years, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            Dictionary(uniqueKeysWithValues: years.map { ($0.key.rawValue, $0.value) }), forKey: .years)
        try container.encode(statutoryMinimumYears, forKey: .statutoryMinimumYears)
    }
}
