import Foundation
import Postgres
import RedressTesting
import Testing

@Suite struct PermissionTests {
    @Test func identityIsRedactedForRolesThatMayNotSeeIt() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase(
                complainant: "Park Seojun",
                extra: [
                    "--representative", "Lee Haneul", "--representative-email", "haneul@example.org",
                ])
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let auditor = try office.staff("aud", roles: ["auditor"])

            // Neither the unassigned caseworker nor the auditor sees who complained.
            for reader in [caseworker.binary, auditor.binary] {
                let shown = try office.show(reference, binary: reader)
                let complainant = (shown["complainants"] as? [[String: Any]])?.first
                #expect(complainant?["name"] as? String == "[redacted]")
                #expect(complainant?["email"] as? String == "[redacted]")
                #expect(shown["identity_redacted"] as? Bool == true)
                // The representative speaks for the complainant: their contact is as private.
                let representative = shown["representative"] as? [String: Any]
                #expect(representative?["name"] as? String == "[redacted]")
                #expect(representative?["email"] as? String == "[redacted]")
                let text = try reader.run(["case", "show", reference])
                #expect(text.status == 0)
                for secret in ["Park Seojun", "minji@example.org", "Lee Haneul", "haneul@example.org"] {
                    #expect(!text.stdout.contains(secret), "\(secret): \(text.stdout)")
                }
                for format in ["table", "csv", "json"] {
                    let listed = try reader.run(["case", "list", "--format", format])
                    #expect(listed.status == 0, "\(listed)")
                    #expect(listed.stdout.contains(reference))
                    #expect(listed.stdout.contains("[redacted]"), "\(format): \(listed.stdout)")
                    #expect(!listed.stdout.contains("Park Seojun"), "\(format): \(listed.stdout)")
                }
            }

