public import RedressCore

/// What a change did to the clocks, for the audit row and for people.
public struct ClockEffects: Sendable, Hashable {
    public var started: [ClockKind] = []
    public var met: [ClockKind] = []
    public var paused: [ClockKind] = []
    public var resumed: [ClockKind] = []
    public var cancelled: [ClockKind] = []
    public var extended: [ClockKind] = []
    public var rebased: [ClockKind] = []

    public init() {}

    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, kinds) in [
            ("started", started), ("met", met), ("paused", paused), ("resumed", resumed), ("cancelled", cancelled),
            ("extended", extended), ("rebased", rebased),
        ]
        where !kinds.isEmpty {
            object[key] = .array(kinds.map { .string($0.rawValue) })
        }
        return .object(object)
    }
}
