import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressTesting
import Testing

@testable import RedressStore

/// Helpers for the nightly tests: seeding, sweeping and counting through the store.
enum Nightly {
    /// The notices module's plan, which reaches every audience, so the recipient lookups are
    /// all exercised.
    static let plan: SweepNoticePlan = { step in
        NoticeKind.notices(for: step).map { (kind: $0.kind.rawValue, audience: $0.audience) }
    }

    /// Seeds the demo office into `db`.
    @discardableResult
    static func seed(_ db: TestDatabase, cases: Int, seed: UInt64 = 7, years: Int = 1, asOf: String) throws
        -> DemoSeed.Result
    {
        try db.withConnection { (connection: PostgresConnection) throws in
            let actor = try StaffStore(connection).currentActor()
            return try DemoSeed(connection).run(
                DemoSeed.Options(cases: cases, seed: seed, years: years, asOf: LocalDate(iso: asOf)!), actor: actor)
        }
    }

    /// Sweeps `db` as of `asOf`.
    static func sweep(
        _ db: TestDatabase, asOf: String, dryRun: Bool = false, batchSize: Int = Sweep.defaultBatchSize,
        planned: (SweepPlannedStep) -> Void = { _ in }
    ) throws -> SweepSummary {
        let reader = try db.connect()
        let writer = try db.connect()
        defer {
            reader.close()
            writer.close()
        }
        let sweep = Sweep(reader: reader, writer: writer, context: try OfficeContext.load(reader), noticePlan: plan)
        return try sweep.run(
            SweepOptions(asOf: LocalDate(iso: asOf)!, dryRun: dryRun, batchSize: batchSize), planned: planned)
    }

    static func count(_ connection: PostgresConnection, _ sql: String) throws -> Int {
        try connection.query(PostgresQuery(unsafeSQL: sql)).first!.decode(Int.self, at: 0)
    }
}

@Suite("Sweep")
struct SweepTests {
    /// A case received on Monday 5 January 2026 in a UTC office with no holidays: acknowledge
    /// (3 WD) is due Thursday 8 January, triage (10 WD) Monday 19 January.
    func openPlainCase(_ connection: PostgresConnection) throws -> CaseRecord {
        let actor = try StaffStore(connection).currentActor()
        let new = NewCase(
            receivedAt: try EventTime.instant(parsing: "2026-01-05T10:00:00Z", timeZone: .gmt), channel: .email,
            complainants: [Party(name: "Lee Jiwoo", email: "jiwoo@example.org")],
            respondent: RespondentBody(name: "District Office", email: "office@district.example"),
            summary: "No ramp at the library")
        return try connection.withStoreTransaction { _ in try CaseStore(connection).open(new, actor: actor) }
    }

    func steps(_ connection: PostgresConnection) throws -> [String] {
        try connection.query(
            """
            SELECT k.kind || ' ' || e.step || ' ' || e.due_on || ' ' || e.as_of FROM escalation e JOIN clock k ON k.id = e.clock_id
            ORDER BY e.due_on, k.kind, e.step
            """
        ).map { try $0.decode(String.self, at: 0) }
    }

