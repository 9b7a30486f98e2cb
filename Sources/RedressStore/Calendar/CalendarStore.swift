public import Foundation
public import Postgres
public import RedressCore

/// The office's holiday calendars. Adding or removing a holiday recomputes every running clock
/// that it touches, in the same transaction.
public struct CalendarStore {
    public let connection: PostgresConnection

    /// The calendar a holiday goes into when none is named.
    public static let defaultCalendar = "office"

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Every holiday, by date, or those of `year`.
    public func holidays(year: Int? = nil) throws -> [Holiday] {
        var query: PostgresQuery = "SELECT holiday_date, name, calendar_name FROM holiday"
        if let year { query.append(" WHERE extract(year FROM holiday_date) = \(year)") }
        query.append(" ORDER BY holiday_date, calendar_name")
        return try connection.query(query).map { row in
            Holiday(
                date: try row.decode(LocalDate.self, at: 0), name: try row.decode(String.self, at: 1),
                calendar: try row.decode(String.self, at: 2))
        }
    }

    /// The dates running clocks reach: from the earliest start to the latest due date of the
    /// clocks that are running, paused or breached (a paused clock has no due date; its start
    /// counts); nil when none is. Both ends are read through indexes (`clock_live_until`,
    /// `clock_status_due_date`), so the nightly report pays nothing for it.
    public func runningClockSpan() throws -> ClosedRange<LocalDate>? {
        let row = try connection.query(
            """
            SELECT (SELECT min(start_date) FROM clock
                    WHERE coalesce(ended_on, cancelled_on, 'infinity'::date) = 'infinity'::date
                      AND status IN ('running', 'paused', 'breached')),
                   greatest((SELECT max(due_date) FROM clock WHERE status = 'running'),
                            (SELECT max(due_date) FROM clock WHERE status = 'breached'))
            """
        ).first!
        guard let first = try row.decode(LocalDate?.self, at: 0) else { return nil }
        return first...max(first, try row.decode(LocalDate?.self, at: 1) ?? first)
    }

    /// The holidays loaded for each year running clocks reach (`runningClockSpan`).
    public func coverage(calendar: WorkCalendar) throws -> HolidayCoverage {
        HolidayCoverage(span: try runningClockSpan(), calendar: calendar)
    }

    /// What a calendar change did.
    public struct Change: Sendable {
        /// How many holidays were given, one a calendar and date (`Holiday.merged`).
        public var given = 0
        /// Holidays added or renamed.
        public var added: [Holiday] = []
        /// Holidays removed.
        public var removed: [Holiday] = []
        /// Running clocks whose due date moved.
        public var moved: [MovedDueDate] = []
        /// The years running clocks reach that have no holidays after the change (`coverage`).
        public var yearsWithoutHolidays: [Int] = []
    }

    /// Adds (or renames) holidays and recomputes the clocks they touch; holidays of one
    /// calendar on one date become one (`Holiday.merged`). Call inside a transaction.
    public func add(_ holidays: [Holiday], actor: Actor, at instant: Date) throws -> Change {
        try actor.require(.manageOffice)
        let context = try OfficeContext.load(connection, lock: .exclusive)
        let merged = Holiday.merged(holidays)
        var change = Change(given: merged.count)
        for holiday in merged {
            guard !holiday.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.invalid("The holiday on \(holiday.date.iso) has no name; give every holiday a name.")
            }
            try TextField.checkLine(
                "name of the holiday on \(holiday.date.iso)", holiday.name, limit: IntakeValidator.maximumFieldLength)
            guard !holiday.calendar.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.invalid(
                    "The holiday on \(holiday.date.iso) belongs to no named calendar; give its calendar a name.")
            }
            try connection.execute(
                "INSERT INTO holiday_calendar (name) VALUES (\(holiday.calendar)) ON CONFLICT (name) DO NOTHING")
            let changed = try connection.execute(
                """
                INSERT INTO holiday (calendar_name, holiday_date, name) VALUES (\(holiday.calendar), \(holiday.date), \(holiday.name))
                ON CONFLICT (calendar_name, holiday_date) DO UPDATE SET name = EXCLUDED.name
                WHERE holiday.name IS DISTINCT FROM EXCLUDED.name
                """)
            if changed > 0 { change.added.append(holiday) }
        }
        guard !change.added.isEmpty else {
            change.yearsWithoutHolidays = try coverage(calendar: context.calendar).yearsWithoutHolidays
            return change
        }
        let kept = context.calendar.holidays.filter { old in
            !change.added.contains { $0.date == old.date && $0.calendar == old.calendar }
        }
        let calendar = try WorkCalendar(
            timeZone: context.calendar.timeZoneIdentifier, weekMask: context.calendar.weekMask,
            holidays: kept + change.added)
        let dates = change.added.map(\.date)
        change.moved = try ClockRecomputation(connection: connection).recompute(
            calendar: calendar, touching: dates.min()!...dates.max()!, actor: actor, at: instant,
            cause: change.added.count == 1
                ? "holiday \(change.added[0].date.iso) \(change.added[0].name) added"
                : "\(change.added.count) holidays added")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "holidays_added",
            data: [
                "holidays": .array(
                    change.added.map {
                        ["date": .string($0.date.iso), "name": .string($0.name), "calendar": .string($0.calendar)]
                    }),
                "moved_cases": .array(Array(Set(change.moved.map(\.reference))).sorted().map(JSONValue.string)),
            ])
        change.yearsWithoutHolidays = try coverage(calendar: calendar).yearsWithoutHolidays
        return change
    }

    /// Removes the holidays on `date` (in every calendar, or only in `calendar`) and
    /// recomputes the clocks they touched. Call inside a transaction.
    public func remove(on date: LocalDate, calendar calendarName: String?, actor: Actor, at instant: Date) throws
        -> Change
    {
        try actor.require(.manageOffice)
        let context = try OfficeContext.load(connection, lock: .exclusive)
        let removed = context.calendar.holidays(on: date).filter { calendarName == nil || $0.calendar == calendarName }
        guard !removed.isEmpty else { throw StoreError.holidayNotFound(date, calendar: calendarName) }
        try connection.execute(
            """
            DELETE FROM holiday WHERE holiday_date = \(date) AND (\(calendarName)::text IS NULL OR calendar_name = \(calendarName))
            """)
        var change = Change(removed: removed)
        let calendar = try context.calendar.removingHolidays(on: date, calendar: calendarName)
        change.moved = try ClockRecomputation(connection: connection).recompute(
            calendar: calendar, touching: date...date, actor: actor, at: instant,
            cause: "holiday \(date.iso) \(removed[0].name) removed")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "holidays_removed",
            data: [
                "holidays": .array(
                    removed.map {
                        ["date": .string($0.date.iso), "name": .string($0.name), "calendar": .string($0.calendar)]
                    }),
                "moved_cases": .array(Array(Set(change.moved.map(\.reference))).sorted().map(JSONValue.string)),
            ])
        change.yearsWithoutHolidays = try coverage(calendar: calendar).yearsWithoutHolidays
        return change
    }
}
