/// Why an iCalendar holiday feed was refused. Each names the line (the first line of an
/// unfolded content line) where the trouble is, so the file can be fixed.
public enum HolidayFeedError: Error, Sendable, Hashable {
    /// The file does not begin with `BEGIN:VCALENDAR`.
    case notICalendar
    /// The content line is not valid UTF-8.
    case notUTF8(line: Int)
    /// The line is not `NAME[;PARAM=VALUE]:value`, or is a continuation with nothing to continue.
    case malformedLine(line: Int)
    /// A line outside `BEGIN:VCALENDAR` … `END:VCALENDAR`.
    case outsideCalendar(line: Int)
    /// An `END` that does not close the component open there.
    case unbalancedEnd(line: Int, found: String, open: String?)
    /// A component that is never closed.
    case unterminated(line: Int, component: String)
    /// A component that holds no holidays (a to-do, a journal entry) or that the format does not define there.
    case unsupportedComponent(line: Int, component: String)
    /// A calendar scale other than the Gregorian.
    case unsupportedCalendarScale(line: Int, scale: String)
    /// A property that may appear once in an event appears again.
    case repeatedProperty(line: Int, property: String)
    /// A date property holds a date and time: holidays are whole days.
    case timeOfDay(line: Int, property: String, value: String)
    /// A date property's value is not a date.
    case invalidDate(line: Int, property: String, value: String)
    /// The event has no `DTSTART`.
    case missingStart(line: Int)
    /// The event has no `SUMMARY` to name its holidays by.
    case missingSummary(line: Int)
    /// The event ends before it starts.
    case endBeforeStart(line: Int)
    /// The event gives both `DTEND` and `DURATION`.
    case endAndDuration(line: Int)
    /// The `DURATION` is not a whole number of days or weeks.
    case invalidDuration(line: Int, value: String)
    /// The recurrence rule repeats other than yearly.
    case unsupportedFrequency(line: Int, frequency: String)
    /// The recurrence rule has a part that is not expanded here.
    case unsupportedRulePart(line: Int, part: String)
    /// The recurrence rule has a part whose value is not valid, lacks `FREQ`, or gives both `COUNT` and `UNTIL`.
    case invalidRulePart(line: Int, part: String)
    /// A property that changes or adds instances in a way holidays cannot follow (`RECURRENCE-ID`, `EXRULE`, periods).
    case unsupportedProperty(line: Int, property: String)
    /// The event is cancelled, so it is no holiday.
    case cancelledEvent(line: Int)
    /// An `EXDATE` that is not a date the event falls on.
    case exclusionMatchesNothing(line: Int, date: LocalDate)
    /// The file holds no event.
    case noEvents
    /// The events expand to more holidays than a calendar can sensibly hold.
    case tooManyHolidays(line: Int, limit: Int)
}

extension HolidayFeedError: RedressError {
    public var kind: ErrorKind { .badInput }

    public var message: String {
        switch self {
        case .notICalendar:
            return
                "The file is not iCalendar: it does not begin with BEGIN:VCALENDAR; give an .ics file, or a CSV file with the header date,name."
        case .notUTF8(let line):
            return "Line \(line) is not valid UTF-8 text; save the file as UTF-8."
        case .malformedLine(let line):
            return "Line \(line) is not an iCalendar content line (NAME:value or NAME;PARAMETER=value:value)."
        case .outsideCalendar(let line):
            return "Line \(line) is outside BEGIN:VCALENDAR … END:VCALENDAR; remove it."
        case let .unbalancedEnd(line, found, open):
            return "Line \(line): END:\(found) does not close \(open.map { "BEGIN:\($0)" } ?? "any component")."
        case let .unterminated(line, component):
            return "Line \(line): BEGIN:\(component) is never closed with END:\(component)."
        case let .unsupportedComponent(line, component):
            return
                "Line \(line): a \(component) has no place here: a holiday file holds all-day VEVENTs (with any VALARMs), VTIMEZONEs and X- components, so remove it."
        case let .unsupportedCalendarScale(line, scale):
            return "Line \(line): CALSCALE \(scale) is not the Gregorian calendar, the only one Redress counts days in."
        case let .repeatedProperty(line, property):
            return "Line \(line): the event already has a \(property); an event has one."
        case let .timeOfDay(line, property, value):
            return
                "Line \(line): \(property) \(value) is a date and time, but holidays are whole days; make it an all-day event (\(property);VALUE=DATE:YYYYMMDD)."
        case let .invalidDate(line, property, value):
            return "Line \(line): \(property) \"\(value)\" is not a date; write it as YYYYMMDD."
        case .missingStart(let line):
            return "Line \(line): the event has no DTSTART, so it has no date."
        case .missingSummary(let line):
            return "Line \(line): the event has no SUMMARY to name its holidays by."
        case .endBeforeStart(let line):
            return "Line \(line): the event ends (DTEND) before it starts (DTSTART)."
        case .endAndDuration(let line):
            return "Line \(line): the event gives both DTEND and DURATION; keep one."
        case let .invalidDuration(line, value):
            return "Line \(line): DURATION \(value) is not a whole number of days or weeks such as P3D or P1W."
        case let .unsupportedFrequency(line, frequency):
            return
                "Line \(line): RRULE FREQ=\(frequency) cannot be expanded: Redress expands yearly rules (FREQ=YEARLY) only, so list the other dates with RDATE."
        case let .unsupportedRulePart(line, part):
            return
                "Line \(line): the RRULE part \(part) cannot be expanded: Redress expands FREQ=YEARLY with COUNT, UNTIL, INTERVAL, BYMONTH and BYMONTHDAY, so list those dates with RDATE."
        case let .invalidRulePart(line, part):
            return
                "Line \(line): the RRULE is not valid at \"\(part)\"; a rule needs FREQ, and at most one of COUNT (a positive number) and UNTIL (a date)."
        case let .unsupportedProperty(line, property):
            return
                "Line \(line): \(property) cannot be imported as holidays; give each holiday as its own all-day event or as an RDATE."
        case .cancelledEvent(let line):
            return "Line \(line): the event is cancelled (STATUS:CANCELLED), so it is no holiday; remove it."
        case let .exclusionMatchesNothing(line, date):
            return "Line \(line): EXDATE \(date.iso) is not a day the event starts on; remove it or correct the date."
        case .noEvents:
            return "The file holds no VEVENT, so there is no holiday to import."
        case let .tooManyHolidays(line, limit):
            return
                "Line \(line): the file expands to more than \(limit) holidays by this event; end its rule with COUNT or UNTIL, or expand rules without an end through an earlier year."
        }
    }

    public var hint: ErrorHint? {
        if case .tooManyHolidays = self { return .give(["until"]) }
        return nil
    }
}
