public import RedressCore

/// A clock as stored: its facts as a RedressCore `Clock`, and where they live.
public struct StoredClock: Sendable, Hashable {
    /// The `clock` row, nil until saved.
    public var id: Int?
    public var clock: Clock
    /// For a clock of one remedy item (`remedy`, `verification`) or one further information
    /// request to the respondent, that item's or request's number; nil for the case's own clocks.
    public var subject: Int?
    /// Why each pause was made (`manual`, `awaiting_info`, `on_hold`, `mediation`), parallel to `clock.pauses`.
    public var pauseCauses: [String]
    /// The pauses as they were read, to find what changed.
    var savedPauses: [Clock.Pause]
    /// How many extensions were read.
    var savedExtensionCount: Int
    /// Whether the clock's own facts changed since it was read.
    var isDirty: Bool

    init(id: Int?, clock: Clock, pauseCauses: [String], subject: Int? = nil) {
        self.id = id
        self.clock = clock
        self.subject = subject
        self.pauseCauses = pauseCauses
        savedPauses = id == nil ? [] : clock.pauses
        savedExtensionCount = id == nil ? 0 : clock.extensions.count
        isDirty = id == nil
    }

    /// Whether the clock still counts (neither ended nor cancelled).
    public var isLive: Bool { clock.endedOn == nil && !clock.cancelled }

    /// The cause of the open pause, if the clock is paused.
    public var openPauseCause: String? {
        guard let index = clock.pauses.lastIndex(where: \.isOpen) else { return nil }
        return pauseCauses[index]
    }
}
