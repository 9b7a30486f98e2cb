/// How many clocks are on each list of the deadline report.
public struct DeadlineTotals: Sendable, Hashable {
    private var counts: [Int]

    /// Empty totals.
    public init() {
        counts = Array(repeating: 0, count: DeadlineSection.allCases.count)
    }

    /// Totals with the given counts; lists left out count zero.
    public init(_ counts: [DeadlineSection: Int]) {
        self.init()
        for (section, count) in counts { self[section] = count }
    }

    /// The count of one list.
    public subscript(section: DeadlineSection) -> Int {
        get { counts[Self.index(section)] }
        set { counts[Self.index(section)] = newValue }
    }

    /// Counts one more clock on `section`.
    public mutating func add(_ section: DeadlineSection) {
        counts[Self.index(section)] += 1
    }

    /// Adds other totals to these.
    public mutating func add(_ other: DeadlineTotals) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Every clock on the report.
    public var all: Int { counts.reduce(0, +) }

    private static func index(_ section: DeadlineSection) -> Int {
        switch section {
        case .newlyBreached: return 0
        case .overdue: return 1
        case .dueSoon: return 2
        case .paused: return 3
        case .nonCompliance: return 4
        }
    }
}
