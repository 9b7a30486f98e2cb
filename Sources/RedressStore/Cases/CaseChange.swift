import RedressCore

/// The result of a change: the case after it, and what it did to the clocks.
public struct CaseChange: Sendable {
    public var record: CaseRecord
    public var effects: ClockEffects
    /// The kinds of the notices queued.
    public var notices: [String]
}
