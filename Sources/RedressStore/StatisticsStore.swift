public import Postgres
public import RedressCore

/// The figures of `redress report stats`, computed by PostgreSQL over the recorded facts.
///
/// Every figure is an SQL aggregate; Swift only carries the aggregated rows into the report.
/// Each figure is taken as it stood at the end of the period: events dated after it (a later
/// closing, reopening, assignment, pause, extension or clock ending) are left out, so the
/// report for a past period does not change when later events are recorded. Case events are
/// placed in the period by their instant (`occurred_at`), clock facts by their office-local
/// date, both in the office time zone.
///
/// The work runs in one REPEATABLE READ transaction, so all sections see one snapshot. It
/// builds session-local tables (dropped at commit): the working-day calendar
/// (`StatisticsCalendar`), one row per case received by the end of the period
/// (`stat_case`), one per closing in the period (`stat_closing`) and one per clock judged at
/// the end of the period (`stat_clock`, from `StatisticsClockQuery`).
public struct StatisticsStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// State moves that put a case into one of the working stages of `ClosureStage`.
    static let stageMoves = "('case_acknowledged', 'case_moved', 'information_received', 'case_reopened')"
    static let stageStates = "('triage', 'early_resolution', 'mediation', 'investigation', 'arbitration')"

    /// Computes the statistics for `period` on the office's `calendar`.
    public func report(
        period: StatisticsPeriod,
        grouping: StatisticsGrouping? = nil,
        calendar: WorkCalendar,
        officeName: String
    ) throws -> StatisticsReport {
        try connection.withTransaction(isolation: .repeatableRead) { connection in
            let scope = Scope(period: period, timeZone: calendar.timeZoneIdentifier, grouping: grouping)
            let first = try connection.query("""
                SELECT least((SELECT min(received_on) FROM complaint_case), (SELECT min(start_date) FROM clock), \(period.from.iso)::date)::text
                """).first!.decode(String.self, at: 0)
            // A week's margin before the first date, and time after the period for due dates
            // beyond it; a date past the tables reads as "after the period", which it is.
            _ = try StatisticsCalendar(calendar, from: LocalDate(iso: first)! - 7, through: period.to + 800, on: connection)
            try scope.prepare(connection)
            var notes: [String] = []
            let volume = try scope.volume(connection)
            let outcomes = try scope.outcomes(connection)
            let timeliness = try scope.timeliness(connection)
            let resolution = try scope.resolution(connection, notes: &notes)
            let groups = try grouping.map { try scope.groups($0, connection) }
            return StatisticsReport(
                office: officeName, timeZone: calendar.timeZoneIdentifier, period: period, volume: volume,
                outcomes: outcomes, timeliness: timeliness, mediation: resolution.mediation,
                remedies: resolution.remedies, compliance: resolution.compliance, groups: groups, notes: notes)
        }
    }

    /// The period and settings one report is computed for, and the queries that compute it.
    struct Scope {
        var period: StatisticsPeriod
        var timeZone: String
        var grouping: StatisticsGrouping?

        var from: String { period.from.iso }
        var to: String { period.to.iso }

        /// The first and the last instant bound of the period, `[s, e)`, in the office time zone.
        var bounds: PostgresQuery {
            "SELECT (\(from)::date::timestamp AT TIME ZONE \(timeZone)) AS s, ((\(to)::date + 1)::timestamp AT TIME ZONE \(timeZone)) AS e"
        }

        func prepare(_ connection: PostgresConnection) throws {
            let assignee: PostgresQuery = grouping == .assignee ? """
                LEFT JOIN (
                    SELECT DISTINCT ON (x.case_id) x.case_id, x.data ->> 'to' AS login
                    FROM case_event x, b
                    WHERE x.kind = 'case_assigned' AND x.occurred_at < b.e
                    ORDER BY x.case_id, x.id DESC
                ) a ON a.case_id = c.id
                """ : "LEFT JOIN (SELECT NULL::bigint AS case_id, NULL::text AS login) a ON false"
            try connection.execute("""
                CREATE TEMP TABLE stat_case ON COMMIT DROP AS
                WITH b AS (\(bounds)),
                ev AS (
                    SELECT x.case_id,
                           count(*) FILTER (WHERE x.kind = 'case_closed' AND x.occurred_at < b.s)
                             - count(*) FILTER (WHERE x.kind = 'case_reopened' AND x.occurred_at < b.s) AS balance_at_start,
                           count(*) FILTER (WHERE x.kind = 'case_closed')
                             - count(*) FILTER (WHERE x.kind = 'case_reopened') AS balance_at_end,
                           count(*) FILTER (WHERE x.kind = 'case_closed' AND x.occurred_at >= b.s) AS closed_in,
                           count(*) FILTER (WHERE x.kind = 'case_reopened' AND x.occurred_at >= b.s) AS reopened_in
                    FROM case_event x, b
                    WHERE x.kind IN ('case_closed', 'case_reopened') AND x.occurred_at < b.e
                    GROUP BY x.case_id
                )
                SELECT c.id AS case_id, c.channel, r.name AS respondent, coalesce(a.login, '(unassigned)') AS assignee,
                       c.received_on,
                       c.received_on >= \(from)::date AS received_in,
                       c.received_on < \(from)::date AND coalesce(ev.balance_at_start, 0) = 0 AS open_at_start,
                       coalesce(ev.balance_at_end, 0) = 0 AS open_at_end,
                       coalesce(ev.closed_in, 0)::integer AS closed_in,
                       coalesce(ev.reopened_in, 0)::integer AS reopened_in
                FROM complaint_case c
                JOIN respondent_body r ON r.id = c.respondent_id
                LEFT JOIN ev ON ev.case_id = c.id
                \(assignee)
                WHERE c.received_on <= \(to)::date
                """)
            // The stage of a closing: the last working stage the case entered before it.
            try connection.execute("""
                CREATE TEMP TABLE stat_closing ON COMMIT DROP AS
                WITH b AS (\(bounds))
                SELECT x.case_id, x.id AS event_id, (x.occurred_at AT TIME ZONE \(timeZone))::date AS closed_on,
                       x.data ->> 'outcome' AS outcome,
                       coalesce((
                           SELECT y.data ->> 'to' FROM case_event y
                           WHERE y.case_id = x.case_id AND y.id < x.id
                             AND y.kind IN \(unsafeSQL: StatisticsStore.stageMoves)
                             AND y.data ->> 'to' IN \(unsafeSQL: StatisticsStore.stageStates)
                           ORDER BY y.id DESC LIMIT 1), 'triage') AS stage
                FROM case_event x, b
                WHERE x.kind = 'case_closed' AND x.occurred_at >= b.s AND x.occurred_at < b.e
                """)
            var clocks: PostgresQuery = "CREATE TEMP TABLE stat_clock ON COMMIT DROP AS SELECT q.* FROM ("
            clocks.append(StatisticsClockQuery.clocks(in: period))
            clocks.append(") q")
            try connection.execute(clocks)
            try connection.execute(unsafeSQL: "ANALYZE pg_temp.stat_case; ANALYZE pg_temp.stat_closing; ANALYZE pg_temp.stat_clock")
        }

        // MARK: Volume

        func volume(_ connection: PostgresConnection) throws -> VolumeStatistics {
            let totals = try connection.query("""
                SELECT count(*) FILTER (WHERE received_in), coalesce(sum(closed_in), 0)::integer, coalesce(sum(reopened_in), 0)::integer,
                       count(*) FILTER (WHERE open_at_start), count(*) FILTER (WHERE open_at_end)
                FROM pg_temp.stat_case
                """).first!
            return VolumeStatistics(
                received: try totals.decode(Int.self, at: 0), closed: try totals.decode(Int.self, at: 1),
                reopened: try totals.decode(Int.self, at: 2), openAtStart: try totals.decode(Int.self, at: 3),
                openAtEnd: try totals.decode(Int.self, at: 4),
                byChannel: try volumeRows(connection, key: "s.channel", join: ""),
                byCategory: try volumeRows(connection, key: "k.category_code", join: "JOIN case_category k ON k.case_id = s.case_id"),
                byRespondent: try volumeRows(connection, key: "s.respondent", join: ""))
        }

        private func volumeRows(_ connection: PostgresConnection, key: String, join: String) throws -> [VolumeRow] {
            try connection.query("""
                SELECT \(unsafeSQL: key) AS key, count(*) FILTER (WHERE s.received_in) AS received,
                       coalesce(sum(s.closed_in), 0)::integer AS closed, count(*) FILTER (WHERE s.open_at_end) AS open_at_end
                FROM pg_temp.stat_case s \(unsafeSQL: join)
                GROUP BY 1
                HAVING count(*) FILTER (WHERE s.received_in) > 0 OR sum(s.closed_in) > 0 OR count(*) FILTER (WHERE s.open_at_end) > 0
                ORDER BY received DESC, key
                """).map { row in
                VolumeRow(key: try row.decode(String.self, at: 0), received: try row.decode(Int.self, at: 1),
                          closed: try row.decode(Int.self, at: 2), openAtEnd: try row.decode(Int.self, at: 3))
            }
        }

        // MARK: Outcomes

        func outcomes(_ connection: PostgresConnection) throws -> OutcomeStatistics {
            var byStage: [String: Int] = [:]
            var byOutcome: [String: Int] = [:]
            var closed = 0
            for row in try connection.query("SELECT 'stage', stage, count(*) FROM pg_temp.stat_closing GROUP BY stage UNION ALL SELECT 'outcome', coalesce(outcome, '(none)'), count(*) FROM pg_temp.stat_closing GROUP BY outcome") {
                let count = try row.decode(Int.self, at: 2)
                if try row.decode(String.self, at: 0) == "stage" {
                    byStage[try row.decode(String.self, at: 1)] = count
                    closed += count
                } else {
                    byOutcome[try row.decode(String.self, at: 1)] = count
                }
            }
            let stages = ClosureStage.allCases.map { CountRow(key: $0.rawValue, count: byStage[$0.rawValue] ?? 0, of: closed) }
            var outcomeRows = Outcome.allCases.map { CountRow(key: $0.rawValue, count: byOutcome[$0.rawValue] ?? 0, of: closed) }
            // An outcome code the vocabulary does not know still counts, after the known ones.
            for key in byOutcome.keys.sorted() where Outcome(rawValue: key) == nil {
                outcomeRows.append(CountRow(key: key, count: byOutcome[key]!, of: closed))
            }
            let upheld = (byOutcome["upheld"] ?? 0) + (byOutcome["partly_upheld"] ?? 0)
            return OutcomeStatistics(
                closed: closed, byStage: stages, byOutcome: outcomeRows,
                premature: Proportion(byOutcome["premature"] ?? 0, of: closed),
                upheld: Proportion(upheld, of: upheld + (byOutcome["not_upheld"] ?? 0)))
        }

        // MARK: Timeliness

        func timeliness(_ connection: PostgresConnection) throws -> TimelinessStatistics {
            let bands = TimelinessStatistics.bandUpperBounds
            var bandSQL = ""
            var lower = 0
            for upper in bands {
                bandSQL += ", count(*) FILTER (WHERE net_working_days BETWEEN \(lower) AND \(upper))"
                lower = upper + 1
            }
            bandSQL += ", count(*) FILTER (WHERE net_working_days > \(bands.last!))"
            var rows: [String: ClockTimeliness] = [:]
            for row in try connection.query("""
                SELECT kind, count(ended_on), count(*) FILTER (WHERE met),
                       round(avg(net_working_days), 2)::float8,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY net_working_days),
                       percentile_disc(0.9) WITHIN GROUP (ORDER BY net_working_days),
                       count(*) FILTER (WHERE breached_at_end)
                       \(unsafeSQL: bandSQL)
                FROM pg_temp.stat_clock
                GROUP BY kind
                """) {
                let kind = try row.decode(String.self, at: 0)
                guard let clockKind = ClockKind(rawValue: kind) else { continue }
                rows[kind] = ClockTimeliness(
                    kind: clockKind, ended: try row.decode(Int.self, at: 1), met: try row.decode(Int.self, at: 2),
                    meanWorkingDays: try row.decode(Double?.self, at: 3), medianWorkingDays: try row.decode(Double?.self, at: 4),
                    p90WorkingDays: try row.decode(Int?.self, at: 5), extensionsGranted: 0,
                    breachedAtEnd: try row.decode(Int.self, at: 6),
                    distribution: try (0...bands.count).map { try row.decode(Int.self, at: 7 + $0) })
            }
            for row in try connection.query("""
                SELECT c.kind, count(*) FROM clock_extension x JOIN clock c ON c.id = x.clock_id
                WHERE x.on_date BETWEEN \(from)::date AND \(to)::date
                GROUP BY c.kind
                """) {
                let kind = try row.decode(String.self, at: 0)
                guard let clockKind = ClockKind(rawValue: kind) else { continue }
                var entry = rows[kind] ?? ClockTimeliness(
                    kind: clockKind, ended: 0, met: 0, meanWorkingDays: nil, medianWorkingDays: nil, p90WorkingDays: nil,
                    extensionsGranted: 0, breachedAtEnd: 0, distribution: Array(repeating: 0, count: bands.count + 1))
                entry.extensionsGranted = try row.decode(Int.self, at: 1)
                rows[kind] = entry
            }
            let clocks = ClockKind.allCases.compactMap { rows[$0.rawValue] }
                .filter { $0.ended > 0 || $0.extensionsGranted > 0 || $0.breachedAtEnd > 0 }

            // A pause of a case holds several of its clocks at once; count each episode once.
            let paused = try connection.query("""
                SELECT cause, count(*), sum(wd)::integer, sum(cd)::integer FROM (
                    SELECT DISTINCT ON (c.case_id, p.cause, p.from_date) p.cause, e.ordinal - s.ordinal AS wd, e.day - s.day AS cd
                    FROM clock_pause p
                    JOIN clock c ON c.id = p.clock_id
                    JOIN pg_temp.stat_day s ON s.day = greatest(p.from_date, \(from)::date)
                    JOIN pg_temp.stat_day e ON e.day = least(coalesce(p.to_date, \(to)::date + 1), \(to)::date + 1)
                    WHERE p.from_date <= \(to)::date AND (p.to_date IS NULL OR p.to_date > \(from)::date)
                    ORDER BY c.case_id, p.cause, p.from_date, e.day DESC
                ) episode
                WHERE cd > 0
                GROUP BY cause
                ORDER BY sum(wd) DESC, cause
                """).map { row in
                PauseRow(reason: try row.decode(String.self, at: 0), pauses: try row.decode(Int.self, at: 1),
                         workingDays: try row.decode(Int.self, at: 2), calendarDays: try row.decode(Int.self, at: 3))
            }
            let age = try connection.query("""
                SELECT count(*),
                       count(*) FILTER (WHERE (received_on + interval '3 months')::date < \(to)::date),
                       count(*) FILTER (WHERE (received_on + interval '6 months')::date < \(to)::date),
                       count(*) FILTER (WHERE (received_on + interval '12 months')::date < \(to)::date)
                FROM pg_temp.stat_case WHERE open_at_end
                """).first!
            return TimelinessStatistics(
                clocks: clocks, pausedByReason: paused,
                ageProfile: AgeProfile(open: try age.decode(Int.self, at: 0), over3Months: try age.decode(Int.self, at: 1),
                                       over6Months: try age.decode(Int.self, at: 2), over12Months: try age.decode(Int.self, at: 3)))
        }

        // MARK: Groups

        func groups(_ grouping: StatisticsGrouping, _ connection: PostgresConnection) throws -> GroupStatistics {
            let key: String
            let join: String
            switch grouping {
            case .respondent: key = "s.respondent"; join = ""
            case .channel: key = "s.channel"; join = ""
            case .assignee: key = "s.assignee"; join = ""
            case .category: key = "k.category_code"; join = "JOIN case_category k ON k.case_id = s.case_id"
            }
            var rows: [String: GroupRow] = [:]
            var order: [String] = []
            for row in try connection.query("""
                SELECT \(unsafeSQL: key) AS key, count(*) FILTER (WHERE s.received_in) AS received,
                       coalesce(sum(s.closed_in), 0)::integer, count(*) FILTER (WHERE s.open_at_end),
                       count(*) FILTER (WHERE s.open_at_end AND (s.received_on + interval '12 months')::date < \(to)::date)
                FROM pg_temp.stat_case s \(unsafeSQL: join)
                GROUP BY 1
                HAVING count(*) FILTER (WHERE s.received_in) > 0 OR sum(s.closed_in) > 0 OR count(*) FILTER (WHERE s.open_at_end) > 0
                ORDER BY received DESC, key
                """) {
                let name = try row.decode(String.self, at: 0)
                order.append(name)
                rows[name] = GroupRow(
                    key: name, received: try row.decode(Int.self, at: 1), closed: try row.decode(Int.self, at: 2),
                    openAtEnd: try row.decode(Int.self, at: 3), openOver12Months: try row.decode(Int.self, at: 4),
                    upheld: .none, clocksWithinAllowance: .none, medianWorkingDaysToClose: nil)
            }
            for row in try connection.query("""
                SELECT \(unsafeSQL: key),
                       count(*) FILTER (WHERE z.outcome IN ('upheld', 'partly_upheld')),
                       count(*) FILTER (WHERE z.outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY e.ordinal - r.ordinal)
                FROM pg_temp.stat_closing z
                JOIN pg_temp.stat_case s ON s.case_id = z.case_id
                JOIN pg_temp.stat_day r ON r.day = s.received_on
                JOIN pg_temp.stat_day e ON e.day = z.closed_on
                \(unsafeSQL: join)
                GROUP BY 1
                """) {
                let name = try row.decode(String.self, at: 0)
                rows[name]?.upheld = Proportion(try row.decode(Int.self, at: 1), of: try row.decode(Int.self, at: 2))
                rows[name]?.medianWorkingDaysToClose = try row.decode(Double?.self, at: 3)
            }
            for row in try connection.query("""
                SELECT \(unsafeSQL: key), count(*) FILTER (WHERE q.met), count(q.ended_on)
                FROM pg_temp.stat_clock q
                JOIN pg_temp.stat_case s ON s.case_id = q.case_id
                \(unsafeSQL: join)
                WHERE q.ended_on IS NOT NULL
                GROUP BY 1
                """) {
                let name = try row.decode(String.self, at: 0)
                rows[name]?.clocksWithinAllowance = Proportion(try row.decode(Int.self, at: 1), of: try row.decode(Int.self, at: 2))
            }
            return GroupStatistics(grouping: grouping, rows: order.compactMap { rows[$0] })
        }
    }
}
