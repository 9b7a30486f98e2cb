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