            // Once it is assigned to the caseworker, they see it; the auditor still does not.
            try office.ok("case", "assign", reference, caseworker.login)
            let assigned = try office.show(reference, binary: caseworker.binary)
            #expect((assigned["complainants"] as? [[String: Any]])?.first?["name"] as? String == "Park Seojun")
            #expect((assigned["representative"] as? [String: Any])?["email"] as? String == "haneul@example.org")
            let csv = try auditor.binary.run(["case", "list", "--format", "csv"])
            #expect(!csv.stdout.contains("Park Seojun"))
            // The owner (ombudsperson) sees it.
            #expect(try office.ok("case", "list", "--format", "csv").contains("Park Seojun"))
        }
    }

    @Test func readingAConfidentialCaseIsAudited() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase(extra: ["--confidential"])
            let auditor = try office.staff("aud", roles: ["auditor"])
            _ = try office.show(reference, binary: auditor.binary)
            let views = try db.withConnection {
                try $0.query("SELECT actor FROM case_event WHERE kind = 'case_viewed'").map {
                    try $0.decode(String.self, at: 0)
                }
            }
            #expect(views == [auditor.login])
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    /// A supervisor could read a confidential complainant's address in `notices list` with no
    /// trace; the list now shows no complainant's address, and listing a confidential case's
    /// notices is a view of the case.
    @Test func listingAConfidentialCasesNoticesIsAudited() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase(extra: ["--confidential"])
            _ = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let listed = try supervisor.binary.run(["notices", "list", "--format", "json"])
            #expect(listed.status == 0, "\(listed)")
            #expect(!listed.stdout.contains("minji@example.org"), "the address is read when a notice is rendered")
            let views = try db.withConnection {
                try $0.query(
                    """
                    SELECT e.actor, c.reference, e.data ->> 'purpose' FROM case_event e JOIN complaint_case c ON c.id = e.case_id
                    WHERE e.kind = 'case_viewed'
                    """
                ).map { row in try (0..<3).map { try row.decode(String.self, at: $0) } }
            }
            #expect(views == [[supervisor.login, reference, "notices"]], "one view of the confidential case only")
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func rolesDecideWhoMayChangeWhat() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let auditor = try office.staff("aud", roles: ["auditor"])
            let intake = try office.staff("in", roles: ["intake"])
            let before = try office.counts()
            let refused = try auditor.binary.run(["case", "acknowledge", reference])
            #expect(refused.status == 4)
            #expect(refused.stderr.contains("may not"))
            #expect(try auditor.binary.run(["staff", "add", "someone", "--role", "admin"]).status == 4)
            #expect(
                try intake.binary.run([
                    "case", "move", reference, "--to", "closed", "--outcome", "withdrawn", "--reason", "x",
                ]).status == 4)
            #expect(try office.counts() == before)
            // Intake may acknowledge; the actor recorded is the login.
            #expect(try intake.binary.run(["case", "acknowledge", reference]).status == 0)
            let actor = try db.withConnection {
                try $0.query("SELECT actor FROM case_event WHERE kind = 'case_acknowledged'").first!.decode(
                    String.self, at: 0)
            }
            #expect(actor == intake.login)
        }
    }

    /// The demo seed writes audit rows in the demo staff's names, which only a trusted login
    /// may: an admin's own login is refused in one sentence, and nothing is written.
    @Test func onlyATrustedLoginSeedsTheDemoOffice() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let before = try office.counts()
            let seeded = try office.run("demo", "seed", "--cases", "5", "--seed", "1", "--as-of", "2026-03-16")
            #expect(seeded.status == 4, "\(seeded)")
            #expect(seeded.stderr.contains("a staff login such as \(office.login) may not write"), "\(seeded.stderr)")
            #expect(seeded.stderr.split(separator: "\n").count == 1)
            #expect(try office.counts() == before)
        }
    }

    @Test func anUnknownLoginIsToldHowToBeAdded() throws {
        try withTestDatabase { db in
            let login = "stranger_\(db.name.suffix(8))"
            try db.createLogin(login)
            let stranger = RedressBinary(database: db.url(asUser: login))
            let result = try stranger.run(["case", "list"])
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.contains("redress staff add \(login)"), "\(result.stderr)")
        }
    }

    @Test func staffAddGrantsTheGroupRoleOrSaysWhatToRun() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            // An admin whose login may not create roles is told the SQL to ask for.
            let admin = try office.staff("adm", roles: ["admin"])
            let missing = "nobody_\(db.name.suffix(8))"
            let result = try admin.binary.run(["staff", "add", missing, "--role", "caseworker"])
            #expect(result.status == 0)
            #expect(result.stderr.contains("CREATE ROLE \"\(missing)\" LOGIN; GRANT redress_staff TO \"\(missing)\""))
            // One that may creates the login, with the staff time limits.
            let created = "made_\(db.name.suffix(8))"
            let administrator = RedressBinary(database: db.url)
            let made = try administrator.run(["staff", "add", created, "--role", "caseworker"])
            #expect(made.stdout.contains("PostgreSQL login \(created) created"), "\(made)")
            let settings = try db.withConnection {
                try $0.query(
                    "SELECT array_to_string(rolconfig, ' ') FROM pg_roles WHERE rolname = \(created) AND pg_has_role(rolname, 'redress_staff', 'MEMBER')"
                ).first?.decode(String.self, at: 0)
            }
            #expect(settings?.contains("idle_in_transaction_session_timeout=60s") == true)
            // A password reaches the server only as its verifier.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(db.name)")
            try "correct horse\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let withPassword = "pw_\(db.name.suffix(8))"
            let withPasswordAdded = try administrator.run([
                "staff", "add", withPassword, "--role", "auditor", "--password-file", file.path,
            ])
            #expect(withPasswordAdded.status == 0, "\(withPasswordAdded)")
            let stored = try db.withConnection {
                try $0.query("SELECT rolpassword FROM pg_authid WHERE rolname = \(withPassword)").first?.decode(
                    String?.self, at: 0)
            }
            #expect(stored?.hasPrefix("SCRAM-SHA-256$") == true)
            #expect(stored?.contains("correct horse") == false)
            let member = try office.staff("cw", roles: ["caseworker"])
            let granted = try db.withConnection {
                try $0.query("SELECT pg_has_role(\(member.login), 'redress_staff', 'MEMBER')").first!.decode(
                    Bool.self, at: 0)
            }
            #expect(granted)
            #expect(try office.ok("staff", "list").contains(member.login))
            // The fixture's admin may not take redress_staff away: it is told the SQL, and the
            // login can do nothing meanwhile; an admin whose login may does it at once.
            let withoutRevoke = try office.run("staff", "deactivate", member.login)
            #expect(withoutRevoke.status == 0)
            #expect(withoutRevoke.stderr.contains("REVOKE redress_staff FROM \"\(member.login)\""))
            let deactivated = try member.binary.run(["case", "list"])
            #expect(deactivated.status == 4)
            #expect(deactivated.stderr.contains("deactivated"))
            let other = try office.staff("cw2", roles: ["caseworker"])
            #expect(try administrator.run(["staff", "deactivate", other.login]).status == 0)
            let stillStaff = try db.withConnection {
                try $0.query("SELECT pg_has_role(\(other.login), 'redress_staff', 'MEMBER')").first!.decode(
                    Bool.self, at: 0)
            }
            #expect(!stillStaff)
        }
    }
}
