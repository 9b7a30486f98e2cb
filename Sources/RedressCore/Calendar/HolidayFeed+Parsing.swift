extension HolidayFeed {
    /// The events of an unfolded file, checked: `VCALENDAR`s holding `VEVENT`s (with any
    /// `VALARM`), `VTIMEZONE`s and `X-` components, the last three passed over.
    static func events(in lines: [ContentLine]) throws(HolidayFeedError) -> [Event] {
        var open: [(name: String, line: Int)] = []
        var event: EventLines?
        var events: [Event] = []
        for line in lines {
            let component = line.value.trimmingWhitespace().uppercased()
            switch (line.name, open.last?.name) {
            case ("BEGIN", nil):
                guard component == "VCALENDAR" else { throw .outsideCalendar(line: line.number) }
            case ("BEGIN", "VCALENDAR"):
                guard component == "VEVENT" || component == "VTIMEZONE" || component.hasPrefix("X-") else {
                    throw .unsupportedComponent(line: line.number, component: component)
                }
                if component == "VEVENT" { event = EventLines(line: line.number) }
            case ("BEGIN", "VEVENT"):
                guard component == "VALARM" || component.hasPrefix("X-") else {
                    throw .unsupportedComponent(line: line.number, component: component)
                }
            case ("BEGIN", _):
                // Inside a time zone, an alarm or an X- component: passed over whole.
                break
            case ("END", let innermost):
                guard component == innermost else {
                    throw .unbalancedEnd(line: line.number, found: component, open: innermost)
                }
                open.removeLast()
                if component == "VEVENT", let lines = event {
                    events.append(try lines.event())
                    event = nil
                }
                continue
            case (_, nil):
                throw .outsideCalendar(line: line.number)
            case ("CALSCALE", "VCALENDAR"):
                guard component == "GREGORIAN" else {
                    throw .unsupportedCalendarScale(line: line.number, scale: line.value)
                }
            case (_, "VEVENT"):
                try event?.read(line)
            default:
                break
            }
            if line.name == "BEGIN" { open.append((component, line.number)) }
        }
        if let innermost = open.last { throw .unterminated(line: innermost.line, component: innermost.name) }
        guard !events.isEmpty else { throw .noEvents }
        return events
    }

    /// The date of an iCalendar DATE value, `YYYYMMDD`; nil for anything else.
    static func date(_ text: String) -> LocalDate? {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let digits = Array(text.utf8).map { Int($0) - 0x30 }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        return try? LocalDate(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }
}

/// The properties of one `VEVENT` as they are read, checked as each arrives.
private struct EventLines {
    /// The line of `BEGIN:VEVENT`.
    let line: Int
    var start: LocalDate?
    var end: (line: Int, date: LocalDate)?
    var duration: Int?
    var summary: String?
    var rule: HolidayFeed.YearlyRule?
    var added: [LocalDate] = []
    var excluded: [LocalDate: Int] = [:]
    var seen: Set<String> = []

    init(line: Int) {
        self.line = line
    }

    mutating func read(_ property: ContentLine) throws(HolidayFeedError) {
        let name = property.name
        if ["DTSTART", "DTEND", "DURATION", "SUMMARY", "RRULE", "STATUS"].contains(name) {
            guard seen.insert(name).inserted else { throw .repeatedProperty(line: property.number, property: name) }
        }
        switch name {
        case "DTSTART":
            start = try Self.date(property)
        case "DTEND":
            end = (property.number, try Self.date(property))
        case "DURATION":
            duration = try Self.days(property)
        case "SUMMARY":
            summary = property.text
        case "RRULE":
            rule = try HolidayFeed.YearlyRule(property.value, line: property.number)
        case "RDATE":
            added += try Self.dates(property)
        case "EXDATE":
            for date in try Self.dates(property) { excluded[date] = property.number }
        case "STATUS":
            if property.value.trimmingWhitespace().uppercased() == "CANCELLED" {
                throw .cancelledEvent(line: property.number)
            }
        case "RECURRENCE-ID", "EXRULE":
            throw .unsupportedProperty(line: property.number, property: name)
        default:
            // UID, DTSTAMP, DESCRIPTION, TRANSP, CATEGORIES, X- properties and the like say nothing of dates.
            break
        }
    }

    /// The event, once its `END:VEVENT` is read.
    func event() throws(HolidayFeedError) -> HolidayFeed.Event {
        guard let start else { throw .missingStart(line: line) }
        guard let name = summary?.trimmingWhitespace(), !name.isEmpty else { throw .missingSummary(line: line) }
        var days = duration ?? 1
        if let end {
            guard duration == nil else { throw .endAndDuration(line: end.line) }
            guard end.date >= start else { throw .endBeforeStart(line: end.line) }
            // DTEND is exclusive; some writers give it equal to DTSTART for a one-day event.
            days = max(1, end.date - start)
        }
        return HolidayFeed.Event(
            line: line, name: name, start: start, days: days, rule: rule, added: added, excluded: excluded)
    }

    /// The one date of a DTSTART or DTEND.
    static func date(_ property: ContentLine) throws(HolidayFeedError) -> LocalDate {
        let dates = try dates(property)
        guard dates.count == 1 else {
            throw .invalidDate(line: property.number, property: property.name, value: property.value)
        }
        return dates[0]
    }

    /// The dates of a DTSTART, DTEND, RDATE or EXDATE (a comma-separated list for the last two).
    static func dates(_ property: ContentLine) throws(HolidayFeedError) -> [LocalDate] {
        switch property.parameter("VALUE") {
        case nil, "DATE": break
        case "PERIOD": throw .unsupportedProperty(line: property.number, property: "\(property.name);VALUE=PERIOD")
        default: throw .timeOfDay(line: property.number, property: property.name, value: property.value)
        }
        let values = property.value.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        return try values.map { value throws(HolidayFeedError) in
            if let date = HolidayFeed.date(value) { return date }
            if value.count >= 15, HolidayFeed.date(String(value.prefix(8))) != nil, value.dropFirst(8).first == "T" {
                throw .timeOfDay(line: property.number, property: property.name, value: value)
            }
            throw .invalidDate(line: property.number, property: property.name, value: value)
        }
    }

    /// The days of a `DURATION` of whole days or weeks: `P3D`, `P1W`, `+P2D`.
    static func days(_ property: ContentLine) throws(HolidayFeedError) -> Int {
        var text = Substring(property.value.trimmingWhitespace().uppercased())
        if text.hasPrefix("+") { text = text.dropFirst() }
        guard text.hasPrefix("P"), let unit = text.last, unit == "D" || unit == "W",
            text.dropFirst().dropLast().allSatisfy({ ("0"..."9").contains($0) }),
            let amount = Int(text.dropFirst().dropLast()),
            (1...3660).contains(amount)
        else { throw .invalidDuration(line: property.number, value: property.value) }
        return unit == "W" ? amount * 7 : amount
    }
}
