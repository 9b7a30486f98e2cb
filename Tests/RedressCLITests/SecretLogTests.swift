import Foundation
import Postgres
import RedressStore
import RedressTesting
import Testing

@Suite("Secrets and the server log")
struct SecretLogTests {
    /// With every statement logged, with its parameters, neither a token's secret (issued and
    /// presented) nor a new login's password appears in the server's log: only digests and
    /// verifiers leave `redress`.
    @Test func noTokenSecretOrPasswordReachesTheServerLog() throws {
        try withTestDatabase { db in
            try db.withConnection {
                try $0.execute(unsafeSQL: "ALTER DATABASE \"\(db.name)\" SET log_min_duration_statement = 0")
            }
            let office = try OfficeFixture(db)
            let password = "pw-\(UUID().uuidString)"
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(db.name)")
            try "\(password)\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let login = "secret_\(db.name.suffix(8))"
            let added = try RedressBinary(database: db.url).run([
                "staff", "add", login, "--role", "caseworker", "--password-file", file.path,
            ])
            #expect(added.status == 0, "\(added)")
            let token = try office.ok("staff", "token", "create", login).trimmingCharacters(in: .whitespacesAndNewlines)
            let secret = try #require(token.split(separator: "_").last.map(String.init))
            let presented = try db.withConnection { connection in
                try StaffTokenStore(connection).authenticate(bearer: token, at: Date())
            }
            #expect(presented.login == login)
            let log = try db.withConnection {
                try $0.query("SELECT pg_read_file('server.log')").first!.decode(String.self, at: 0)
            }
            #expect(log.contains("staff_token_check"), "statements are logged")
            #expect(!log.contains(secret))
            #expect(!log.contains(password))
        }
    }
}
