public import Foundation

/// The office's working calendar: its time zone, its working days of the week and its holidays.
///
/// A working day is a date whose weekday is in the week mask and that is not a holiday in any
/// of the office's holiday calendars. Counting follows numpy's `busday_offset` and
/// `busday_count` exactly (see `WorkCalendar+BusinessDays.swift`).
public struct WorkCalendar: Sendable {
    /// The office time zone and the date it is there.
    public let clock: OfficeClock
    /// The IANA name of the office time zone, as it was given ("Asia/Seoul").
    public var timeZoneIdentifier: String { clock.timeZoneIdentifier }
    /// The office time zone.
    public var timeZone: TimeZone { clock.timeZone }
    /// The working days of the week.
    public let weekMask: WeekMask
    /// Every holiday of every calendar, ordered by date.
    public let holidays: [Holiday]

    /// Day numbers of the holidays that fall on a working weekday, sorted and without repeats:
    /// a holiday on a Sunday changes no count, so it is left out here.
    let holidayDays: [Int]
    /// `steps[weekday * 8 + j]`: days from a day of that weekday (0 = Monday) to the j-th
    /// week-mask day after it, for j in 1...daysPerWeek.
    let forwardSteps: [Int]
    /// The same going backwards.
    let backwardSteps: [Int]
    /// `prefix[weekday * 8 + r]`: week-mask days among the r days starting at that weekday.
    let maskPrefix: [Int]

    /// Makes a calendar for the time zone named `timeZone`, refusing names that are not IANA zones.
    public init(timeZone identifier: String, weekMask: WeekMask = .mondayToFriday, holidays: [Holiday] = []) throws {
        self.clock = try OfficeClock(timeZone: identifier)
        self.weekMask = weekMask
        for holiday in holidays {
            if holiday.name.isBlank { throw CalendarError.unnamedHoliday(holiday.date) }
            if holiday.calendar.isBlank { throw CalendarError.unnamedHolidayCalendar(holiday.date) }
        }
        self.holidays = Array(Set(holidays)).sorted()
        var days: [Int] = []
        for holiday in self.holidays where weekMask.contains(isoWeekday: holiday.date.weekday) {
            if days.last != holiday.date.dayNumber { days.append(holiday.date.dayNumber) }
        }
        self.holidayDays = days

        var forward = [Int](repeating: 0, count: 56)
        var backward = [Int](repeating: 0, count: 56)
        var prefix = [Int](repeating: 0, count: 56)
        for weekday in 0..<7 {
            var found = 0
            var distance = 0
            while found < weekMask.daysPerWeek {
                distance += 1
                if weekMask.contains(isoWeekday: (weekday + distance) % 7 + 1) {
                    found += 1
                    forward[weekday * 8 + found] = distance
                }
            }
            found = 0
            distance = 0
            while found < weekMask.daysPerWeek {
                distance += 1
                if weekMask.contains(isoWeekday: (weekday - distance + 700) % 7 + 1) {
                    found += 1
                    backward[weekday * 8 + found] = distance
                }
            }
            for length in 1..<8 {
                let day = (weekday + length - 1) % 7 + 1
                prefix[weekday * 8 + length] =
                    prefix[weekday * 8 + length - 1] + (weekMask.contains(isoWeekday: day) ? 1 : 0)
            }
        }
        self.forwardSteps = forward
        self.backwardSteps = backward
        self.maskPrefix = prefix
    }

    /// The names of the holiday calendars in use, sorted.
    public var calendarNames: [String] {
        Array(Set(holidays.map(\.calendar))).sorted()
    }

    /// The same calendar with `added` holidays as well.
    public func adding(holidays added: [Holiday]) throws -> WorkCalendar {
        try WorkCalendar(timeZone: timeZoneIdentifier, weekMask: weekMask, holidays: holidays + added)
    }

    /// The same calendar without the holidays on `date` (in every calendar, or only in `calendar`).
    public func removingHolidays(on date: LocalDate, calendar: String? = nil) throws -> WorkCalendar {
        let kept = holidays.filter { $0.date != date || (calendar != nil && $0.calendar != calendar) }
        return try WorkCalendar(timeZone: timeZoneIdentifier, weekMask: weekMask, holidays: kept)
    }

    /// The office-local date of `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        clock.date(at: instant)
    }

    /// The holidays on `date`, in every calendar.
    public func holidays(on date: LocalDate) -> [Holiday] {
        var low = 0
        var high = holidays.count
        while low < high {
            let middle = (low + high) / 2
            if holidays[middle].date < date { low = middle + 1 } else { high = middle }
        }
        var found: [Holiday] = []
        while low < holidays.count, holidays[low].date == date {
            found.append(holidays[low])
            low += 1
        }
        return found
    }
}

extension WorkCalendar: Hashable {
    public static func == (lhs: WorkCalendar, rhs: WorkCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier && lhs.weekMask == rhs.weekMask && lhs.holidays == rhs.holidays
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZoneIdentifier)
        hasher.combine(weekMask)
        hasher.combine(holidays)
    }
}

extension WorkCalendar: Codable {
    private enum CodingKeys: String, CodingKey {
        case timeZone = "time_zone"
        case weekMask = "week_mask"
        case holidays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let zone = try container.decode(String.self, forKey: .timeZone)
        let mask = try container.decodeIfPresent(WeekMask.self, forKey: .weekMask) ?? .mondayToFriday
        let holidays = try container.decodeIfPresent([Holiday].self, forKey: .holidays) ?? []
        do {
            try self.init(timeZone: zone, weekMask: mask, holidays: holidays)
        } catch let error as CalendarError {
            throw DecodingError.dataCorruptedError(
                forKey: .timeZone, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        try container.encode(weekMask, forKey: .weekMask)
        try container.encode(holidays, forKey: .holidays)
    }
}
