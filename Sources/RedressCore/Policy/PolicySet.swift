/// Every version of the policy, each in force from its effective date.
public struct PolicySet: Sendable, Hashable {
    /// The versions, ordered by effective date and then by version number.
    public let versions: [Policy]

    /// Makes a set of versions, refusing two with the same number.
    public init(_ versions: [Policy]) throws {
        var numbers = Set<Int>()
        for policy in versions where !numbers.insert(policy.version).inserted {
            throw PolicyError.duplicateVersion(policy.version)
        }
        self.versions = versions.sorted { ($0.effectiveFrom, $0.version) < ($1.effectiveFrom, $1.version) }
    }

    /// The default policy alone.
    public static let `default` = try! PolicySet([.default])

    /// The version in force on `date`: the greatest effective date on or before it (the higher
    /// version number when two share a date), or `nil` before the first.
    public func policy(on date: LocalDate) -> Policy? {
        versions.last { $0.effectiveFrom <= date }
    }

    /// The version in force on `date`, or an error saying none is.
    public func inForce(on date: LocalDate) throws -> Policy {
        guard let policy = policy(on: date) else { throw PolicyError.noPolicyInForce(date) }
        return policy
    }

    /// The version numbered `version`, for clocks made under it.
    public func policy(version: Int) -> Policy? {
        versions.first { $0.version == version }
    }

    /// The version numbered `version`, or an error saying there is none.
    public func requirePolicy(version: Int) throws -> Policy {
        guard let policy = policy(version: version) else { throw PolicyError.unknownVersion(version) }
        return policy
    }

    /// The set with `policy` added.
    public func adding(_ policy: Policy) throws -> PolicySet {
        try PolicySet(versions + [policy])
    }
}

extension PolicySet: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let versions = try container.decode([Policy].self)
        do {
            try self.init(versions)
        } catch let error as PolicyError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(versions)
    }
}
