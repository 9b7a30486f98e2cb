import Foundation
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
/// The work runs in REPEATABLE READ transactions that share one snapshot. Two session-local
/// tables, dropped at commit, hold what several queries share: one row per case received by
/// the end of the period (`stat_case`) and one per closing in the period (`stat_closing`).
/// Clocks are judged by `StatisticsClockQuery` inside each aggregate.
///
/// Every query takes the same parameters: `$1`–`$4` the working-day arrays of
/// `StatisticsCalendar`, `$5` and `$6` the first and last day of the period, `$7` the office
/// time zone.
public struct StatisticsStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// How the figures are counted, printed with every report.
    public static let definitions = [
        "Closings count each closing, by hand or by the case itself once its last remedy item is finished: a case closed, reopened and closed again in the period counts twice.",
        "A case in several rights categories counts in each. Respondent is the body complained about; under compliance, the body each remedy item or respondent clock is owed by.",
        "A clock's length is its working days from start to end less the working days it was paused; the median lies halfway between the two middle values when they are even in number, and P90 is the least length that at least 90% of the clocks did not exceed.",
    ]

    /// The steps `report` reports progress in.
    public static let steps = 6

    /// Computes the statistics for `period` on the office's `calendar`, calling `progress`
    /// with the steps done out of `steps`.
    ///
    /// With `connect`, the closings, the clocks and the resolution records are worked through
    /// at the same time on three more connections that import this one's snapshot
    /// (`pg_export_snapshot`), while this one counts the cases: a report over a million cases
    /// then uses every core of a small server. Without it everything runs on this connection,
    /// one query after another. Either way the figures are the same.
    public func report(
        period: StatisticsPeriod,
        grouping: StatisticsGrouping? = nil,
        calendar: WorkCalendar,
        officeName: String,
        connect: (@Sendable () throws -> PostgresConnection)? = nil,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> StatisticsReport {
        // Room for the session tables in memory. The setting can only change before the
        // session's first temporary table, so a second report on one connection keeps the
        // first one's; that is slower, never wrong.
        _ = try? connection.execute(unsafeSQL: "SET temp_buffers = '256MB'")
        return try connection.withTransaction(isolation: .repeatableRead) { connection in
            try Scope.tune(connection)
            // Clocks start at or after the receipt of their case (the store refuses events
            // dated before it), so the first receipt is the first date any query looks up.
            let first = try connection.query(
                """
                SELECT least((SELECT min(received_on) FROM complaint_case), \(period.from.iso)::date)::text
                """
            ).first!.decode(String.self, at: 0)
            // A week's margin before the first date, and time after the period for due dates
            // beyond it; a date past the arrays reads as "after the period", which it is.
            let days = StatisticsCalendar(calendar, from: LocalDate(iso: first)! - 7, through: period.to + 800)
            var scoped = Scope(period: period, calendar: days, grouping: grouping)
            scoped.inline = try connection.isInHotStandby()
            let scope = scoped
            var done = 0
            func step() {
                done += 1
                progress(done, Self.steps)
            }

            // The per-case table and the volume stay on this connection; the closings, the clocks
            // and the smaller tables go to helpers when there are any.
            let closingWork = Work<ClosingFigures> { try scope.closingFigures($0) }
            let clockWork = Work<ClockFigures> { try scope.clockFigures($0) }
            let otherWork = Work<OtherFigures> { try scope.otherFigures($0) }
            if let connect {
                let snapshot = try connection.query("SELECT pg_export_snapshot()").first!.decode(String.self, at: 0)
                closingWork.start(connect, snapshot)
                clockWork.start(connect, snapshot)
                otherWork.start(connect, snapshot)
            }
            try scope.createCases(connection)
            step()
            let volume = try scope.volume(connection)
            let age = try scope.ageProfile(connection)
            step()
            let base = try grouping.map { try scope.groupBase($0, connection) }
            step()
            let closings = try closingWork.result(on: connection)
            step()
            let clockFigures = try clockWork.result(on: connection)
            step()
            let other = try otherWork.result(on: connection)
            step()
            let timeliness = Scope.timeliness(
                clocks: clockFigures.rows, extensions: other.extensions, paused: other.paused, age: age)
            let groups = base.map { table in
                GroupStatistics(
                    grouping: table.grouping,
                    rows: table.rows.map { row in
                        var row = row
                        if let closing = closings.groups[row.key] {
                            row.upheld = closing.upheld
                            row.medianWorkingDaysToClose = closing.median
                        }
                        row.clocksWithinAllowance = clockFigures.groups[row.key] ?? .none
                        return row
                    })
            }
            let outcomes = closings.outcomes
            var report = StatisticsReport(
                office: officeName, timeZone: calendar.timeZoneIdentifier, period: period, volume: volume,
                outcomes: outcomes, timeliness: timeliness, mediation: other.mediation,
                remedies: other.remedies, compliance: other.compliance, reviews: other.reviews, groups: groups,
                notes: Self.definitions)
            report.dataProtection = try scope.dataProtection(connection)
            return report
        }
    }

    /// The figures of the smaller tables: mediation, remedies, compliance, extensions and pauses.
    struct OtherFigures: Sendable {
        var mediation: MediationStatistics
        var remedies: RemedyStatistics
        var compliance: ComplianceStatistics
        var reviews: ReviewStatistics
        var extensions: [String: Int]
        var paused: [PauseRow]
    }

    /// What the closings of the period give: the outcome section, and per group (with `--by`)
    /// the upheld share and the median working days to close.
    struct ClosingFigures: Sendable {
        var outcomes: OutcomeStatistics
        var groups: [String: (upheld: Proportion, median: Double?)]
    }

    /// What one pass over the clocks gives: the rows of the timeliness section by kind, and
    /// per group the clocks met.
    struct ClockFigures: Sendable {
        var rows: [String: ClockTimeliness]
        var groups: [String: Proportion]
    }

    /// A part of the report: computed on a connection of its own, in a transaction that
    /// imports the report's snapshot, once `start` is called; otherwise on the report's own
    /// connection when its result is asked for.
    final class Work<Value: Sendable>: @unchecked Sendable {
        private let body: @Sendable (PostgresConnection) throws -> Value
        private let done = DispatchSemaphore(value: 0)
        private var started = false
        private var outcome: Result<Value, any Error>?

        init(_ body: @escaping @Sendable (PostgresConnection) throws -> Value) {
            self.body = body
        }

        /// Starts the work on a new connection from `connect`, sharing the exported `snapshot`.
        func start(_ connect: @escaping @Sendable () throws -> PostgresConnection, _ snapshot: String) {
            started = true
            let body = self.body
            Thread.detachNewThread { [self] in
                outcome = Result {
                    let connection = try connect()
                    defer { connection.close() }
                    // Before the session's first temporary table, or it cannot change.
                    _ = try? connection.execute(unsafeSQL: "SET temp_buffers = '256MB'")
                    return try connection.withTransaction(isolation: .repeatableRead, attempts: 1) { connection in
                        // A utility statement takes no parameters; the identifier comes from
                        // pg_export_snapshot and is checked to be hexadecimal digits and dashes.
                        guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
                            throw PostgresError(
                                kind: .client, message: "unexpected snapshot identifier from pg_export_snapshot")
                        }
                        try connection.execute(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(snapshot)'")
                        try Scope.tune(connection)
                        return try body(connection)
                    }
                }
                done.signal()
            }
        }

        /// The result: waited for when the work was started, else computed now on `connection`.
        func result(on connection: PostgresConnection) throws -> Value {
            guard started else { return try body(connection) }
            done.wait()
            return try outcome!.get()
        }
    }

    /// The period and settings one report is computed for, and the queries that compute it.
    struct Scope {
        var period: StatisticsPeriod
        var calendar: StatisticsCalendar
        var grouping: StatisticsGrouping?
        /// Whether the shared tables are written into each query that reads them rather than
        /// made once per session: a hot standby makes no tables, temporary ones included.
        var inline = false

        /// The events that close or reopen a case (`x`), written as the index
        /// `case_event_closing_by_time` has them so that it serves.
        static let closingOrReopening =
            "(x.kind IN ('case_closed', 'case_reopened') OR x.data ->> 'case_moved_to' = 'closed')"

        /// Settings for the statistics queries, for the current transaction.
        static func tune(_ connection: PostgresConnection) throws {
            // With the default 4 MB the planner sorts a million clocks to count a hundred groups
            // rather than hash them. JIT pays for itself over millions of clocks, but inlining
            // and optimising the code of these one-off queries costs more than it saves.
            try connection.execute(
                unsafeSQL:
                    "SET LOCAL work_mem = '256MB'; SET LOCAL jit_inline_above_cost = -1; SET LOCAL jit_optimize_above_cost = -1"
            )
        }

        /// The first instant of the period, and the first instant after it, in the office time zone.
        static let start = "($5::date::timestamp AT TIME ZONE $7::text)"
        static let end = "(($6::date + 1)::timestamp AT TIME ZONE $7::text)"

        /// A statistics query: `sql` with the shared parameters. With `inline`, the session
        /// tables it reads are common table expressions of its own instead.
        func query(_ sql: String) -> PostgresQuery {
            var sql = sql
            if inline {
                var tables: [String] = []
                if sql.contains("pg_temp.stat_case") { tables.append("stat_case AS MATERIALIZED (\(casesSelect))") }
                if sql.contains("pg_temp.stat_closing") {
                    tables.append("stat_closing AS MATERIALIZED (\(closingsSelect))")
                }
                if !tables.isEmpty {
                    sql = sql.replacingOccurrences(of: "pg_temp.stat_", with: "stat_")
                    let body = sql.drop { $0.isWhitespace }
                    sql =
                        body.hasPrefix("WITH ")
                        ? "WITH " + tables.joined(separator: ", ") + ", " + body.dropFirst(5)
                        : "WITH " + tables.joined(separator: ", ") + "\n" + body
                }
            }
            return PostgresQuery(
                unsafeSQL: sql,
                binds: calendar.binds + [
                    PostgresBind(period.from), PostgresBind(period.to),
                    PostgresBind(calendar.calendar.timeZoneIdentifier),
                ])
        }

        /// `StatisticsClockQuery` as a subquery of a statistics query.
        func clocks(_ selection: StatisticsClockQuery.Selection) -> String {
            "(" + StatisticsClockQuery.sql(selection: selection) + ")"
        }

        /// The rows of a histogram (`days`, and `ended`: how many ended after that many days),
        /// each with the running count `cumulative` and the `total` of its group.
        static func cumulative(_ histogram: String, partition: String) -> String {
            """
            SELECT h.*, (sum(h.ended) OVER (PARTITION BY h.\(partition) ORDER BY h.days))::bigint AS cumulative,
                   (sum(h.ended) OVER (PARTITION BY h.\(partition)))::bigint AS total
            FROM \(histogram) h
            """
        }

        /// Three figures of a group of `cumulative` rows: the mean rounded to two decimals; the
        /// median (the middle value, or halfway between the two middle ones, as
        /// `percentile_cont(0.5)`); and the 90th percentile by nearest rank (the least value at
        /// or below which at least 90% fall), in exact integer arithmetic. The value at rank r
        /// is the least `days` whose running count reaches r. NULL for an empty group.
        static let histogramFigures = """
            round(sum(days * ended) FILTER (WHERE days IS NOT NULL) / nullif(sum(ended) FILTER (WHERE days IS NOT NULL), 0), 2)::float8,
                   ((min(days) FILTER (WHERE days IS NOT NULL AND cumulative >= (total + 1) / 2)
                     + min(days) FILTER (WHERE days IS NOT NULL AND cumulative >= total / 2 + 1)) / 2.0)::float8,
                   min(days) FILTER (WHERE days IS NOT NULL AND cumulative * 10 >= total * 9)
            """

        /// The last assignment of each case by the end of the period, as `ga (case_id, login)`.
        static let lastAssignment = """
            SELECT DISTINCT ON (x.case_id) x.case_id, x.data ->> 'to' AS login
            FROM case_event x
            WHERE x.kind = 'case_assigned' AND x.occurred_at < \(end)
            ORDER BY x.case_id, x.id DESC
            """

        /// The group key of a case `gc` (a `complaint_case` row) and the joins it needs.
        static func groupKey(_ grouping: StatisticsGrouping) -> (key: String, join: String) {
            switch grouping {
            case .respondent: return ("gr.name", "JOIN respondent_body gr ON gr.id = gc.respondent_id")
            case .channel: return ("gc.channel", "")
            case .category: return ("gk.category_code", "JOIN case_category gk ON gk.case_id = gc.id")
            case .assignee:
                return ("coalesce(ga.login, '(unassigned)')", "LEFT JOIN (\(lastAssignment)) ga ON ga.case_id = gc.id")
            case .issue:
                return (
                    "coalesce(gi.reference, '\(noIssue)')",
                    "LEFT JOIN case_issue gq ON gq.case_id = gc.id LEFT JOIN complaint_case gi ON gi.id = gq.issue_case_id"
                )
            }
        }

        /// The group of the cases linked to no systemic issue.
        static let noIssue = "(no linked issue)"

        /// `stat_case`: one row per case received by the end of the period.
        func createCases(_ connection: PostgresConnection) throws {
            guard !inline else { return }
            try connection.execute(query("CREATE TEMP TABLE stat_case ON COMMIT DROP AS\n" + casesSelect))
            try connection.execute(unsafeSQL: "ANALYZE pg_temp.stat_case")
        }

        /// The query `stat_case` is made of.
        var casesSelect: String {
            let assignee =
                grouping == .assignee
                ? "LEFT JOIN (\(Self.lastAssignment)) a ON a.case_id = c.id"
                : "LEFT JOIN (SELECT NULL::bigint AS case_id, NULL::text AS login) a ON false"
            // Whether a case is open at a moment is whether it has been closed as often as
            // reopened by then.
            return """
                SELECT c.id AS case_id, c.channel, r.name AS respondent, coalesce(a.login, '(unassigned)') AS assignee,
                       c.received_on,
                       c.received_on >= $5::date AS received_in,
                       c.received_on < $5::date AND coalesce(ev.balance_at_start, 0) = 0 AS open_at_start,
                       coalesce(ev.balance_at_end, 0) = 0 AS open_at_end,
                       coalesce(ev.closed_in, 0)::integer AS closed_in,
                       coalesce(ev.reopened_in, 0)::integer AS reopened_in
                FROM complaint_case c
                JOIN respondent_body r ON r.id = c.respondent_id
                LEFT JOIN (
                    SELECT x.case_id,
                           count(*) FILTER (WHERE x.kind <> 'case_reopened' AND x.occurred_at < \(Self.start))
                             - count(*) FILTER (WHERE x.kind = 'case_reopened' AND x.occurred_at < \(Self.start)) AS balance_at_start,
                           count(*) FILTER (WHERE x.kind <> 'case_reopened')
                             - count(*) FILTER (WHERE x.kind = 'case_reopened') AS balance_at_end,
                           count(*) FILTER (WHERE x.kind <> 'case_reopened' AND x.occurred_at >= \(Self.start)) AS closed_in,
                           count(*) FILTER (WHERE x.kind = 'case_reopened' AND x.occurred_at >= \(Self.start)) AS reopened_in
                    FROM case_event x
                    WHERE \(Self.closingOrReopening) AND x.occurred_at < \(Self.end)
                    GROUP BY x.case_id
                ) ev ON ev.case_id = c.id
                \(assignee)
                WHERE c.received_on <= $6::date
                """
        }

        /// `stat_closing`: one row per closing in the period.
        func createClosings(_ connection: PostgresConnection) throws {
            guard !inline else { return }
            try connection.execute(query("CREATE TEMP TABLE stat_closing ON COMMIT DROP AS\n" + closingsSelect))
            try connection.execute(unsafeSQL: "ANALYZE pg_temp.stat_closing")
        }

        /// The query `stat_closing` is made of.
        var closingsSelect: String {
            // The outcome of a closing by hand is on its event; a case that closed by itself
            // when its last remedy item was finished keeps the outcome of its decision.
            // The stage of a closing: the working stage the case was in, read from the state a
            // closing by hand left; from awaiting_info, decided or remedy (and for a closing by
            // itself, always from remedy or decided), the last working stage it entered before
            // (on_hold and awaiting_info during an investigation are investigation).
            """
            SELECT x.case_id, x.id AS event_id, (x.occurred_at AT TIME ZONE $7::text)::date AS closed_on,
                   coalesce(CASE WHEN x.kind = 'case_closed' THEN x.data ->> 'outcome' END, (
                       SELECT y.data ->> 'outcome' FROM case_event y
                       WHERE y.case_id = x.case_id AND y.id < x.id AND y.kind = 'case_moved' AND y.data ->> 'to' = 'decided'
                       ORDER BY y.id DESC LIMIT 1)) AS outcome,
                   CASE CASE WHEN x.kind = 'case_closed' THEN x.data ->> 'from' END
                       WHEN 'received' THEN 'triage'
                       WHEN 'triage' THEN 'triage'
                       WHEN 'early_resolution' THEN 'early_resolution'
                       WHEN 'mediation' THEN 'mediation'
                       WHEN 'investigation' THEN 'investigation'
                       WHEN 'on_hold' THEN 'investigation'
                       WHEN 'arbitration' THEN 'arbitration'
                       ELSE coalesce((
                           SELECT y.data ->> 'to' FROM case_event y
                           WHERE y.case_id = x.case_id AND y.id < x.id
                             AND y.kind IN ('case_acknowledged', 'case_moved', 'information_received', 'case_reopened')
                             AND y.data ->> 'to' IN ('triage', 'early_resolution', 'mediation', 'investigation', 'arbitration')
                           ORDER BY y.id DESC LIMIT 1), 'triage')
                   END AS stage
            FROM case_event x
            WHERE \(Self.closingOrReopening) AND x.kind <> 'case_reopened'
              AND x.occurred_at >= \(Self.start) AND x.occurred_at < \(Self.end)
            """
        }

        // MARK: Volume

        func volume(_ connection: PostgresConnection) throws -> VolumeStatistics {
            let totals = try connection.query(
                query(
                    """
                    SELECT count(*) FILTER (WHERE received_in), coalesce(sum(closed_in), 0)::integer, coalesce(sum(reopened_in), 0)::integer,
                           count(*) FILTER (WHERE open_at_start), count(*) FILTER (WHERE open_at_end)
                    FROM pg_temp.stat_case
                    """)
            ).first!
            return VolumeStatistics(
                received: try totals.decode(Int.self, at: 0), closed: try totals.decode(Int.self, at: 1),
                reopened: try totals.decode(Int.self, at: 2), openAtStart: try totals.decode(Int.self, at: 3),
                openAtEnd: try totals.decode(Int.self, at: 4),
                byChannel: try volumeRows(connection, key: "s.channel", join: ""),
                byCategory: try volumeRows(
                    connection, key: "k.category_code", join: "JOIN case_category k ON k.case_id = s.case_id"),
                byRespondent: try volumeRows(connection, key: "s.respondent", join: ""))
        }

        private func volumeRows(_ connection: PostgresConnection, key: String, join: String) throws -> [VolumeRow] {
            try connection.query(
                query(
                    """
                    SELECT \(key) AS key, count(*) FILTER (WHERE s.received_in) AS received,
                           coalesce(sum(s.closed_in), 0)::integer AS closed, count(*) FILTER (WHERE s.open_at_end) AS open_at_end
                    FROM pg_temp.stat_case s \(join)
                    GROUP BY 1
                    HAVING count(*) FILTER (WHERE s.received_in) > 0 OR sum(s.closed_in) > 0 OR count(*) FILTER (WHERE s.open_at_end) > 0
                    ORDER BY received DESC, key
                    """)
            ).map { row in
                VolumeRow(
                    key: try row.decode(String.self, at: 0), received: try row.decode(Int.self, at: 1),
                    closed: try row.decode(Int.self, at: 2), openAtEnd: try row.decode(Int.self, at: 3))
            }
        }

        // MARK: Outcomes

        func outcomes(_ connection: PostgresConnection) throws -> OutcomeStatistics {
            var byStage: [String: Int] = [:]
            var byOutcome: [String: Int] = [:]
            var closed = 0
            for row in try connection.query(
                query(
                    """
                    SELECT 'stage', stage, count(*) FROM pg_temp.stat_closing GROUP BY stage
                    UNION ALL
                    SELECT 'outcome', coalesce(outcome, '(none)'), count(*) FROM pg_temp.stat_closing GROUP BY outcome
                    """))
            {
                let count = try row.decode(Int.self, at: 2)
                if try row.decode(String.self, at: 0) == "stage" {
                    byStage[try row.decode(String.self, at: 1)] = count
                    closed += count
                } else {
                    byOutcome[try row.decode(String.self, at: 1)] = count
                }
            }
            let stages = ClosureStage.allCases.map {
                CountRow(key: $0.rawValue, count: byStage[$0.rawValue] ?? 0, of: closed)
            }
            var outcomeRows = Outcome.allCases.map {
                CountRow(key: $0.rawValue, count: byOutcome[$0.rawValue] ?? 0, of: closed)
            }
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

        /// The clocks of the period by kind (extensions are added by `timeliness`).
        func clockRows(_ connection: PostgresConnection) throws -> [String: ClockTimeliness] {
            let bands = TimelinessStatistics.bandUpperBounds
            var bandSQL = ""
            var lower = 0
            for upper in bands {
                bandSQL += ", coalesce(sum(ended) FILTER (WHERE days BETWEEN \(lower) AND \(upper)), 0)::bigint"
                lower = upper + 1
            }
            bandSQL += ", coalesce(sum(ended) FILTER (WHERE days > \(bands.last!)), 0)::bigint"
            var rows: [String: ClockTimeliness] = [:]
            // One pass groups the clocks by kind and length; the mean, median, 90th percentile
            // and bands are then read off that small histogram, exactly, in integers. The
            // clocks' subquery is kept whole (OFFSET 0): flattened, the planner judged the
            // lengths by the distinct dates they are made of, expected millions of groups where
            // there are hundreds, and sorted 3.8 million rows to count them instead of hashing
            // (1,000,000 cases: 7.6 s of one core before, 3.9 s after, the same figures).
            for row in try connection.query(
                query(
                    """
                    WITH histogram AS (
                        SELECT kind, net_working_days AS days, count(ended_on) AS ended, count(*) FILTER (WHERE met) AS met,
                               count(*) FILTER (WHERE breached_at_end) AS breached
                        FROM (SELECT * FROM \(clocks(.all)) c OFFSET 0) q
                        GROUP BY kind, net_working_days
                    )
                    SELECT kind, sum(ended)::bigint, sum(met)::bigint,
                           \(Self.histogramFigures),
                           sum(breached)::bigint
                           \(bandSQL)
                    FROM (\(Self.cumulative("histogram", partition: "kind"))) c
                    GROUP BY kind
                    """))
            {
                let kind = try row.decode(String.self, at: 0)
                guard let clockKind = ClockKind(rawValue: kind) else { continue }
                rows[kind] = ClockTimeliness(
                    kind: clockKind, ended: try row.decode(Int.self, at: 1), met: try row.decode(Int.self, at: 2),
                    meanWorkingDays: try row.decode(Double?.self, at: 3),
                    medianWorkingDays: try row.decode(Double?.self, at: 4),
                    p90WorkingDays: try row.decode(Int?.self, at: 5), extensionsGranted: 0,
                    breachedAtEnd: try row.decode(Int.self, at: 6),
                    distribution: try (0...bands.count).map { try row.decode(Int.self, at: 7 + $0) })
            }
            return rows
        }

        /// Extensions granted in the period, by clock kind.
        func extensionsByKind(_ connection: PostgresConnection) throws -> [String: Int] {
            var granted: [String: Int] = [:]
            for row in try connection.query(
                query(
                    """
                    SELECT c.kind, count(*) FROM clock_extension x JOIN clock c ON c.id = x.clock_id
                    WHERE x.on_date BETWEEN $5::date AND $6::date
                    GROUP BY c.kind
                    """))
            {
                granted[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1)
            }
            return granted
        }

        /// Paused time within the period, by reason.
        func pausedByReason(_ connection: PostgresConnection) throws -> [PauseRow] {
            // A pause of a case holds several of its clocks at once; count each episode once.
            // Only the part inside the period counts; a pause open at the end counts up to it.
            typealias C = StatisticsCalendar
            return try connection.query(
                query(
                    """
                    SELECT cause, count(*), sum(\(C.ordinal("until")) - \(C.ordinal("since")))::integer, sum(until - since)::integer
                    FROM (
                        SELECT DISTINCT ON (c.case_id, p.cause, p.from_date) p.cause,
                               greatest(p.from_date, $5::date) AS since,
                               least(coalesce(p.to_date, $6::date + 1), $6::date + 1) AS until
                        FROM clock_pause p
                        JOIN clock c ON c.id = p.clock_id
                        WHERE p.from_date <= $6::date AND (p.to_date IS NULL OR p.to_date > $5::date)
                        ORDER BY c.case_id, p.cause, p.from_date, until DESC
                    ) episode
                    WHERE until > since
                    GROUP BY cause
                    ORDER BY 3 DESC, cause
                    """)
            ).map { row in
                PauseRow(
                    reason: try row.decode(String.self, at: 0), pauses: try row.decode(Int.self, at: 1),
                    workingDays: try row.decode(Int.self, at: 2), calendarDays: try row.decode(Int.self, at: 3))
            }
        }

        /// The timeliness section from its parts, clock kinds in the order of `ClockKind.allCases`.
        static func timeliness(
            clocks rows: [String: ClockTimeliness], extensions: [String: Int], paused: [PauseRow],
            age: AgeProfile
        ) -> TimelinessStatistics {
            let bands = TimelinessStatistics.bandUpperBounds.count + 1
            let clocks = ClockKind.allCases.compactMap { kind -> ClockTimeliness? in
                var entry =
                    rows[kind.rawValue]
                    ?? ClockTimeliness(
                        kind: kind, ended: 0, met: 0, meanWorkingDays: nil, medianWorkingDays: nil, p90WorkingDays: nil,
                        extensionsGranted: 0, breachedAtEnd: 0, distribution: Array(repeating: 0, count: bands))
                entry.extensionsGranted = extensions[kind.rawValue] ?? 0
                return entry.ended > 0 || entry.extensionsGranted > 0 || entry.breachedAtEnd > 0 ? entry : nil
            }
            return TimelinessStatistics(clocks: clocks, pausedByReason: paused, ageProfile: age)
        }

        /// How long the cases open at the end had been open.
        func ageProfile(_ connection: PostgresConnection) throws -> AgeProfile {
            let age = try connection.query(
                query(
                    """
                    SELECT count(*),
                           count(*) FILTER (WHERE (received_on + interval '3 months')::date < $6::date),
                           count(*) FILTER (WHERE (received_on + interval '6 months')::date < $6::date),
                           count(*) FILTER (WHERE (received_on + interval '12 months')::date < $6::date)
                    FROM pg_temp.stat_case WHERE open_at_end
                    """)
            ).first!
            return AgeProfile(
                open: try age.decode(Int.self, at: 0), over3Months: try age.decode(Int.self, at: 1),
                over6Months: try age.decode(Int.self, at: 2), over12Months: try age.decode(Int.self, at: 3))
        }

        // MARK: Groups

        /// The rows of the `--by` table with what the cases give (received, closed, open);
        /// the closings and clocks add the rest.
        func groupBase(_ grouping: StatisticsGrouping, _ connection: PostgresConnection) throws -> GroupStatistics {
            let key: String
            var join = ""
            switch grouping {
            case .respondent: key = "s.respondent"
            case .channel: key = "s.channel"
            case .assignee: key = "s.assignee"
            case .issue:
                key = "coalesce(i.reference, '\(Self.noIssue)')"
                join =
                    "LEFT JOIN case_issue q ON q.case_id = s.case_id LEFT JOIN complaint_case i ON i.id = q.issue_case_id"
            case .category:
                key = "k.category_code"
                join = "JOIN case_category k ON k.case_id = s.case_id"
            }
            let rows = try connection.query(
                query(
                    """
                    SELECT \(key) AS key, count(*) FILTER (WHERE s.received_in) AS received,
                           coalesce(sum(s.closed_in), 0)::integer, count(*) FILTER (WHERE s.open_at_end),
                           count(*) FILTER (WHERE s.open_at_end AND (s.received_on + interval '12 months')::date < $6::date)
                    FROM pg_temp.stat_case s \(join)
                    GROUP BY 1
                    HAVING count(*) FILTER (WHERE s.received_in) > 0 OR sum(s.closed_in) > 0 OR count(*) FILTER (WHERE s.open_at_end) > 0
                    ORDER BY received DESC, key
                    """)
            ).map { row in
                GroupRow(
                    key: try row.decode(String.self, at: 0), received: try row.decode(Int.self, at: 1),
                    closed: try row.decode(Int.self, at: 2),
                    openAtEnd: try row.decode(Int.self, at: 3), openOver12Months: try row.decode(Int.self, at: 4),
                    upheld: .none, clocksWithinAllowance: .none, medianWorkingDaysToClose: nil)
            }
            return GroupStatistics(grouping: grouping, rows: rows)
        }

        /// The outcome section, and with `--by` the upheld share and median working days from
        /// receipt to closing of each group, from the closings of the period.
        func closingFigures(_ connection: PostgresConnection) throws -> ClosingFigures {
            try createClosings(connection)
            var figures = ClosingFigures(outcomes: try outcomes(connection), groups: [:])
            guard let grouping else { return figures }
            typealias C = StatisticsCalendar
            let (key, join) = Self.groupKey(grouping)
            for row in try connection.query(
                query(
                    """
                    WITH histogram AS (
                        SELECT \(key) AS key, \(C.ordinal("z.closed_on")) - \(C.ordinal("gc.received_on")) AS days, count(*) AS ended,
                               count(*) FILTER (WHERE z.outcome IN ('upheld', 'partly_upheld')) AS upheld,
                               count(*) FILTER (WHERE z.outcome IN ('upheld', 'partly_upheld', 'not_upheld')) AS investigated
                        FROM pg_temp.stat_closing z
                        JOIN complaint_case gc ON gc.id = z.case_id
                        \(join)
                        GROUP BY 1, 2
                    )
                    SELECT key, sum(upheld)::bigint, sum(investigated)::bigint, \(Self.histogramFigures)
                    FROM (\(Self.cumulative("histogram", partition: "key"))) c
                    GROUP BY key
                    """))
            {
                figures.groups[try row.decode(String.self, at: 0)] = (
                    Proportion(try row.decode(Int.self, at: 1), of: try row.decode(Int.self, at: 2)),
                    try row.decode(Double?.self, at: 4)
                )
            }
            return figures
        }

        /// The clocks by kind, and with `--by` the clocks met in each group.
        func clockFigures(_ connection: PostgresConnection) throws -> ClockFigures {
            var figures = ClockFigures(rows: try clockRows(connection), groups: [:])
            guard let grouping else { return figures }
            let (key, join) = Self.groupKey(grouping)
            for row in try connection.query(
                query(
                    """
                    SELECT \(key), count(*) FILTER (WHERE q.met), count(*)
                    FROM \(clocks(.ended)) q
                    JOIN complaint_case gc ON gc.id = q.case_id
                    \(join)
                    GROUP BY 1
                    """))
            {
                figures.groups[try row.decode(String.self, at: 0)] = Proportion(
                    try row.decode(Int.self, at: 1), of: try row.decode(Int.self, at: 2))
            }
            return figures
        }
    }
}