    /// Each step is taken on the day it falls due, once, with its notices and one audit row per
    /// case and sweep; a sweep for a past date takes what was due that day.
    @Test func stepsFallDueOnTheirDatesAndHappenOnce() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                _ = try openPlainCase(connection)
                // Staff are written to by email; the office's ombudsperson (this login) has one.
                try connection.execute("UPDATE staff SET email = 'ombudsperson@example.org' WHERE login = session_user")
                #expect(try Nightly.sweep(db, asOf: "2026-01-07").stepsTaken == 0)
                // 8 January: 3 of 3 working days used (warning); 9 January: breached.
                let first = try Nightly.sweep(db, asOf: "2026-01-14")
                #expect(first.steps == [.warning: 1, .breach: 1])
                #expect(
                    try steps(connection) == [
                        "acknowledge warning 2026-01-08 2026-01-14", "acknowledge breach 2026-01-09 2026-01-14",
                    ])
                #expect(try Nightly.sweep(db, asOf: "2026-01-14").stepsTaken == 0)
                // Triage: 8 of 10 working days used on 15 January, breached on 20 January; the
                // acknowledgement is listed for the ombudsperson ten working days after its due date.
                let second = try Nightly.sweep(db, asOf: "2026-01-22")
                #expect(second.steps == [.warning: 1, .breach: 1, .ombudspersonList: 1])
                #expect(
                    try steps(connection).suffix(3) == [
                        "triage warning 2026-01-15 2026-01-22", "triage breach 2026-01-20 2026-01-22",
                        "acknowledge ombudsperson_list 2026-01-22 2026-01-22",
                    ])
                // Notices: a warning to the assignee's stand-in (no assignee: the supervisors),
                // the breach to the supervisors and the complainant (whose address is read when the
                // notice is rendered).
                let notices = try connection.query("SELECT kind, audience, recipient, channel FROM notice ORDER BY id")
                    .map {
                        "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String.self, at: 1)) \(try $0.decode(String?.self, at: 2) ?? "-") \(try $0.decode(String.self, at: 3))"
                    }
                #expect(notices.filter { $0.hasPrefix("progress_update complainant - email") }.count == 2)
                #expect(notices.filter { $0.hasPrefix("ombudsperson_listing ombudsperson") }.count == 1)
                // One audit row per case per sweep that took steps, naming them.
                let audits = try connection.query("SELECT data FROM case_event WHERE kind = 'escalated' ORDER BY id")
                    .map {
                        try $0.decode(String.self, at: 0)
                    }
                #expect(audits.count == 2)
                #expect(audits[0].contains("\"as_of\": \"2026-01-14\""))
                #expect(audits[1].contains("\"step\": \"ombudsperson_list\""))
                // Nothing was recorded after 22 January, so the breached triage clock is breached now,
                // and its case records that.
                #expect(
                    try connection.query("SELECT status FROM clock WHERE kind = 'triage'").first!.decode(
                        String.self, at: 0) == "breached")
                let breaches = try connection.query(
                    "SELECT data ->> 'clocks' FROM case_event WHERE kind = 'clocks_breached' ORDER BY id"
                ).map { try $0.decode(String.self, at: 0) }
                #expect(breaches.contains { $0.contains("\"triage\"") }, "\(breaches)")
            }
        }
    }

    @Test func pastAndFutureDates() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                _ = try openPlainCase(connection)
                // A sweep for a date after today is refused; a dry run may look ahead.
                #expect(throws: SweepError.self) { try Nightly.sweep(db, asOf: "2999-01-01") }
                let ahead = try Nightly.sweep(db, asOf: "2999-01-01", dryRun: true)
                // acknowledge's and triage's three steps each, and the complainant's update.
                #expect(ahead.stepsTaken == 7)
                #expect(try steps(connection).isEmpty)
                // A clock that ended before the sweep date is not swept; one judged as of a date
                // before it ended is.
                let actor = try StaffStore(connection).currentActor()
                let reference = try connection.query("SELECT reference FROM complaint_case").first!.decode(
                    String.self, at: 0)
                _ = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).acknowledge(
                        reference: reference, actor: actor,
                        at: try EventTime.instant(parsing: "2026-01-12T09:00:00Z", timeZone: .gmt))
                }
                #expect(try Nightly.sweep(db, asOf: "2026-01-13").steps == [:])
                #expect(try Nightly.sweep(db, asOf: "2026-01-09").steps == [.warning: 1, .breach: 1])
                // Acknowledged late: met_late, so its stored status is not touched.
                #expect(
                    try connection.query("SELECT status FROM clock WHERE kind = 'acknowledge'").first!.decode(
                        String.self, at: 0) == "met_late")
            }
        }
    }

    /// A sweep whose steps would queue a notice with no template for an audience it can be routed
    /// to is refused before anything is written, naming the template.
    @Test func noticesWithoutATemplateAreNeverQueued() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                _ = try openPlainCase(connection)
                let reader = try db.connect()
                let writer = try db.connect()
                defer {
                    reader.close()
                    writer.close()
                }
                let refusals: [([(kind: String, audience: NoticeAudience)], SweepError)] = [
                    (
                        [("acknowledgement", .assignee)],
                        .missingTemplate(
                            kind: "acknowledgement", audience: .assignee, template: "acknowledgement.assignee.en")
                    ),
                    (
                        [("warning_to_assignee", .assignee), ("decision", .ombudsperson)],
                        .missingTemplate(
                            kind: "decision", audience: .ombudsperson, template: "decision.ombudsperson.en")
                    ),
                    (
                        [("no_such_kind", .respondent)],
                        .missingTemplate(
                            kind: "no_such_kind", audience: .respondent, template: "no_such_kind.respondent.en")
                    ),
                ]
                for (plan, refusal) in refusals {
                    let sweep = Sweep(
                        reader: reader, writer: writer, context: try OfficeContext.load(reader),
                        noticePlan: { $0 == .warning ? plan : [] })
                    #expect(throws: refusal) { try sweep.run(SweepOptions(asOf: LocalDate(iso: "2026-03-02")!)) }
                }
                #expect(try Nightly.count(connection, "SELECT count(*) FROM escalation") == 0)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM notice WHERE state <> 'sent'") == 0)
            }
        }
    }

    /// Batches are written on a thread of their own while the next fills: one that fails stops
    /// the sweep with its error, the batches before it stay written and none after it is, and
    /// the next sweep takes exactly the steps left.
    @Test func aFailedBatchStopsTheSweepAndTheNextTakesTheRest() throws {
        try withTestDatabase { db in
            try Nightly.seed(db, cases: 1_500, asOf: "2026-03-16")
            var planned: [(caseID: Int, step: String)] = []
            let dry = try Nightly.sweep(db, asOf: "2026-03-16", dryRun: true) {
                planned.append(($0.caseID, "\($0.clockID) \($0.step)"))
            }
            let poisoned = planned[planned.count / 2].caseID
            try db.withConnection { (connection: PostgresConnection) throws in
                try connection.execute(
                    unsafeSQL: """
                        CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
                        CREATE TRIGGER refuse_case BEFORE INSERT ON escalation FOR EACH ROW
                            WHEN (NEW.case_id = \(poisoned)) EXECUTE FUNCTION refuse_case();
                        """)
            }
            #expect(throws: (any Error).self) { try Nightly.sweep(db, asOf: "2026-03-16", batchSize: 97) }
            let written = try db.withConnection { (connection: PostgresConnection) throws -> Int in
                let written = try Nightly.count(connection, "SELECT count(*) FROM escalation")
                #expect(
                    try Nightly.count(connection, "SELECT count(*) FROM escalation WHERE case_id >= \(poisoned)") == 0)
                #expect(
                    try Nightly.count(
                        connection,
                        "SELECT count(*) FROM case_event WHERE kind = 'escalated' AND case_id >= \(poisoned)")
                        == 0)
                // A batch is written once it holds 97 steps and a case begins: fewer than 97 steps
                // of the cases before the refused one were in its batch.
                #expect(written > planned.filter { $0.caseID < poisoned }.count - 97)
                try connection.execute(unsafeSQL: "DROP TRIGGER refuse_case ON escalation; DROP FUNCTION refuse_case()")
                return written
            }
            let rest = try Nightly.sweep(db, asOf: "2026-03-16", batchSize: 97)
            try db.withConnection { (connection: PostgresConnection) throws in
                let taken = try connection.query("SELECT clock_id || ' ' || step FROM escalation").map {
                    try $0.decode(String.self, at: 0)
                }
                #expect(taken.count == dry.stepsTaken)
                #expect(Set(taken) == Set(planned.map(\.step)))
                #expect(rest.stepsTaken == dry.stepsTaken - written)
            }
        }
    }

    /// On a seeded office: the dry run foretells the sweep exactly, every step goes in once with
    /// its notices and audit, and a second sweep the same day writes nothing.
    @Test func seededOfficeSweepsOnce() throws {
        try withTestDatabase { db in
            try Nightly.seed(db, cases: 1_500, asOf: "2026-03-16")
            var planned: [String] = []
            let dry = try Nightly.sweep(db, asOf: "2026-03-16", dryRun: true) {
                planned.append("\($0.clockID) \($0.step)")
            }
            try db.withConnection { (connection: PostgresConnection) throws in
                #expect(try Nightly.count(connection, "SELECT count(*) FROM escalation") == 0)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM notice WHERE state <> 'sent'") == 0)
            }
            #expect(dry.stepsTaken > 100)
            let done = try Nightly.sweep(db, asOf: "2026-03-16", batchSize: 97)
            #expect(done.steps == dry.steps)
            #expect(done.casesEscalated == dry.casesEscalated)
            #expect(done.clocksMarkedBreached == dry.clocksMarkedBreached)
            try db.withConnection { (connection: PostgresConnection) throws in
                let taken = try connection.query("SELECT clock_id || ' ' || step FROM escalation").map {
                    try $0.decode(String.self, at: 0)
                }
                #expect(Set(taken) == Set(planned))
                #expect(
                    try Nightly.count(connection, "SELECT count(*) FROM notice WHERE state = 'pending'")
                        == done.noticesQueued)
                #expect(
                    try Nightly.count(connection, "SELECT count(*) FROM case_event WHERE kind = 'escalated'")
                        == done.casesEscalated)
                // The audit rows name every step, once.
                #expect(
                    try Nightly.count(
                        connection,
                        """
                        SELECT count(*) FROM (SELECT x ->> 'clock', x ->> 'step', e.case_id FROM case_event e, jsonb_array_elements(e.data -> 'steps') x
                        WHERE e.kind = 'escalated' GROUP BY 1, 2, 3 HAVING count(*) > 1) d
                        """) == 0)
                #expect(
                    try Nightly.count(
                        connection,
                        "SELECT count(*) FROM case_event e, jsonb_array_elements(e.data -> 'steps') x WHERE e.kind = 'escalated'"
                    ) == done.stepsTaken)
                // Every breach step sent its two notices, every non-compliance at least the respondent's.
                #expect(
                    try Nightly.count(connection, "SELECT count(*) FROM notice WHERE kind = 'escalation_to_supervisor'")
                        >= done.steps[
                            .breach] ?? 0)
                #expect(
                    try Nightly.count(
                        connection,
                        "SELECT count(*) FROM notice WHERE kind = 'non_compliance_notice' AND audience = 'respondent'")
                        == done.steps[.nonCompliance] ?? 0)
                #expect(try AuditLog(connection).verify().isIntact)
            }
            let before = try snapshot(db)
            let again = try Nightly.sweep(db, asOf: "2026-03-16")
            #expect(again.stepsTaken == 0)
            #expect(again.clocksMarkedBreached == 0)
            #expect(!again.wroteAnything)
            #expect(try snapshot(db) == before)
        }
    }

    /// What a sweep can write: row counts and the last change to any clock.
    func snapshot(_ db: TestDatabase) throws -> [String] {
        try db.withConnection { (connection: PostgresConnection) throws in
            try ["escalation", "notice", "case_event"].map { table in
                "\(table) \(try Nightly.count(connection, "SELECT count(*) FROM \(table)"))"
            } + [try connection.query("SELECT max(updated_at)::text FROM clock").first!.decode(String.self, at: 0)]
        }
    }
}
