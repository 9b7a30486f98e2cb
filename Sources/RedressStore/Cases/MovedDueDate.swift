public import RedressCore

/// A running clock whose due date moved because the calendar changed.
public struct MovedDueDate: Sendable, Hashable, Codable {
    public var reference: String
    public var clock: ClockKind
    public var from: LocalDate?
    public var to: LocalDate?

    enum CodingKeys: String, CodingKey {
        case reference, clock, from, to
    }
}
