public import Postgres
public import RedressCore

/// The SQL that judges every clock as it stood at the end of a period, over the working-day
/// tables of `StatisticsCalendar`.
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
/// | `due_date` | the due date; NULL while paused, or when it falls after the calendar tables |
/// | `net_working_days` | for an ended clock, `busday_count(start, end) − paused_wd` |
/// | `met` | for an ended clock, whether it ended on or before its due date |
/// | `breached_at_end` | still running on the last day of the period, and past its due date |
/// | `non_compliance_at_end` | breached, and the last day is on or after `busday_offset(due, 30)` |
///
/// For a working-day clock `met` is the same as `net_working_days ≤ total`; for calendar-day
/// and month clocks the due date decides, and `net_working_days` still counts working days,
/// so every clock's length is reported in one unit.
public enum StatisticsClockQuery {
    /// The rows for `period`, reading clocks, pauses and extensions from the named relations
    /// (the store's `clock`, `clock_pause` and `clock_extension`, or tables of the same shape).
    public static func clocks(
        in period: StatisticsPeriod,
        clock: String = "clock",
        pause: String = "clock_pause",
        extensions: String = "clock_extension"
    ) -> PostgresQuery {
        let from = period.from.iso
        let to = period.to.iso
        return """
            SELECT due.id, due.case_id, due.kind, due.allowance_unit, due.start_date, due.ended_on, due.total,
                   due.paused_wd, due.paused_cd, due.paused_at_end, due.due_date,
                   CASE WHEN due.ended_on IS NOT NULL THEN e.ordinal - due.start_ordinal - due.paused_wd END AS net_working_days,
                   CASE WHEN due.ended_on IS NOT NULL THEN due.due_date IS NULL OR due.ended_on <= due.due_date END AS met,
                   (due.ended_on IS NULL AND due.due_date < \(to)::date) AS breached_at_end,
                   (due.ended_on IS NULL AND due.due_date < \(to)::date
                        AND (SELECT n.ordinal FROM pg_temp.stat_day n WHERE n.day = \(to)::date + 1) - dd.ordinal
                            >= \(Escalation.nonComplianceAfterWorkingDays) + 1) AS non_compliance_at_end
            FROM (
                SELECT f.*, s.ordinal AS start_ordinal,
                       CASE WHEN f.ended_on IS NULL AND f.paused_at_end THEN NULL
                            WHEN f.allowance_unit = 'working_days' THEN w.day
                            ELSE r.next_working END AS due_date
                FROM (
                    SELECT c.id, c.case_id, c.kind, c.allowance_unit, c.start_date,
                           CASE WHEN c.ended_on <= \(to)::date THEN c.ended_on END AS ended_on,
                           c.allowance_amount + coalesce(x.amount, 0) AS total,
                           coalesce(p.paused_wd, 0) AS paused_wd,
                           coalesce(p.paused_cd, 0) AS paused_cd,
                           coalesce(p.open_at_end, false) AS paused_at_end
                    FROM \(unsafeSQL: clock) c
                    LEFT JOIN (
                        SELECT clock_id, sum(amount)::integer AS amount
                        FROM \(unsafeSQL: extensions)
                        WHERE on_date <= \(to)::date
                        GROUP BY clock_id
                    ) x ON x.clock_id = c.id
                    LEFT JOIN (
                        SELECT q.clock_id,
                               sum(b.ordinal - a.ordinal) FILTER (WHERE q.to_date <= \(to)::date)::integer AS paused_wd,
                               sum(q.to_date - q.from_date) FILTER (WHERE q.to_date <= \(to)::date)::integer AS paused_cd,
                               bool_or(q.to_date IS NULL OR q.to_date > \(to)::date) AS open_at_end
                        FROM \(unsafeSQL: pause) q
                        JOIN pg_temp.stat_day a ON a.day = q.from_date
                        LEFT JOIN pg_temp.stat_day b ON b.day = q.to_date
                        WHERE q.from_date <= \(to)::date
                        GROUP BY q.clock_id
                    ) p ON p.clock_id = c.id
                    WHERE c.start_date <= \(to)::date
                      AND (c.cancelled_on IS NULL OR c.cancelled_on > \(to)::date)
                      AND (c.ended_on IS NULL OR c.ended_on >= \(from)::date)
                ) f
                JOIN pg_temp.stat_day s ON s.day = f.start_date
                LEFT JOIN pg_temp.stat_working_day w
                       ON f.allowance_unit = 'working_days' AND w.ordinal = s.ordinal + f.total + f.paused_wd
                LEFT JOIN pg_temp.stat_day r
                       ON f.allowance_unit <> 'working_days'
                      AND r.day = CASE WHEN f.allowance_unit = 'calendar_days' THEN f.start_date + f.total
                                       ELSE (f.start_date + make_interval(months => f.total))::date END + f.paused_cd
            ) due
            LEFT JOIN pg_temp.stat_day e ON e.day = due.ended_on
            LEFT JOIN pg_temp.stat_day dd ON dd.day = due.due_date
            """
    }
}
