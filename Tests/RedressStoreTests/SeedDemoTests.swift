import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

@testable import RedressStore

@Suite("Demo seed")
struct SeedDemoTests {
    /// A digest of everything a seed writes that does not depend on the moment it ran.
    static func digest(_ db: TestDatabase) throws -> [String] {
        try db.withConnection { (connection: PostgresConnection) throws in
            try [
                "SELECT md5(string_agg(concat_ws('|', reference, state, outcome, received_at, channel, summary, language, urgent, assignee, version), ',' ORDER BY reference)) FROM complaint_case",
                "SELECT md5(string_agg(concat_ws('|', c.reference, k.kind, k.start_date, k.allowance_amount, k.status, k.due_date, k.ended_on, k.cancelled_on, k.paused_days), ',' ORDER BY c.reference, k.kind, k.start_at)) FROM clock k JOIN complaint_case c ON c.id = k.case_id",
                "SELECT md5(string_agg(concat_ws('|', c.reference, e.kind, e.actor, e.occurred_at, e.data::text), ',' ORDER BY e.id)) FROM case_event e JOIN complaint_case c ON c.id = e.case_id",
                "SELECT md5(string_agg(concat_ws('|', c.reference, p.name, p.email, p.phone), ',' ORDER BY c.reference, p.role)) FROM party p JOIN complaint_case c ON c.id = p.case_id",
                "SELECT md5(string_agg(concat_ws('|', c.reference, r.number, r.kind, r.scale, r.state, r.late, r.due_on, r.created_at, r.answered_at, r.verified_at), ',' ORDER BY c.reference, r.number)) FROM remedy_item r JOIN complaint_case c ON c.id = r.case_id",
                "SELECT md5(string_agg(concat_ws('|', c.reference, m.status, m.offered_at, m.ended_on, m.mediator), ',' ORDER BY c.reference, m.offered_at)) FROM mediation m JOIN complaint_case c ON c.id = m.case_id",
            ].map { try connection.query(PostgresQuery(unsafeSQL: $0)).first!.decode(String.self, at: 0) }
        }
    }

    @Test func sameSeedSameOffice() throws {
        let first = try withTestDatabase { db in
            try Nightly.seed(db, cases: 400, seed: 11, asOf: "2026-03-16")
            return try Self.digest(db)
        }
        let second = try withTestDatabase { db in
            try Nightly.seed(db, cases: 400, seed: 11, asOf: "2026-03-16")
            return try Self.digest(db)
        }
        let other = try withTestDatabase { db in
            try Nightly.seed(db, cases: 400, seed: 12, asOf: "2026-03-16")
            return try Self.digest(db)
        }
        #expect(first == second)
        #expect(first[0] != other[0])
        #expect(first[4] != other[4])
        // One year, asked for, is the office of old.
        let oneYear = try withTestDatabase { db in
            try Nightly.seed(db, cases: 400, seed: 11, years: 1, asOf: "2026-03-16")
            return try Self.digest(db)
        }
        #expect(oneYear == first)
    }

