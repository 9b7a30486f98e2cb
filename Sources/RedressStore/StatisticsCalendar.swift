public import Postgres
public import RedressCore

/// The office's working-day calendar as two session-local tables, so that SQL counts working
/// days exactly as `WorkCalendar` does.
///
/// The day-counting rule belongs to RedressCore; rather than write it a second time in SQL,
/// the statistics queries look each date up in tables that RedressCore itself generated for
/// this connection:
///
/// - `pg_temp.stat_day (day, ordinal, next_working)`: one row per date of the range, with
///   `ordinal` the number of working days from the first day of the range up to (not
///   including) `day`, and `next_working` the day rolled forward to a working day.
/// - `pg_temp.stat_working_day (ordinal, day)`: the working days, by ordinal.
///
/// With them, for dates inside the range:
/// - `busday_count(a, b)` (a ≤ b) is `ordinal(b) − ordinal(a)`;
/// - `busday_offset(d, n, roll='forward')` (n ≥ 0) is the working day whose ordinal is
///   `ordinal(d) + n` (rolling forward passes only days off, which leave the ordinal as it is);
/// - rolling forward is `next_working`.
///
/// A lookup past the end of the range finds nothing (NULL): the queries read that as "after
/// the period", which is all they need to know of such a date.
public struct StatisticsCalendar: Sendable {
    /// The calendar the tables were made from.
    public let calendar: WorkCalendar
    /// The first date in the tables.
    public let first: LocalDate
    /// The last date in the tables.
    public let last: LocalDate

    /// Makes the tables for the dates from `first` to `last` (both included) on `connection`,
    /// replacing any made before in the same session.
    public init(_ calendar: WorkCalendar, from first: LocalDate, through last: LocalDate, on connection: PostgresConnection) throws {
        precondition(first <= last, "the calendar range ends before it starts")
        self.calendar = calendar
        self.first = first
        self.last = last
        // ON COMMIT PRESERVE ROWS: the tables outlive the transaction that fills them, and
        // vanish with the session; no one else ever sees them.
        try connection.execute(unsafeSQL: """
            CREATE TEMP TABLE IF NOT EXISTS stat_day (
                day           date PRIMARY KEY,
                ordinal       integer NOT NULL,
                next_working  date NOT NULL
            );
            CREATE TEMP TABLE IF NOT EXISTS stat_working_day (
                ordinal  integer PRIMARY KEY,
                day      date NOT NULL
            );
            TRUNCATE pg_temp.stat_day, pg_temp.stat_working_day;
            """)
        var ordinal = 0
        var working: [(Int, LocalDate)] = []
        working.reserveCapacity((last - first + 1) * 5 / 7 + 1)
        try connection.copyFrom("COPY pg_temp.stat_day (day, ordinal, next_working) FROM STDIN") { writer in
            var day = first
            while day <= last {
                try writer.write([day.iso, String(ordinal), calendar.rollForward(day).iso])
                if calendar.isWorkingDay(day) {
                    working.append((ordinal, day))
                    ordinal += 1
                }
                day = day + 1
            }
        }
        try connection.copyFrom("COPY pg_temp.stat_working_day (ordinal, day) FROM STDIN") { writer in
            for (ordinal, day) in working {
                try writer.write([String(ordinal), day.iso])
            }
        }
        // Autovacuum never analyses temporary tables; without statistics the planner guesses
        // badly when it joins a million clocks to them.
        try connection.execute(unsafeSQL: "ANALYZE pg_temp.stat_day; ANALYZE pg_temp.stat_working_day")
    }
}
