import Foundation
public import Postgres
public import RedressCore
import RedressNotices

/// The nightly sweep of SPEC §2.4: takes the escalation steps that are due, once each.
///
/// It streams the clocks live on the sweep date that have not reached the end of their ladder
/// (one connection), asks RedressCore's `Escalation.dueSteps` what each is due, and writes the
/// steps in transactions of a bounded size (another connection, on a thread of its own while
/// the stream goes on: `SweepPipeline`): each batch is copied into a temporary table and
/// inserted into `escalation` with `ON CONFLICT DO NOTHING`; the notices and audit rows are
/// written, in the same statement, only for the rows that went in. So:
/// - a second sweep the same day finds every due step taken and writes nothing;
/// - two sweeps at once never double anything: the second waits for the first (advisory lock),
///   and even without the lock a step inserted twice would go in once;
/// - killed at any moment, a sweep loses at most the batch in flight, which the next completes;
/// - `asOf` a past date judges every clock as it stood then (`Clock.snapshot(asOf:)`).
///
/// A running clock found breached, with nothing recorded after the sweep date, gets its stored
/// status set to `breached`. A case whose complainant's side a step wrote to has its
/// `complainant_update` clock met and started again, in the same transaction.
public final class Sweep {
    /// The connection that streams the candidate clocks.
    let reader: PostgresConnection
    /// The connection that holds the lock and writes.
    let writer: PostgresConnection
    let context: OfficeContext
    let noticePlan: SweepNoticePlan

    /// The advisory lock key every sweep takes ("REDRSWEP").
    public static let lockKey: Int = 0x5245_4452_5357_4550
    /// Steps written per transaction, at most (a case's steps are never split).
    public static let defaultBatchSize = 5_000

    /// A sweep reading through `reader` and writing through `writer` (two connections to the
    /// same database), queueing for each step the notices `noticePlan` names.
    public init(
        reader: PostgresConnection, writer: PostgresConnection, context: OfficeContext,
        noticePlan: @escaping SweepNoticePlan
    ) {
        self.reader = reader
        self.writer = writer
        self.context = context
        self.noticePlan = noticePlan
    }