    /// Ten years of complaints: receipts spread evenly over the 3,650 days up to the office's
    /// date, gapless references each year, holidays for every year the cases reach, nothing
    /// dated after the office's date, the old years' cases closed, and an intact audit chain.
    @Test func tenYearsSpreadOverTheDecade() throws {
        try withTestDatabase { db in
            let result = try Nightly.seed(db, cases: 1_000, seed: 11, years: 10, asOf: "2026-03-16")
            #expect(result.cases == 1_000)
            try db.withConnection { (connection: PostgresConnection) throws in
                func count(_ sql: String) throws -> Int { try Nightly.count(connection, sql) }
                #expect(try AuditLog(connection).verify().isIntact)
                // 2016-03-19 is 3,649 days before 2026-03-16.
                #expect(try count("SELECT count(*) FROM complaint_case WHERE received_on < '2016-03-19'") == 0)
                #expect(try count("SELECT count(*) FROM complaint_case WHERE received_on < '2016-04-01'") > 0)
                #expect(try count("SELECT count(*) FROM complaint_case WHERE received_on > '2026-03-16'") == 0)
                #expect(try count("SELECT count(*) FROM complaint_case WHERE received_on >= '2026-03-01'") > 0)
                // About a hundred cases in each 365-day stretch.
                let stretches = try connection.query(
                    "SELECT least(9, (received_on - '2016-03-19'::date) / 365), count(*) FROM complaint_case GROUP BY 1 ORDER BY 1"
                ).map { try $0.decode(Int.self, at: 1) }
                #expect(stretches.count == 10 && stretches.allSatisfy { (90...110).contains($0) }, "\(stretches)")
                // Each year's references from its own counter, gapless.
                for year in 2016...2026 {
                    let numbers = try connection.query(
                        "SELECT split_part(reference, '-', 3)::int FROM complaint_case WHERE extract(year FROM received_on) = \(year) AND split_part(reference, '-', 2) = extract(year FROM received_on)::text ORDER BY id"
                    ).map { try $0.decode(Int.self, at: 0) }
                    #expect(!numbers.isEmpty && numbers == Array(1...numbers.count), "\(year)")
                }
                // Holidays for every year from the one before the first receipt to the one after today.
                #expect(
                    try count(
                        "SELECT count(*) FROM generate_series(2015, 2027) y WHERE NOT EXISTS (SELECT 1 FROM holiday h WHERE extract(year FROM h.holiday_date) = y)"
                    ) == 0)
                // Nothing happened after the office's date (the end of 2026-03-16 in Seoul).
                for sql in [
                    "SELECT count(*) FROM case_event WHERE case_id IS NOT NULL AND occurred_at >= '2026-03-17 00:00+09'",
                    "SELECT count(*) FROM clock WHERE start_date > '2026-03-16' OR ended_on > '2026-03-16'",
                    "SELECT count(*) FROM decision WHERE issued_on > '2026-03-16'",
                    "SELECT count(*) FROM remedy_entry WHERE occurred_on > '2026-03-16'",
                    "SELECT count(*) FROM mediation WHERE offered_on > '2026-03-16' OR ended_on > '2026-03-16'",
                    "SELECT count(*) FROM notice WHERE created_at >= '2026-03-17 00:00+09'",
                    "SELECT count(*) FROM complaint_case WHERE closed_at >= '2026-03-17 00:00+09'",
                ] {
                    #expect(try count(sql) == 0, "\(sql)")
                }
                // The first eight years are done: nearly every case of them is closed.
                let early = try count("SELECT count(*) FROM complaint_case WHERE received_on < '2024-03-17'")
                let open = try count(
                    "SELECT count(*) FROM complaint_case WHERE received_on < '2024-03-17' AND state <> 'closed'")
                #expect(early > 700 && open * 50 <= early, "\(open) of \(early) open")
                // The seed's own audit row says how many years.
                #expect(
                    try count("SELECT count(*) FROM case_event WHERE kind = 'demo_seeded' AND data ->> 'years' = '10'")
                        == 1)
            }
        }
    }

    /// Years out of range are refused, and nothing is written.
    @Test func yearsOutOfRangeAreRefused() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let events = try Nightly.count(connection, "SELECT count(*) FROM case_event")
                for years in [0, -1, 21] {
                    #expect(throws: StoreError.self) {
                        try DemoSeed(connection).run(
                            DemoSeed.Options(cases: 10, seed: 1, years: years, asOf: LocalDate(iso: "2026-03-16")),
                            actor: actor)
                    }
                }
                #expect(try Nightly.count(connection, "SELECT count(*) FROM complaint_case") == 0)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM holiday") == 0)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM case_event") == events)
            }
        }
    }

    /// The seeded office is what the store itself would hold: gapless references in order of
    /// receipt, due dates that RedressCore computes from the stored facts, an intact audit chain,
    /// every state.
    @Test func seededOfficeIsConsistent() throws {
        try withTestDatabase { db in
            let result = try Nightly.seed(db, cases: 1_000, asOf: "2026-03-16")
            #expect(result.cases == 1_000)
            #expect(Set(result.states.keys) == Set(CaseState.allCases))
            try db.withConnection { (connection: PostgresConnection) throws in
                #expect(try AuditLog(connection).verify().isIntact)
                let references = try connection.query("SELECT reference FROM complaint_case ORDER BY id").map {
                    try $0.decode(String.self, at: 0)
                }
                let years = Dictionary(grouping: references) { $0.split(separator: "-")[1] }
                for (_, list) in years {
                    #expect(list.map { Int($0.split(separator: "-")[2])! } == Array(1...list.count))
                }
                #expect(
                    try Nightly.count(
                        connection,
                        "SELECT count(*) FROM reference_counter r WHERE r.last_number <> (SELECT count(*) FROM complaint_case c WHERE split_part(c.reference, '-', 2)::int = r.year)"
                    ) == 0)
                // Stored due dates are RedressCore's, from the stored facts, as the case store reads them.
                let context = try OfficeContext.load(connection)
                let store = CaseStore(connection)
                var checked = 0
                for reference in references.suffix(300) {
                    let record = try store.require(reference: reference)
                    for stored in record.clocks where stored.isLive && !stored.clock.isPaused {
                        let due = try connection.query("SELECT due_date FROM clock WHERE id = \(stored.id!)").first!
                            .decode(LocalDate?.self, at: 0)
                        #expect(due == stored.clock.dueDate(on: context.calendar), "\(reference) \(stored.clock.kind)")
                        checked += 1
                    }
                }
                #expect(checked > 50)
                // Holidays, pauses and extensions are all there.
                #expect(try Nightly.count(connection, "SELECT count(*) FROM holiday") > 30)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM clock_pause") > 20)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM clock_extension") > 20)
            }
        }
    }

    /// The resolution records are those the commands would have written: every remedy item
    /// comes from an upholding decision, settlement or award; dates follow one another; each
    /// item's clocks and lateness agree with its state; the audit rows name each step once; and
    /// the proportions look like an office's (some items late, some not implemented, some open).
    @Test func seededResolutionIsConsistent() throws {
        try withTestDatabase { db in
            let result = try Nightly.seed(db, cases: 3_000, asOf: "2026-03-16")
            #expect(result.decisions > 100)
            #expect(result.remedies > 100)
            #expect(result.mediations > 50)
            try db.withConnection { (connection: PostgresConnection) throws in
                func count(_ sql: String) throws -> Int { try Nightly.count(connection, sql) }
                #expect(try AuditLog(connection).verify().isIntact)
                #expect(try count("SELECT count(*) FROM remedy_item") == result.remedies)
                #expect(try count("SELECT count(*) FROM decision") == result.decisions)
                // Every item belongs to a decision of its own case that upholds the complaint.
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_item r LEFT JOIN decision d ON d.id = r.decision_id
                        WHERE d.case_id IS DISTINCT FROM r.case_id OR d.outcome NOT IN ('upheld', 'partly_upheld', 'settled', 'award')
                        """) == 0)
                // A decided case has its decision (early resolution is a move, not a decision).
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM complaint_case c WHERE c.outcome IN ('upheld', 'partly_upheld', 'not_upheld', 'settled', 'award')
                        AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.case_id = c.id AND d.outcome = c.outcome)
                        """) == 0)
                // Dates in order, none after the office's date.
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_item r JOIN decision d ON d.id = r.decision_id JOIN complaint_case c ON c.id = r.case_id
                        WHERE r.created_at <> d.issued_at OR d.issued_at < c.received_at
                           OR r.answered_at < r.created_at OR r.verified_at < coalesce(r.answered_at, r.created_at)
                           OR r.verified_at > '2026-03-17'::date OR (c.closed_at IS NOT NULL AND c.closed_at < d.issued_at)
                        """) == 0)
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_entry e JOIN remedy_item r ON r.id = e.remedy_item_id
                        WHERE e.occurred_at < r.answered_at OR e.occurred_at > coalesce(r.verified_at, e.occurred_at)
                        """) == 0)
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM mediation m JOIN mediation_answer a ON a.mediation_id = m.id
                        WHERE a.answered_on < m.offered_on OR a.answered_on > coalesce(m.ended_on, a.answered_on)
                        """) == 0)
                // Each accepted item has its remedy clock; a verified item is late exactly when
                // that clock was met late; evidence started the verification clock.
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_item r
                        WHERE r.answered_at IS NOT NULL AND r.state <> 'rejected'
                          AND NOT EXISTS (SELECT 1 FROM clock k WHERE k.case_id = r.case_id AND k.kind = 'remedy' AND k.subject = r.number)
                        """) == 0)
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_item r JOIN clock k ON k.case_id = r.case_id AND k.kind = 'remedy' AND k.subject = r.number
                        WHERE r.state IN ('verified', 'partial') AND r.late IS DISTINCT FROM (k.status = 'met_late')
                        """) == 0)
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM remedy_item r
                        WHERE r.state IN ('evidence_submitted', 'verified', 'partial')
                          AND NOT EXISTS (SELECT 1 FROM clock k WHERE k.case_id = r.case_id AND k.kind = 'verification' AND k.subject = r.number)
                        """) == 0)
                // Cases in remedy hold an open item; closed cases none.
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM complaint_case c WHERE c.state = 'remedy' AND NOT EXISTS (
                            SELECT 1 FROM remedy_item r WHERE r.case_id = c.id AND r.state IN ('accepted', 'in_progress', 'evidence_submitted'))
                        """) == 0)
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM complaint_case c JOIN remedy_item r ON r.case_id = c.id
                        WHERE c.state = 'closed' AND r.state IN ('proposed', 'accepted', 'in_progress', 'evidence_submitted')
                        """) == 0)
                // One audit row per step, of the kind its command writes.
                #expect(
                    try count(
                        "SELECT count(*) FROM case_event WHERE kind IN ('decision_issued', 'settlement_recorded', 'award_made')"
                    )
                        == result.decisions)
                #expect(
                    try count("SELECT count(*) FROM case_event WHERE kind = 'remedy_verified'")
                        == count("SELECT count(*) FROM remedy_item WHERE state = 'verified'"))
                #expect(
                    try count("SELECT count(*) FROM case_event WHERE kind = 'remedy_evidence'")
                        == count("SELECT count(*) FROM remedy_entry WHERE kind = 'evidence'"))
                #expect(
                    try count("SELECT count(*) FROM case_event WHERE kind = 'mediation_offered'") == result.mediations)
                // Plausible proportions: each fate occurs, none is everything.
                let items = result.remedies
                for (state, low, high) in [
                    ("verified", 0.3, 0.9), ("not_implemented", 0.02, 0.3), ("rejected", 0.02, 0.25),
                    ("partial", 0.002, 0.15),
                ] {
                    let share =
                        Double(try count("SELECT count(*) FROM remedy_item WHERE state = '\(state)'")) / Double(items)
                    #expect((low...high).contains(share), "\(state): \(share)")
                }
                let verified = try count("SELECT count(*) FROM remedy_item WHERE state = 'verified'")
                let late = try count("SELECT count(*) FROM remedy_item WHERE state = 'verified' AND late")
                #expect(late > verified / 20 && late < verified / 2, "\(late) late of \(verified)")
                let open = try count(
                    "SELECT count(*) FROM remedy_item WHERE state IN ('accepted', 'in_progress', 'evidence_submitted')")
                #expect(open > items / 20 && open < items / 2, "\(open) open of \(items)")
                for scale in ["personal", "service", "systemic"] {
                    #expect(try count("SELECT count(*) FROM remedy_item WHERE scale = '\(scale)'") > 0)
                }
                for status in ["settled", "failed", "declined", "underway"] {
                    #expect(try count("SELECT count(*) FROM mediation WHERE status = '\(status)'") > 0, "\(status)")
                }
            }
            // The nightly sweep escalates the remedies that are overdue, not every one at once.
            let swept = try Nightly.sweep(db, asOf: "2026-03-16")
            try db.withConnection { (connection: PostgresConnection) throws in
                let live = try Nightly.count(
                    connection,
                    "SELECT count(*) FROM clock WHERE kind = 'remedy' AND ended_on IS NULL AND cancelled_on IS NULL")
                let escalated = try Nightly.count(
                    connection,
                    "SELECT count(DISTINCT e.clock_id) FROM escalation e JOIN clock k ON k.id = e.clock_id WHERE k.kind = 'remedy'"
                )
                #expect(live > 20)
                #expect(escalated > 0 && escalated < live / 2, "\(escalated) of \(live) live remedy clocks escalated")
                #expect(try AuditLog(connection).verify().isIntact)
            }
            #expect(swept.stepsTaken > 0)
        }
    }

    /// A database with cases is refused and left as it was, unless forced.
    @Test func aDatabaseWithCasesIsRefused() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let new = NewCase(
                    receivedAt: try EventTime.instant(parsing: "2026-03-02", timeZone: .gmt), channel: .email,
                    complainants: [Party(name: "Lee Jiwoo")], respondent: RespondentBody(name: "District Office"),
                    summary: "No ramp at the library")
                _ = try connection.withStoreTransaction { _ in try CaseStore(connection).open(new, actor: actor) }
                let events = try Nightly.count(connection, "SELECT count(*) FROM case_event")
                let staff = try Nightly.count(connection, "SELECT count(*) FROM staff")
                #expect(throws: DemoSeedError.databaseHasCases(1)) {
                    try DemoSeed(connection).run(
                        DemoSeed.Options(cases: 50, seed: 1, asOf: LocalDate(iso: "2026-03-16")), actor: actor)
                }
                #expect(try Nightly.count(connection, "SELECT count(*) FROM complaint_case") == 1)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM case_event") == events)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM staff") == staff)
                let forced = try DemoSeed(connection).run(
                    DemoSeed.Options(cases: 50, seed: 1, asOf: LocalDate(iso: "2026-03-16"), force: true), actor: actor)
                #expect(forced.cases == 50)
                #expect(try Nightly.count(connection, "SELECT count(*) FROM complaint_case") == 51)
                // Forced, the office keeps its own settings.
                #expect(try connection.query("SELECT time_zone FROM office").first!.decode(String.self, at: 0) == "UTC")
                #expect(try AuditLog(connection).verify().isIntact)
            }
        }
    }
}
