public import RedressCore

/// Which cases `case list` shows; nil and false filter nothing.
public struct CaseFilter: Sendable, Hashable {
    public var state: CaseState?
    public var assignee: String?
    public var respondent: String?
    public var category: String?
    /// Only cases with a clock still running after its due date.
    public var breached: Bool
    /// Only cases with a running clock due within this many working days.
    public var dueWithin: Int?
    /// The horizons `dueWithin` may take: up to about forty working years.
    public static let dueWithinRange = 0...10_000
    /// Only cases with a paused clock.
    public var paused: Bool
    public var limit: Int?
    /// Only these cases (by id): the cases a search found.
    public var caseIDs: [Int]?

    public init(
        state: CaseState? = nil, assignee: String? = nil, respondent: String? = nil, category: String? = nil,
        breached: Bool = false, dueWithin: Int? = nil, paused: Bool = false, limit: Int? = nil,
        caseIDs: [Int]? = nil
    ) {
        self.state = state
        self.assignee = assignee
        self.respondent = respondent
        self.category = category
        self.breached = breached
        self.dueWithin = dueWithin
        self.paused = paused
        self.limit = limit
        self.caseIDs = caseIDs
    }
}
