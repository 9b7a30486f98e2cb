/// An iCalendar file of holidays (RFC 5545), in the all-day subset that holiday feeds use.
///
/// Each `VEVENT` is an all-day event (`DTSTART;VALUE=DATE`) lasting one day, or until its
/// exclusive `DTEND` (§3.6.1), or for its `DURATION` in days or weeks; it may repeat yearly
/// (`RRULE:FREQ=YEARLY` with `COUNT` or `UNTIL`, `INTERVAL`, `BYMONTH`, `BYMONTHDAY`), on
/// further dates (`RDATE`), and not on some (`EXDATE`). Time zones, alarms and `X-`
/// properties are passed over. What the subset cannot represent (timed events, other
/// frequencies, unknown rule parts) is refused with its line, never dropped.
public struct HolidayFeed: Sendable, Hashable {
    /// One `VEVENT`.
    public struct Event: Sendable, Hashable {
        /// The line of its `BEGIN:VEVENT`.
        public var line: Int
        /// Its `SUMMARY`, unescaped: what its holidays are called.
        public var name: String
        /// The first day of its first occurrence.
        public var start: LocalDate
        /// How many days each occurrence lasts, at least one.
        public var days: Int
        /// Its yearly rule, if it repeats.
        public var rule: YearlyRule?
        /// Its `RDATE`s: further occurrences.
        public var added: [LocalDate]
        /// Its `EXDATE`s: occurrences left out, each with its line.
        public var excluded: [LocalDate: Int]
    }

    /// The events, in the order of the file.
    public let events: [Event]

    /// The most holidays one file may expand to: a calendar has a few dozen a year.
    public static let maximumHolidays = 50_000

    /// Reads the events of an iCalendar file.
    public init(parsing bytes: [UInt8]) throws(HolidayFeedError) {
        events = try Self.events(in: ContentLine.lines(of: bytes))
    }

    /// The years the file names: from the first year of an event's start or `RDATE` to the
    /// last year of any date it gives (starts, `RDATE`, `EXDATE`, `UNTIL`).
    public var years: ClosedRange<Int> {
        let starts = events.flatMap { [$0.start] + $0.added }
        let all =
            starts + events.flatMap { event in Array(event.excluded.keys) + [event.rule?.until].compactMap { $0 } }
        return starts.map(\.year).min()!...all.map(\.year).max()!
    }

    /// The holidays one event gave, and how far its rule was expanded.
    public struct EventHolidays: Sendable, Hashable {
        /// The event.
        public var event: Event
        /// Its holidays, by date.
        public var holidays: [Holiday]
        /// For a rule without an end (no `COUNT` or `UNTIL`): the last year it was expanded through.
        public var openRuleThrough: Int?
    }

    /// Every event's holidays, put in `calendar`; rules without an end are expanded through
    /// `lastYear` (by default the last year the file names, `years`).
    public func holidays(calendar: String, through lastYear: Int? = nil) throws(HolidayFeedError) -> [EventHolidays] {
        let through = lastYear ?? years.upperBound
        var total = 0
        return try events.map { event throws(HolidayFeedError) in
            let starts = try event.starts(through: through, limit: Self.maximumHolidays - total)
            var dates = Set<LocalDate>()
            for start in starts {
                for offset in 0..<event.days { dates.insert(start + offset) }
                guard total + dates.count <= Self.maximumHolidays else {
                    throw .tooManyHolidays(line: event.line, limit: Self.maximumHolidays)
                }
            }
            total += dates.count
            return EventHolidays(
                event: event,
                holidays: dates.sorted().map { Holiday(date: $0, name: event.name, calendar: calendar) },
                openRuleThrough: event.rule.flatMap { $0.isOpen ? max(through, event.start.year) : nil })
        }
    }
}

extension HolidayFeed.Event {
    /// The first day of each occurrence: the start, the rule's dates through `lastYear` (for a
    /// rule without an end) and the `RDATE`s, less the `EXDATE`s (RFC 5545 §3.8.5).
    func starts(through lastYear: Int, limit: Int) throws(HolidayFeedError) -> [LocalDate] {
        var starts = Set(try rule?.dates(from: start, through: lastYear, limit: limit, line: line) ?? [start])
        starts.formUnion(added)
        for (date, exclusionLine) in excluded.sorted(by: { $0.value < $1.value }) {
            guard starts.remove(date) != nil else {
                throw .exclusionMatchesNothing(line: exclusionLine, date: date)
            }
        }
        return starts.sorted()
    }
}
