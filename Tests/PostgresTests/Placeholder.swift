import Testing
import Postgres
import RedressTesting

@Test func connectsToTheTestServer() throws {
    try withTestDatabase(migrated: false) { db in
        let value = try db.withConnection { try $0.query("SELECT 40 + \(2)").first!.decode(Int.self, at: 0) }
        #expect(value == 42)
    }
}
