public import Postgres
public import RedressCore

/// The office's working-day calendar as three integer arrays that every statistics query
/// receives as parameters, so that SQL counts working days exactly as `WorkCalendar` does.
///
/// The day-counting rule belongs to RedressCore; rather than write it a second time in SQL,
/// the queries look dates up in arrays that RedressCore itself computed, for every date from
/// `first` to `last`:
///
/// - `$1`, `ordinal`: for the date `first + i`, element `i + 1` is the number of working days
///   from `first` up to (not including) that date;
/// - `$2`, `rolled`: element `i + 1` is how many days after `first` the date `first + i`,
///   rolled forward to a working day, falls;
/// - `$3`, `working`: element `k + 1` is how many days after `first` the working day with
///   ordinal `k` falls;
/// - `$4`: `first`.
///
/// With them, for dates `a ≤ b` in range, `busday_count(a, b)` is `ordinal(b) − ordinal(a)`,
/// and `busday_offset(d, n, roll='forward')` (n ≥ 0) is the working day with ordinal
/// `ordinal(d) + n` (rolling forward passes only days off, which keep the ordinal). A date
/// outside the range reads as NULL, which the queries take as "after the period".
///
/// The arrays travel as typed `int4[]` parameters and the dates as `date` parameters:
/// PostgreSQL then subscripts a constant, which is several times faster than joining a calendar
/// table. (Text would be cast again for every row: the input functions of arrays and dates are
/// only stable, so the planner never folds the cast.)
public struct StatisticsCalendar: Sendable {
    /// The calendar the arrays were made from.
    public let calendar: WorkCalendar
    /// The first date covered.
    public let first: LocalDate
    /// The last date covered.
    public let last: LocalDate
    let ordinal: [Int]
    let rolled: [Int]
    let working: [Int]

    /// Makes the arrays for the dates from `first` to `last`, both included.
    public init(_ calendar: WorkCalendar, from first: LocalDate, through last: LocalDate) {
        precondition(first <= last, "the calendar range ends before it starts")
        self.calendar = calendar
        self.first = first
        self.last = last
        let count = last - first + 1
        var ordinal: [Int] = []
        var rolled: [Int] = []
        var working: [Int] = []
        ordinal.reserveCapacity(count)
        rolled.reserveCapacity(count)
        var day = first
        while day <= last {
            ordinal.append(working.count)
            rolled.append(calendar.rollForward(day) - first)
            if calendar.isWorkingDay(day) { working.append(day - first) }
            day = day + 1
        }
        self.ordinal = ordinal
        self.rolled = rolled
        self.working = working
    }

    /// The parameters `$1` to `$4`.
    public var binds: [PostgresBind] {
        [
            PostgresBind(IntegerArray(ordinal)), PostgresBind(IntegerArray(rolled)),
            PostgresBind(IntegerArray(working)), PostgresBind(first),
        ]
    }

    /// SQL for the ordinal of the date `date` (an SQL expression): `busday_count(first, date)`.
    public static func ordinal(_ date: String) -> String { "$1[(\(date)) - $4::date + 1]" }

    /// SQL for the date `date` rolled forward to a working day.
    public static func rolled(_ date: String) -> String { "($4::date + $2[(\(date)) - $4::date + 1])" }

    /// SQL for the working day whose ordinal is `ordinal`.
    public static func workingDay(_ ordinal: String) -> String { "($4::date + $3[(\(ordinal)) + 1])" }

    /// An `int4[]` parameter.
    struct IntegerArray: PostgresEncodable {
        static var postgresType: PostgresType { PostgresType(rawValue: 1007) }
        var elements: [Int]
        init(_ elements: [Int]) { self.elements = elements }
        var postgresText: String { "{" + elements.map(String.init).joined(separator: ",") + "}" }
    }
}
