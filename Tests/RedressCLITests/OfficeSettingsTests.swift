import Foundation
import Postgres
import RedressTesting
import Testing

@Suite struct OfficeSettingsTests {
    @Test func officeSettingsAreShownAndChanged() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok(
                "office", "set", "--name", "Gwangju Human Rights Ombudsman", "--reference-prefix", "GJHR",
                "--time-zone", "Asia/Seoul", "--week-mask", "mon-fri", "--language", "ko", "--sender",
                "Ombudsman <ombudsman@gwangju.example>",
                "--mail-domain", "gwangju.example")
            let shown =
                try JSONSerialization.jsonObject(with: Data(try office.ok("office", "show", "--format", "json").utf8))
                as? [String: Any]
            #expect(shown?["reference_prefix"] as? String == "GJHR")
            #expect(shown?["time_zone"] as? String == "Asia/Seoul")
            #expect(shown?["week_mask"] as? String == "Mon-Fri")
            #expect(shown?["default_language"] as? String == "ko")
            #expect(try office.openCase().hasPrefix("GJHR-2026-"))
            let refused = try office.run("office", "set", "--reference-prefix", "bad prefix!")
            #expect(refused.status == 2)
            #expect(try office.run("office", "set").status == 2)
        }
    }

    /// With the public pages' address set, the acknowledgement gives the status page in the
    /// letter's language; a bad address is refused and changes nothing.
    @Test func theAcknowledgementGivesTheStatusPageOfAnOfficeWithPublicPages() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            for bad in ["complaints.example.org", "ftp://example.org", "https://", "https://ex ample.org"] {
                let refused = try office.run("office", "set", "--web-address", bad)
                #expect(refused.status == 2, "\(bad): \(refused)")
                #expect(refused.stderr.contains("is not an address such as https://"), "\(refused.stderr)")
            }
            #expect(try office.ok("office", "show").contains("web_address") == true)
            try office.ok("office", "set", "--web-address", "https://complaints.example.org/")
            let shown =
                try JSONSerialization.jsonObject(with: Data(try office.ok("office", "show", "--format", "json").utf8))
                as? [String: Any]
            #expect(shown?["web_address"] as? String == "https://complaints.example.org")

            func acknowledgement(_ reference: String) throws -> String {
                try office.ok("case", "acknowledge", reference)
                let row = try #require(
                    try NoticeFixture.rows(
                        db,
                        where:
                            "kind = 'acknowledgement' AND audience = 'complainant' AND case_id = (SELECT id FROM complaint_case WHERE reference = '\(reference)')"
                    ).first)
                return try NoticeFixture.decoded(Data(try office.ok("notices", "show", String(row.id)).utf8)).body
                    .replacingOccurrences(of: "\n", with: " ")
            }
            let english = try acknowledgement(try office.openCase())
            #expect(english.contains("https://complaints.example.org/en/status"), "\(english)")
            let korean = try acknowledgement(try office.openCase(extra: ["--language", "ko"]))
            #expect(korean.contains("https://complaints.example.org/ko/status"), "\(korean)")

            try office.ok("office", "set", "--web-address", "")
            let none = try acknowledgement(try office.openCase())
            #expect(!none.contains("/status"), "\(none)")
        }
    }

    /// Anyone who may write to the template folder may rewrite the office's letters.
    @Test func theTemplateFolderMustBeAnAbsoluteFolderOnlyItsOwnersMayChange() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "redress-templates-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("plain.txt")
            try Data("x".utf8).write(to: file)
            let before = try office.ok("office", "show", "--format", "json")
            for (path, reason) in [
                ("templates", "absolute"), (folder.path + "/missing", "does not exist"), (file.path, "not a folder"),
                ("/tmp", "anyone on the machine may write"),
            ] {
                let refused = try office.run("office", "set", "--templates", path)
                #expect(refused.status == 2, "\(path): \(refused)")
                #expect(refused.stderr.contains(reason), "\(refused.stderr)")
                #expect(refused.stderr.contains("--templates"), "the hint names the option")
            }
            #expect(try office.ok("office", "show", "--format", "json") == before, "nothing was changed")
            try office.ok("office", "set", "--templates", folder.path)
        }
    }

    @Test func aNewPolicyVersionAppliesToNewClocksOnly() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            // Complaints are received in the past (times after now are refused), so the new
            // version takes effect on a past date, between the two: backdated, with a reason.
            let before = try office.openCase(receivedAt: "2025-12-30T10:00Z")
            try office.ok(
                "policy", "set", "--clock", "triage", "--allowance", "12", "--effective", "2026-01-01", "--backdate",
                "--reason", "Statute in force from New Year")
            let after = try office.openCase(receivedAt: "2026-01-05T10:00Z")
            #expect(after == "HRC-2026-000001")
            let oldTriage = office.clock(try office.show(before), "triage")
            let newTriage = office.clock(try office.show(after), "triage")
            #expect(oldTriage["policy_version"] as? Int == 1)
            #expect((oldTriage["allowance"] as? [String: Any])?["amount"] as? Int == 10)
            #expect(newTriage["policy_version"] as? Int == 2)
            #expect((newTriage["allowance"] as? [String: Any])?["amount"] as? Int == 12)
            // Mon 2026-01-05 (UTC, no holidays) + 12 WD → Wed 2026-01-21.
            #expect(newTriage["due_date"] as? String == "2026-01-21")
            let history = try office.ok("policy", "history")
            #expect(history.contains("2026-01-01"))
            #expect(try office.ok("policy", "show", "--on", "2026-02-01").contains("policy version 2"))
            #expect(try office.ok("policy", "show", "--on", "2025-06-01").contains("policy version 1"))
            let refused = try office.run(
                "policy", "set", "--clock", "triage", "--allowance", "-3", "--effective", "2027-02-01")
            #expect(refused.status == 2, "\(refused)")
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            #expect(
                try caseworker.binary.run([
                    "policy", "set", "--clock", "triage", "--allowance", "9", "--effective", "2027-03-01",
                ]).status == 4)
        }
    }

    @Test func iCalendarHolidaysAreImportedAndListed() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Example//Holidays//EN\r
                BEGIN:VEVENT\r
                UID:1@example\r
                DTSTART;VALUE=DATE:20260505\r
                SUMMARY:Children's Day\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:2@example\r
                DTSTART;VALUE=DATE:20260518\r
                SUMMARY:May 18 Democratic Uprising \r
                 Memorial Day\r
                END:VEVENT\r
                END:VCALENDAR\r

                """
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).ics")
            try ics.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            try office.ok("calendar", "import", url.path, "--calendar", "Gwangju")
            let listed = try office.ok("calendar", "list", "--year", "2026", "--format", "csv")
            #expect(listed.contains("2026-05-05,Children's Day,Gwangju"))
            #expect(listed.contains("2026-05-18,May 18 Democratic Uprising Memorial Day,Gwangju"))
            // A timed event is not a holiday: refused with its line, nothing added.
            let timed = ics.replacingOccurrences(of: "DTSTART;VALUE=DATE:20260505", with: "DTSTART:20260505T090000Z")
            try timed.write(to: url, atomically: true, encoding: .utf8)
            let before = try office.counts()
            let refused = try office.run("calendar", "import", url.path)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("Line 6"), "\(refused.stderr)")
            #expect(try office.counts() == before)
            #expect(try office.run("calendar", "remove", "2026-01-01").status == 3)
        }
    }
}
