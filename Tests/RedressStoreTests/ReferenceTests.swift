import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

@Suite struct ReferenceTests {
    func complaint(_ day: String) throws -> NewCase {
        NewCase(
            receivedAt: try EventTime.instant(parsing: day, timeZone: TimeZone(identifier: "UTC")!), channel: .email,
            complainants: [Party(name: "Lee Jiwoo")], respondent: RespondentBody(name: "District Office"),
            summary: "No ramp at the library")
    }

    @Test func aRolledBackIntakeLeavesNoGap() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let store = CaseStore(connection)
                let first = try connection.withStoreTransaction { _ in
                    try store.open(try complaint("2025-03-03"), actor: actor)
                }
                #expect(first.reference == "HRC-2025-000001")
                struct Abandoned: Error {}
                #expect(throws: Abandoned.self) {
                    try connection.withStoreTransaction { _ in
                        let taken = try store.open(try complaint("2025-03-04"), actor: actor)
                        #expect(taken.reference == "HRC-2025-000002")
                        throw Abandoned()
                    }
                }
                let next = try connection.withStoreTransaction { _ in
                    try store.open(try complaint("2025-03-05"), actor: actor)
                }
                #expect(next.reference == "HRC-2025-000002")
                // Numbering restarts each year.
                let nextYear = try connection.withStoreTransaction { _ in
                    try store.open(try complaint("2026-01-05"), actor: actor)
                }
                #expect(nextYear.reference == "HRC-2026-000001")
                #expect(try connection.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0) == 3)
            }
        }
    }

    @Test func aFailureAfterTheNumberIsTakenGivesItBack() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let store = CaseStore(connection)
                var bad = try complaint("2026-03-02")
                bad.categories = ["no_such_category"]
                // The unknown category is caught before any write; a constraint failure after the
                // number is taken (a respondent name too long for the check) rolls everything back.
                #expect(throws: StoreError.self) {
                    try connection.withStoreTransaction { _ in try store.open(bad, actor: actor) }
                }
                try connection.execute(
                    unsafeSQL: "ALTER TABLE party ADD CONSTRAINT party_name_not_doomed CHECK (name <> 'Doomed')")
                var doomed = try complaint("2026-03-02")
                doomed.complainants = [Party(name: "Doomed")]
                #expect(throws: StoreError.self) {
                    try connection.withStoreTransaction { _ in try store.open(doomed, actor: actor) }
                }
                let good = try connection.withStoreTransaction { _ in
                    try store.open(try complaint("2026-03-02"), actor: actor)
                }
                #expect(good.reference == "HRC-2026-000001")
                #expect(
                    try connection.query("SELECT last_number FROM reference_counter").first!.decode(Int.self, at: 0)
                        == 1)
            }
        }
    }
}
