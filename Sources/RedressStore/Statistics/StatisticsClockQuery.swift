public import Postgres
public import RedressCore

/// The SQL that judges every clock as it stood at the end of a period, with the working-day
/// arrays of `StatisticsCalendar`.
///
/// It follows SPEC §2.2 and RedressCore's `Clock` to the letter, with facts dated after the
/// end of the period left out (`Clock.snapshot(asOf:)`): extensions approved later, pauses
/// begun later, an ending or a cancellation dated later; a pause that ended later is still
/// open. It gives one row per clock that started by the end of the period, was not
/// cancelled by then, and either ended in the period or was still live at its end:
///
/// | column | meaning |
/// |---|---|
/// | `id`, `case_id`, `kind`, `allowance_unit`, `start_date` | from the clock |
/// | `ended_on` | the ending date, when it falls in the period |
/// | `total` | allowance plus extensions, in the clock's unit |
/// | `paused_wd` | working days held by closed pauses: the sum of `busday_count(from, to)` |
/// | `paused_cd` | calendar days held by closed pauses: the sum of `to − from` |
/// | `paused_at_end` | a pause was open at the end of the period |
/// | `due_date` | the due date; NULL while paused, or when it falls after the calendar arrays |
/// | `net_working_days` | for an ended clock, `busday_count(start, end) − paused_wd` |
/// | `met` | for an ended clock, whether it ended on or before its due date |
/// | `breached_at_end` | still running on the last day of the period, and past its due date |
/// | `non_compliance_at_end` | breached, and the last day is on or after `busday_offset(due, 30)` |
///
/// For a working-day clock `met` is the same as `net_working_days ≤ total`; for calendar-day
/// and month clocks the due date decides, and `net_working_days` still counts working days,
/// so every clock's length is reported in one unit.
///
/// Parameters: `$1`–`$4` the calendar (`StatisticsCalendar.binds`), `$5` the first and `$6`
/// the last day of the period.
public enum StatisticsClockQuery {
    /// Which clocks to judge.
    public enum Selection: Sendable {
        /// Every clock of the period, as described above.
        case all
        /// Only the clocks that ended in the period.
        case ended
        /// Only the respondent clocks (response, reply, remedy) still live at the end.
        case respondentLiveAtEnd
    }

    /// The rows for `period`, reading clocks, pauses and extensions from the named relations
    /// (the store's `clock`, `clock_pause` and `clock_extension`, or tables of the same shape).
    public static func clocks(
        in period: StatisticsPeriod,
        calendar: StatisticsCalendar,
        selection: Selection = .all,
        clock: String = "clock",
        pause: String = "clock_pause",
        extensions: String = "clock_extension"
    ) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: sql(selection: selection, clock: clock, pause: pause, extensions: extensions),
            binds: calendar.binds + [PostgresBind(period.from), PostgresBind(period.to)])
    }

    /// The SQL text, with the parameters described in the type's summary.
    static func sql(
        selection: Selection, clock: String = "clock", pause: String = "clock_pause",
        extensions: String = "clock_extension"
    ) -> String {
        typealias C = StatisticsCalendar
        let respondentKinds = ClockKind.allCases.filter(\.isRespondentClock).map { "'\($0.rawValue)'" }.joined(
            separator: ", ")
        let selected: String
        switch selection {
        case .all: selected = "(c.ended_on IS NULL OR c.ended_on >= $5::date)"
        case .ended: selected = "c.ended_on BETWEEN $5::date AND $6::date"
        case .respondentLiveAtEnd:
            // A clock never both ends and is cancelled, so this is "neither by the end of the
            // period", written as the nightly sweep's index on live clocks has it.
            selected =
                "coalesce(c.ended_on, c.cancelled_on, 'infinity'::date) > $6::date AND c.kind IN (\(respondentKinds))"
        }
        return """
            SELECT f.id, f.case_id, f.kind, f.allowance_unit, f.start_date, f.ended_on, f.total,
                   f.paused_wd, f.paused_cd, f.paused_at_end, f.due_date,
                   CASE WHEN f.ended_on IS NOT NULL THEN \(C.ordinal("f.ended_on")) - \(C.ordinal("f.start_date")) - f.paused_wd END AS net_working_days,
                   CASE WHEN f.ended_on IS NOT NULL THEN f.due_date IS NULL OR f.ended_on <= f.due_date END AS met,
                   coalesce(f.ended_on IS NULL AND f.due_date < $6::date, false) AS breached_at_end,
                   coalesce(f.ended_on IS NULL AND f.due_date < $6::date
                            AND \(C.ordinal("$6::date + 1")) - \(C.ordinal("f.due_date")) >= \(Escalation.nonComplianceAfterWorkingDays + 1), false) AS non_compliance_at_end
            FROM (
                SELECT d.*,
                       CASE WHEN d.ended_on IS NULL AND d.paused_at_end THEN NULL
                            WHEN d.allowance_unit = 'working_days' THEN \(C.workingDay(C.ordinal("d.start_date") + " + d.total + d.paused_wd"))
                            WHEN d.allowance_unit = 'calendar_days' THEN \(C.rolled("d.start_date + d.total + d.paused_cd"))
                            ELSE \(C.rolled("(d.start_date + make_interval(months => d.total))::date + d.paused_cd"))
                       END AS due_date
                FROM (
                    SELECT c.id, c.case_id, c.kind, c.allowance_unit, c.start_date,
                           CASE WHEN c.ended_on <= $6::date THEN c.ended_on END AS ended_on,
                           c.allowance_amount + coalesce(x.amount, 0) AS total,
                           coalesce(p.paused_wd, 0) AS paused_wd,
                           coalesce(p.paused_cd, 0) AS paused_cd,
                           coalesce(p.open_at_end, false) AS paused_at_end
                    FROM \(clock) c
                    LEFT JOIN (
                        SELECT clock_id, sum(amount)::integer AS amount
                        FROM \(extensions)
                        WHERE on_date <= $6::date
                        GROUP BY clock_id
                    ) x ON x.clock_id = c.id
                    LEFT JOIN (
                        SELECT q.clock_id,
                               sum(\(C.ordinal("q.to_date")) - \(C.ordinal("q.from_date"))) FILTER (WHERE q.to_date <= $6::date)::integer AS paused_wd,
                               sum(q.to_date - q.from_date) FILTER (WHERE q.to_date <= $6::date)::integer AS paused_cd,
                               bool_or(q.to_date IS NULL OR q.to_date > $6::date) AS open_at_end
                        FROM \(pause) q
                        WHERE q.from_date <= $6::date
                        GROUP BY q.clock_id
                    ) p ON p.clock_id = c.id
                    WHERE c.start_date <= $6::date
                      AND (c.cancelled_on IS NULL OR c.cancelled_on > $6::date)
                      -- The update clock times the office's letters, not a stage of the complaint.
                      AND c.kind <> 'complainant_update'
                      AND \(selected)
                ) d
            ) f
            """
    }
}
