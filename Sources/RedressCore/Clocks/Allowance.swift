/// How long a clock runs: a number of working days, calendar days or months.
public struct Allowance: Sendable, Hashable, Codable {
    /// How many units.
    public var amount: Int
    /// Which unit.
    public var unit: AllowanceUnit

    /// Makes an allowance of `amount` `unit`s.
    public init(_ amount: Int, _ unit: AllowanceUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// `amount` working days.
    public static func workingDays(_ amount: Int) -> Allowance { Allowance(amount, .workingDays) }
    /// `amount` calendar days.
    public static func calendarDays(_ amount: Int) -> Allowance { Allowance(amount, .calendarDays) }
    /// `amount` months.
    public static func months(_ amount: Int) -> Allowance { Allowance(amount, .months) }
}

extension Allowance: CustomStringConvertible {
    /// "10 working days", "1 month".
    public var description: String { unit.phrase(amount) }
}

/// The unit of an allowance; extensions add the clock's own unit.
public enum AllowanceUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Days in the week mask that are not holidays.
    case workingDays = "working_days"
    /// Every day; only a last day that is not a working day rolls forward.
    case calendarDays = "calendar_days"
    /// Calendar months, clamped to the end of a shorter month, then rolled forward.
    case months

    /// `count` of this unit in words: "1 working day", "30 calendar days", "6 months".
    public func phrase(_ count: Int) -> String {
        let one = abs(count) == 1
        switch self {
        case .workingDays: return "\(count) working \(one ? "day" : "days")"
        case .calendarDays: return "\(count) calendar \(one ? "day" : "days")"
        case .months: return "\(count) \(one ? "month" : "months")"
        }
    }

    /// The unit in which pauses are counted: working days for working-day clocks, days otherwise.
    public var pauseUnit: AllowanceUnit {
        self == .workingDays ? .workingDays : .calendarDays
    }
}

extension AllowanceUnit: CustomStringConvertible {
    public var description: String { rawValue }
}