    /// Runs the sweep for `options.asOf`.
    ///
    /// - `waiting` is called when another sweep holds the lock, before waiting for it.
    /// - `progress` is called now and then with the clocks checked so far and the total
    ///   (the total is counted only when `countTotal` is set).
    /// - `planned` is called for each step due, before it is written (or instead, on a dry run).
    public func run(
        _ options: SweepOptions,
        countTotal: Bool = false,
        waiting: () -> Void = {},
        progress: (_ checked: Int, _ total: Int?) -> Void = { _, _ in },
        planned: (SweepPlannedStep) -> Void = { _ in }
    ) throws -> SweepSummary {
        let started = Date()
        let today = context.localDate(started)
        if !options.dryRun, options.asOf > today { throw SweepError.futureDate(options.asOf, today: today) }
        try checkTemplates()
        if !options.dryRun { try lock(waiting: waiting) }
        defer { if !options.dryRun { _ = try? writer.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") } }
        if !options.dryRun { try prepareTemporaryTables() }
        // The candidates' cost estimate is large, which would have the server JIT-compile their
        // query for seconds; their sort (a million cases have about 600,000 live clocks) then
        // fits in memory instead of spilling to disk.
        try reader.execute(unsafeSQL: "SET jit = off; SET work_mem = '64MB'")

        // The last step of each ladder: a clock that has taken it has nothing more to do.
        let kinds = ClockKind.allCases
        let finals = kinds.map { Escalation.ladder(for: $0).last!.rawValue }
        let kindList = PostgresTextArray(kinds.map(\.rawValue))
        let finalList = PostgresTextArray(finals)
        // The steps taken so far are read once, as the sweep starts: this sweep's own writes
        // grow the table as it streams, so a lookup per clock could slow down as it goes.
        let candidates: PostgresQuery = """
            WITH taken AS MATERIALIZED (
                SELECT e.clock_id, array_agg(e.step) AS steps FROM escalation e GROUP BY e.clock_id
            )
            SELECT k.id, k.case_id, c.reference, k.status, array_to_string(t.steps, ','),
                \(unsafeSQL: SweepClockColumns.select)
            FROM clock k
            JOIN unnest(\(kindList)::text[], \(finalList)::text[]) AS f(kind, final_step) ON f.kind = k.kind
            JOIN complaint_case c ON c.id = k.case_id
            LEFT JOIN taken t ON t.clock_id = k.id
            WHERE \(SweepClockColumns.live(on: options.asOf))
              AND (t.steps IS NULL OR NOT f.final_step = ANY (t.steps))
            """
        let total =
            countTotal
            ? try reader.query("SELECT count(*) FROM (\(candidates)) candidate").first!.decode(Int.self, at: 0) : nil
        progress(0, total)

        let occurredAt = options.asOf == today ? started : context.calendar.endOfDay(options.asOf)
        var summary = SweepSummary(asOf: options.asOf, dryRun: options.dryRun)
        var batch = SweepBatch()
        var currentCase: Int? = nil
        let calendar = context.calendar
        let pipeline = SweepPipeline(asOf: options.asOf)
        // Runs before the lock is let go: the writer thread is done with its connection.
        defer { pipeline.drain() }

        try reader.stream("\(candidates) ORDER BY k.case_id, k.id") { row in
            let clockID = try row.decode(Int.self, at: 0)
            let caseID = try row.decode(Int.self, at: 1)
            if caseID != currentCase {
                if batch.steps.count >= options.batchSize {
                    try flush(&batch, options: options, occurredAt: occurredAt, into: &summary, writing: pipeline)
                }
                currentCase = caseID
            }
            summary.clocksChecked += 1
            if summary.clocksChecked % 10_000 == 0 { progress(summary.clocksChecked, total) }
            let clock = try SweepClockColumns.clock(from: row, at: 5)
            let takenText = try row.decode(String?.self, at: 4) ?? ""
            let taken = Set(takenText.split(separator: ",").compactMap { EscalationStep(rawValue: String($0)) })
            let steps = Escalation.dueSteps(for: clock, taken: taken, asOf: options.asOf, calendar: calendar)
            if try row.decode(String.self, at: 3) == ClockStatus.running.rawValue,
                clock.status(asOf: options.asOf, calendar: calendar) == .breached,
                clock.snapshot(asOf: options.asOf) == clock
            {
                // Nothing was recorded after the sweep date, so the clock is breached now too.
                batch.breached.append(clockID)
            }
            guard !steps.isEmpty else { return }
            let reference = try row.decode(String.self, at: 2)
            // The clock as it stood on the sweep date: its ladder's dates and its due date.
            let view = clock.snapshot(asOf: options.asOf)
            let thresholds = Escalation.thresholds(for: view, calendar: calendar) ?? []
            let due = view.dueDate(on: calendar)
            for step in steps {
                let entry = SweepPlannedStep(
                    caseID: caseID, reference: reference, clockID: clockID, clock: clock.kind, step: step,
                    dueOn: thresholds.first { $0.step == step }?.date ?? options.asOf, notices: noticePlan(step))
                planned(entry)
                let data = Self.noticeData(
                    entry, due: due, thresholds: thresholds, asOf: options.asOf, calendar: calendar)
                batch.steps.append(SweepBatch.Step(entry: entry, data: data))
            }
        }
        try flush(&batch, options: options, occurredAt: occurredAt, into: &summary, writing: pipeline)
        if !options.dryRun { summary.add(try pipeline.finish()) }
        progress(summary.clocksChecked, total)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Refuses to run while a notice the sweep can queue has no template to be written from:
    /// every kind of every step, for every audience the routing can address it to, in the
    /// office's default language (where a notice in a language without templates ends up).
    func checkTemplates() throws {
        let templates = TemplateSource(overrideDirectory: context.settings.templatesDir)
        let language = context.settings.defaultLanguage
        for step in EscalationStep.allCases {
            for notice in noticePlan(step) {
                for audience in NoticeRouting.audiences(for: notice.audience) {
                    let written = NoticeKind(rawValue: notice.kind).flatMap {
                        templates.language(kind: $0, audience: audience, requested: language, fallback: language)
                    }
                    guard written == nil else { continue }
                    throw SweepError.missingTemplate(
                        kind: notice.kind, audience: audience, template: "\(notice.kind).\(audience).\(language)")
                }
            }
        }
    }

    /// Takes the sweep lock, waiting (and saying so) while another sweep holds it.
    func lock(waiting: () -> Void) throws {
        let got = try writer.query("SELECT pg_try_advisory_lock(\(Self.lockKey))").first!.decode(Bool.self, at: 0)
        if !got {
            waiting()
            try writer.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        }
    }

    func prepareTemporaryTables() throws {
        // The batch statement's cost estimate is large (the planner cannot count a batch), which
        // would have the server JIT-compile it for seconds to save milliseconds.
        try writer.execute(
            unsafeSQL: """
                SET jit = off;
                CREATE TEMPORARY TABLE IF NOT EXISTS sweep_step (
                    clock_id bigint NOT NULL, case_id bigint NOT NULL, kind text NOT NULL, step text NOT NULL,
                    due_on date NOT NULL, data jsonb NOT NULL, PRIMARY KEY (clock_id, step)
                ) ON COMMIT DELETE ROWS;
                CREATE TEMPORARY TABLE IF NOT EXISTS sweep_notice_plan (step text NOT NULL, kind text NOT NULL, audience text NOT NULL);
                TRUNCATE sweep_notice_plan;
                """)
        for step in EscalationStep.allCases {
            for notice in noticePlan(step) {
                try writer.execute(
                    "INSERT INTO sweep_notice_plan (step, kind, audience) VALUES (\(step.rawValue), \(notice.kind), \(notice.audience.rawValue))"
                )
            }
        }
    }

    /// Hands the batch to the writer thread, which writes it in one transaction while the next
    /// fills, and empties it; on a dry run only counts it.
    func flush(
        _ batch: inout SweepBatch, options: SweepOptions, occurredAt: Date, into summary: inout SweepSummary,
        writing pipeline: SweepPipeline
    ) throws {
        defer { batch = SweepBatch() }
        guard !batch.steps.isEmpty || !batch.breached.isEmpty else { return }
        if options.dryRun {
            for step in batch.steps {
                summary.count(step.entry.step)
                summary.noticesQueued += step.entry.notices.count
            }
            summary.casesEscalated += Set(batch.steps.map(\.entry.caseID)).count
            summary.clocksMarkedBreached += batch.breached.count
            return
        }
        let steps = batch.steps
        let breached = batch.breached
        try pipeline.submit { [self] in
            try write(steps: steps, breached: breached, asOf: options.asOf, occurredAt: occurredAt)
        }
    }

    /// Writes one batch in one transaction; what it wrote.
    func write(steps: [SweepBatch.Step], breached: [Int], asOf: LocalDate, occurredAt: Date) throws -> SweepSummary {
        try writer.withTransaction { connection in
            var written = SweepSummary(asOf: asOf, dryRun: false)
            var updated: [Int] = []
            if !steps.isEmpty {
                try connection.copyFrom("COPY sweep_step (clock_id, case_id, kind, step, due_on, data) FROM STDIN") {
                    writer in
                    for step in steps {
                        let e = step.entry
                        try writer.write([
                            String(e.clockID), String(e.caseID), e.clock.rawValue, e.step.rawValue, e.dueOn.iso,
                            step.data,
                        ])
                    }
                }
                let row = try connection.query(Self.writeSteps(asOf: asOf, occurredAt: occurredAt)).first!
                written.noticesQueued = try row.decode(Int.self, at: 0)
                written.casesEscalated = try row.decode(Int.self, at: 1)
                for pair in (try row.decode(String?.self, at: 2) ?? "").split(separator: ",") {
                    let parts = pair.split(separator: ":")
                    if parts.count == 2, let count = Int(parts[1]),
                        let step = EscalationStep(rawValue: String(parts[0]))
                    {
                        written.count(step, by: count)
                    }
                }
                updated = (try row.decode(String?.self, at: 3) ?? "").split(separator: ",").compactMap { Int($0) }
            }
            if !breached.isEmpty {
                // Each case whose clocks were found breached records it.
                written.clocksMarkedBreached = try connection.query(
                    """
                    WITH marked AS (
                        UPDATE clock SET status = 'breached', updated_at = now()
                        WHERE id = ANY (\(PostgresTextArray(breached.map(String.init)))::bigint[]) AND status = 'running'
                        RETURNING case_id, kind, due_date
                    ), audited AS (
                        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
                        SELECT case_id, session_user, \(occurredAt), 'clocks_breached', jsonb_build_object(
                            'as_of', \(asOf)::text,
                            'clocks', jsonb_agg(jsonb_build_object('clock', kind, 'due_date', due_date) ORDER BY kind))
                        FROM marked GROUP BY case_id
                    )
                    SELECT count(*) FROM marked
                    """
                ).first!.decode(Int.self, at: 0)
            }
            // A progress letter (the update step's or a breach's) is the complainant's update; the
            // clock it meets is first marked breached like any other, as a dry run counts it.
            try CaseStore(connection).complainantUpdated(
                updated.map { (caseID: $0, at: occurredAt) }, asOf: asOf, context: context)
            return written
        }
    }

    /// Inserts the batch's steps, and for those that went in, their notices (one per recipient)
    /// and one audit row per case. Returns notices queued, cases audited, `step:count` pairs and
    /// the cases whose complainant's side was written to.
    static func writeSteps(asOf: LocalDate, occurredAt: Date) -> PostgresQuery {
        """
        WITH taken AS (
            INSERT INTO escalation (clock_id, step, case_id, due_on, as_of)
            SELECT clock_id, step, case_id, due_on, \(asOf) FROM sweep_step
            ON CONFLICT ON CONSTRAINT escalation_step_once_per_clock DO NOTHING
            RETURNING clock_id, step, case_id, due_on
        ), steps AS (
            SELECT t.clock_id, t.step, t.case_id, t.due_on, s.kind, s.data
            FROM taken t JOIN sweep_step s ON s.clock_id = t.clock_id AND s.step = t.step
        ), recipients AS (
            SELECT st.case_id, pl.kind, r.audience, r.recipient, r.channel, r.language, st.data
            FROM steps st
            JOIN sweep_notice_plan pl ON pl.step = st.step
            -- OFFSET 0 keeps these lookups by primary key, one per step: the planner cannot
            -- estimate the batch and would otherwise scan every case for it.
            CROSS JOIN LATERAL (
                SELECT c.id, c.language, c.assignee, c.respondent_id FROM complaint_case c WHERE c.id = st.case_id OFFSET 0
            ) c
            CROSS JOIN LATERAL (
                SELECT b.email, b.head_of_body_email FROM respondent_body b WHERE b.id = c.respondent_id OFFSET 0
            ) b
            CROSS JOIN office o
            -- Who and how is RedressCore's NoticeRouting, set-based: email when there is an
            -- address and post is not preferred, else post; the representative gets a copy, and
            -- their address is read when the notice is rendered; staff by email. SweepRoutingTests
            -- holds this to the Swift rule, combination by combination.
            CROSS JOIN LATERAL (
                SELECT pa.role, NULL,
                       CASE WHEN pi.email IS NOT NULL AND pa.contact_preference IS DISTINCT FROM 'post' THEN 'email' ELSE 'post' END,
                       coalesce(pa.language, c.language)
                FROM party pa JOIN party_identity pi ON pi.id = pa.id
                WHERE pl.audience = 'complainant' AND pa.case_id = c.id
                  AND ((pa.role = 'complainant' AND pa.position = 1) OR pa.role = 'representative')
                UNION ALL
                SELECT 'respondent', b.email, CASE WHEN b.email IS NULL THEN 'post' ELSE 'email' END, o.default_language
                WHERE pl.audience = 'respondent'
                UNION ALL
                SELECT 'head_of_body', b.head_of_body_email, CASE WHEN b.head_of_body_email IS NULL THEN 'post' ELSE 'email' END, o.default_language
                WHERE pl.audience = 'head_of_body'
                UNION ALL
                -- Staff are written to by email only: one without an address gets none.
                SELECT 'assignee', sf.email, 'email', o.default_language FROM staff sf
                WHERE pl.audience = 'assignee' AND sf.login = c.assignee AND sf.email IS NOT NULL
                UNION ALL
                -- A warning on a case with no assignee to write to goes to the supervisors.
                SELECT 'supervisor', sf.email, 'email', o.default_language FROM staff sf
                WHERE sf.active AND 'supervisor' = ANY (sf.roles) AND sf.email IS NOT NULL
                  AND (pl.audience = 'supervisor' OR (pl.audience = 'assignee' AND NOT EXISTS (
                      SELECT 1 FROM staff a WHERE a.login = c.assignee AND a.email IS NOT NULL)))
                UNION ALL
                SELECT 'ombudsperson', sf.email, 'email', o.default_language FROM staff sf
                WHERE pl.audience = 'ombudsperson' AND sf.active AND 'ombudsperson' = ANY (sf.roles)
                  AND sf.email IS NOT NULL
            ) r(audience, recipient, channel, language)
        ), queued AS (
            INSERT INTO notice (case_id, kind, audience, recipient, channel, language, automatic, data)
            SELECT case_id, kind, audience, recipient, channel, language, true, data FROM recipients
            RETURNING case_id, audience
        ), audited AS (
            INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
            SELECT case_id, session_user, \(occurredAt), 'escalated', jsonb_build_object(
                'as_of', \(asOf)::text,
                'steps', jsonb_agg(jsonb_build_object('clock', kind, 'step', step, 'due_on', due_on) ORDER BY clock_id, step))
            FROM steps GROUP BY case_id
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM queued), (SELECT count(*) FROM audited),
               (SELECT string_agg(step || ':' || n, ',') FROM (SELECT step, count(*) AS n FROM taken GROUP BY step) s),
               (SELECT string_agg(DISTINCT case_id::text, ',') FROM queued WHERE audience IN ('complainant', 'representative'))
        """
    }

    /// What the notices of a step need beyond the case: the clock, its due date, how far past
    /// or before it the sweep date is, and for the head of the body the date of non-compliance.
    static func noticeData(
        _ entry: SweepPlannedStep, due: LocalDate?, thresholds: [EscalationThreshold], asOf: LocalDate,
        calendar: WorkCalendar
    ) -> String {
        var fields = [
            "\"clock\":\"\(entry.clock.rawValue)\"", "\"step\":\"\(entry.step.rawValue)\"", "\"as_of\":\"\(asOf.iso)\"",
            "\"escalation\":true",
        ]
        if let due {
            fields.append("\"due_date\":\"\(due.iso)\"")
            // A late update letter is still an update: the template's apology is for a missed stage.
            if asOf > due, entry.step != .complainantUpdate {
                fields.append("\"breached\":true")
                fields.append(
                    "\"working_days_overdue\":\(DeadlineReport.workingDaysOverdue(since: due, asOf: asOf, calendar: calendar))"
                )
            } else {
                fields.append("\"breached\":false")
                fields.append(
                    "\"working_days_left\":\(DeadlineReport.workingDaysLeft(until: due, asOf: asOf, calendar: calendar))"
                )
            }
        }
        if let last = thresholds.first(where: { $0.step == .nonCompliance }) {
            fields.append("\"final_due_date\":\"\(last.date.iso)\"")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// Which notices each escalation step sends, as (kind, audience) pairs: the notices module's
/// rule, handed to the store by the command that runs the sweep.
public typealias SweepNoticePlan = @Sendable (EscalationStep) -> [(kind: String, audience: NoticeAudience)]

/// What a sweep is asked to do.
public struct SweepOptions: Sendable {
    /// The date the clocks are judged on.
    public var asOf: LocalDate
    /// Whether to write nothing and only report what would be done.
    public var dryRun: Bool
    /// Steps per transaction, at most.
    public var batchSize: Int

    public init(asOf: LocalDate, dryRun: Bool = false, batchSize: Int = Sweep.defaultBatchSize) {
        self.asOf = asOf
        self.dryRun = dryRun
        self.batchSize = max(1, batchSize)
    }
}

/// One escalation step a sweep found due.
public struct SweepPlannedStep: Sendable, Hashable {
    public var caseID: Int
    public var reference: String
    public var clockID: Int
    public var clock: ClockKind
    public var step: EscalationStep
    /// The date the step fell due.
    public var dueOn: LocalDate
    /// The notices it sends, as (kind, audience).
    public var notices: [SweepNotice]

    public init(
        caseID: Int, reference: String, clockID: Int, clock: ClockKind, step: EscalationStep, dueOn: LocalDate,
        notices: [(kind: String, audience: NoticeAudience)]
    ) {
        self.caseID = caseID
        self.reference = reference
        self.clockID = clockID
        self.clock = clock
        self.step = step
        self.dueOn = dueOn
        self.notices = notices.map { SweepNotice(kind: $0.kind, audience: $0.audience) }
    }
}

/// A notice kind and its audience.
public struct SweepNotice: Sendable, Hashable {
    public var kind: String
    public var audience: NoticeAudience
}

/// What a sweep did (or, on a dry run, would do).
public struct SweepSummary: Sendable, Hashable {
    public var asOf: LocalDate
    public var dryRun: Bool
    /// Live clocks judged.
    public var clocksChecked = 0
    /// Steps taken, by step.
    public var steps: [EscalationStep: Int] = [:]
    /// Cases with at least one step taken.
    public var casesEscalated = 0
    /// Notices queued (on a dry run: notice kinds that would be queued, before recipients).
    public var noticesQueued = 0
    /// Clocks whose stored status was set to breached.
    public var clocksMarkedBreached = 0
    /// Seconds the sweep took.
    public var seconds: Double = 0

    public init(asOf: LocalDate, dryRun: Bool) {
        self.asOf = asOf
        self.dryRun = dryRun
    }

    /// Every step taken.
    public var stepsTaken: Int { steps.values.reduce(0, +) }

    /// Whether the sweep wrote anything.
    public var wroteAnything: Bool { !dryRun && (stepsTaken > 0 || clocksMarkedBreached > 0) }

    mutating func count(_ step: EscalationStep, by amount: Int = 1) {
        steps[step, default: 0] += amount
    }

    /// Adds what a batch wrote.
    mutating func add(_ batch: SweepSummary) {
        steps.merge(batch.steps, uniquingKeysWith: +)
        casesEscalated += batch.casesEscalated
        noticesQueued += batch.noticesQueued
        clocksMarkedBreached += batch.clocksMarkedBreached
    }
}

/// The steps (and breached clocks) waiting to be written in one transaction.
struct SweepBatch {
    struct Step {
        var entry: SweepPlannedStep
        /// The notices' data, a JSON object.
        var data: String
    }

    var steps: [Step] = []
    var breached: [Int] = []
}
