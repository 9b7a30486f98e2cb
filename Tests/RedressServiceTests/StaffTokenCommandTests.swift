import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("staff token and serve commands")
struct StaffTokenCommandTests {
    @Test func createPrintsTheTokenOnceAndStoresOnlyItsHash() throws {
        try withTestDatabase { database in
            let cli = RedressBinary(database: database.url)
            #expect(try cli.run(["staff", "add", "alice", "--role", "caseworker"]).status == 0)
            let created = try cli.run(["staff", "token", "create", "alice", "--expires", "2099-12-31"])
            #expect(created.status == 0, "\(created)")
            let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.range(of: #"^rdt_[0-9]+_[0-9a-f]{64}$"#, options: .regularExpression) != nil)
            #expect(created.stderr.contains("shown only now"))
            let secret = String(token.split(separator: "_").last!)
            let stored = try database.withConnection { connection in
                try connection.query("SELECT encode(secret_sha256, 'hex'), staff_login, expires_at FROM staff_token")
                    .map {
                        (
                            try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1),
                            try $0.decode(Date.self, at: 2)
                        )
                    }
            }
            #expect(stored.count == 1)
            #expect(stored[0].0 != secret)
            #expect(stored[0].1 == "alice")
            // The end of 2099-12-31 in the office's zone (UTC by default).
            #expect(stored[0].2 == ISO8601DateFormatter().date(from: "2100-01-01T00:00:00Z"))
            let audit = try database.withConnection {
                try $0.query("SELECT kind FROM case_event WHERE kind LIKE 'staff_token%'").map {
                    try $0.decode(String.self, at: 0)
                }
            }
            #expect(audit == ["staff_token_created"])

            let listed = try cli.run(["staff", "token", "list", "--format", "json"])
            #expect(listed.status == 0)
            #expect(!listed.stdout.contains(secret), "listing never shows a secret")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
            #expect(rows.first?["state"] as? String == "active")

            let id = String(token.split(separator: "_")[1])
            #expect(try cli.run(["staff", "token", "revoke", id]).status == 0)
            let after = try cli.run(["staff", "token", "list", "--format", "json"])
            #expect(after.stdout.contains("\"revoked\""))
        }
    }

    @Test func badTokenCommandsGetClearErrorsAndChangeNothing() throws {
        try withTestDatabase { database in
            let cli = RedressBinary(database: database.url)
            let unknownLogin = try cli.run(["staff", "token", "create", "nobody"])
            #expect(unknownLogin.status == 3)
            #expect(unknownLogin.stderr.contains("No staff member has the login"))
            let past = try cli.run(["staff", "token", "create", "public_intake", "--expires", "2001-01-01"])
            #expect(past.status == 2)
            let badDate = try cli.run(["staff", "token", "create", "public_intake", "--expires", "2026-02-30"])
            #expect(badDate.status == 2)
            let unknownID = try cli.run(["staff", "token", "revoke", "4242"])
            #expect(unknownID.status == 3)
            let notNumber = try cli.run(["staff", "token", "revoke", "abc"])
            #expect(notNumber.status == 2)
            let count = try database.withConnection {
                try $0.query("SELECT count(*) FROM staff_token").first!.decode(Int.self, at: 0)
            }
            #expect(count == 0)

            // Only admins manage tokens.
            try database.createLogin("wendy")
            #expect(try cli.run(["staff", "add", "wendy", "--role", "caseworker"]).status == 0)
            let asWorker = try RedressBinary(database: database.url(asUser: "wendy")).run([
                "staff", "token", "create", "wendy",
            ])
            #expect(asWorker.status == 4, "\(asWorker)")

            // An admin who is not the database owner, only a member of redress_staff, may.
            try database.createLogin("adam")
            #expect(try cli.run(["staff", "add", "adam", "--role", "admin"]).status == 0)
            let adam = RedressBinary(database: database.url(asUser: "adam"))
            let issued = try adam.run(["staff", "token", "create", "wendy"])
            #expect(issued.status == 0, "\(issued)")
            #expect(try adam.run(["staff", "token", "revoke", "1"]).status == 0)
        }
    }

    @Test func serveRefusesBadOptionsAndAnOldSchema() throws {
        try withTestDatabase(migrated: false) { database in
            let cli = RedressBinary(database: database.url)
            for arguments in [
                ["--port", "70000"], ["--pool-size", "0"], ["--log-level", "chatty"], ["--database-wait", "0"],
                ["--statement-timeout", "0"], ["--statement-timeout", "601"], ["--statement-timeout", "soon"],
            ] {
                let result = try cli.run(["serve"] + arguments)
                #expect(result.status == 2, "\(arguments): \(result)")
            }
            let tooLong = try cli.run(["serve", "--statement-timeout", "3600"])
            #expect(
                tooLong.stderr
                    == "redress: --statement-timeout must be between 1 and 600 seconds, not 3600 (see --help)\n",
                "\(tooLong)")
            let unmigrated = try cli.run(["serve", "--port", "0"])
            #expect(unmigrated.status == 1)
            #expect(unmigrated.stderr.contains("redress db migrate"))
        }
    }
}
