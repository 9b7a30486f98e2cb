/// A named day off in one of the office's holiday calendars.
public struct Holiday: Sendable, Hashable, Codable {
    /// The local date of the holiday.
    public var date: LocalDate
    /// What the day is called, as explanations print it ("Children's Day").
    public var name: String
    /// The holiday calendar it comes from ("KR national", "Gwangju"); an office may use several.
    public var calendar: String

    /// Makes a holiday on `date` called `name` in the calendar named `calendar`.
    public init(date: LocalDate, name: String, calendar: String) {
        self.date = date
        self.name = name
        self.calendar = calendar
    }
}

extension Holiday: Comparable {
    /// Orders by date, then calendar, then name, so listings are stable.
    public static func < (lhs: Holiday, rhs: Holiday) -> Bool {
        (lhs.date, lhs.calendar, lhs.name) < (rhs.date, rhs.calendar, rhs.name)
    }
}

extension Holiday: CustomStringConvertible {
    public var description: String { "\(date.iso) \(name) (\(calendar))" }
}

extension Holiday {
    /// `holidays` with those of one calendar on one date made one, their different names
    /// joined in the order given ("Chuseok; National Foundation Day"): a file may name two
    /// holidays on one day, and a calendar keeps one name a day.
    public static func merged(_ holidays: [Holiday]) -> [Holiday] {
        var merged: [Holiday] = []
        var names: [Pair: (index: Int, names: [String])] = [:]
        for holiday in holidays {
            let key = Pair(date: holiday.date, calendar: holiday.calendar)
            guard let day = names[key] else {
                names[key] = (merged.count, [holiday.name])
                merged.append(holiday)
                continue
            }
            guard !day.names.contains(holiday.name) else { continue }
            names[key]!.names.append(holiday.name)
            merged[day.index].name = names[key]!.names.joined(separator: "; ")
        }
        return merged
    }

    private struct Pair: Hashable {
        var date: LocalDate
        var calendar: String
    }
}
