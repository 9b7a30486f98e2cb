import Foundation
import Postgres
import RedressTesting
import Testing

/// `notices list`, `show`, `cancel`, `export`, `case consent` and `office set --templates`,
/// and how each refuses bad input.
@Suite struct NoticeCommandTests {
    static let domain = "hr.gwangju.example"

    /// An office with one case (acknowledged and under investigation: two email notices) and
    /// one case whose complainant wants letters (one letter).
    static func office(_ db: TestDatabase) throws -> (office: OfficeFixture, reference: String, letter: String) {
        let office = try OfficeFixture(db)
        try office.ok(
            "office", "set", "--sender", "Gwangju Human Rights Ombudsman <ombudsman@\(domain)>", "--mail-domain", domain
        )
        let reference = try office.openCase(receivedAt: "2026-03-04T10:00+09:00")
        try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
        try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-06")
        let letter = try office.openCase(
            receivedAt: "2026-03-04T11:00+09:00", complainant: "Choi Yuna",
            extra: ["--contact", "post", "--address", "12 Geumnam-ro\nGwangju 61470"])
        try office.ok("case", "acknowledge", letter, "--at", "2026-03-05")
        return (office, reference, letter)
    }

    @Test func listFiltersAndPrintsJSON() throws {
        try withTestDatabase { db in
            let (office, reference, letter) = try Self.office(db)
            let table = try office.ok("notices", "list")
            #expect(table.split(separator: "\n").count == 4, "\(table)")
            #expect(
                table.contains("acknowledgement") && table.contains("route_decision")
                    && !table.contains("minji@example.org"))
            let json = try office.ok("notices", "list", "--case", reference, "--format", "json")
            let notices = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(notices.count == 2)
            let first = notices[0]
            for key in [
                "id", "case_id", "reference", "kind", "audience", "recipient", "channel", "language", "state",
                "automatic",
                "data", "attempts", "last_error", "next_attempt_at", "created_at", "sent_at",
            ] {
                #expect(first.keys.contains(key), "missing \(key)")
            }
            #expect(first["reference"] as? String == reference)
            #expect(first["state"] as? String == "pending")
            #expect(first["sent_at"] is NSNull)
            #expect((first["data"] as? [String: Any])?["triage_due_date"] as? String == "2026-03-18")
            let post = try office.ok("notices", "list", "--case", letter, "--format", "json")
            #expect(post.contains("\"channel\" : \"post\""), "\(post)")
            let none = try office.ok("notices", "list", "--state", "sent", "--format", "json")
            #expect((try JSONSerialization.jsonObject(with: Data(none.utf8)) as? [Any])?.isEmpty == true, "\(none)")
            #expect(
                try office.ok("notices", "list", "--state", "pending", "--limit", "1", "--format", "csv").split(
                    separator: "\n"
                ).count == 2)

            // A notice to the complainant carries no address: it is read when the notice is
            // rendered, so a list shows none, to anyone.
            #expect(first["audience"] as? String == "complainant")
            #expect(first["recipient"] is NSNull)
            let intake = try office.staff("intake", roles: ["intake"])
            let listed = try intake.binary.run(["notices", "list", "--format", "json"])
            #expect(listed.status == 0, "\(listed)")
            #expect(!listed.stdout.contains("minji@example.org"))
        }
    }

    @Test func showRefusesWhatTheReaderMayNotSee() throws {
        try withTestDatabase { db in
            let (office, _, _) = try Self.office(db)
            let intake = try office.staff("intake", roles: ["intake"])
            let refused = try intake.binary.run(["notices", "show", "1"])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("may not read notice 1"))
            #expect(refused.stdout.isEmpty)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let shown = try supervisor.binary.run(["notices", "show", "1"])
            #expect(shown.status == 0, "\(shown)")
            #expect(shown.stdout.contains("Message-ID: <notice-1.HRC-2026-000001@\(Self.domain)>"))
        }
    }

    /// A representative hears what the complainant hears: the same notice, to their own
    /// address, rendered from the representative's template.
    @Test func theRepresentativeGetsACopyOfEachComplainantNotice() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok(
                "office", "set", "--sender", "Gwangju Human Rights Ombudsman <ombudsman@\(Self.domain)>",
                "--mail-domain", Self.domain)
            let reference = try office.openCase(
                receivedAt: "2026-03-04T10:00+09:00",
                extra: [
                    "--representative", "Lee Haneul", "--representative-email", "haneul@example.org",
                ])
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
            try office.ok("case", "request-info", reference, "--what", "the tenancy contract", "--at", "2026-03-06")
            try office.ok("calendar", "add", "2026-03-12", "Office day")
            let json = try office.ok("notices", "list", "--case", reference, "--format", "json")
            let notices = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let sent = notices.map { "\($0["kind"]!) \($0["audience"]!) \($0["recipient"]!)" }
            #expect(
                sent == [
                    "acknowledgement complainant <null>", "acknowledgement representative <null>",
                    "information_request complainant <null>", "information_request representative <null>",
                    "corrected_due_dates complainant <null>", "corrected_due_dates representative <null>",
                ])
            // Each is addressed when it is rendered, from the case.
            for notice in notices {
                let shown = try office.ok("notices", "show", "\(notice["id"]!)")
                let to =
                    notice["audience"] as? String == "representative"
                    ? "To: \"Lee Haneul\" <haneul@example.org>" : "To: \"Kim Minji\" <minji@example.org>"
                #expect(shown.contains(to), "\(shown)")
            }
        }
    }

    @Test func cancelWithdrawsAPendingNoticeAndIsAudited() throws {
        try withTestDatabase { db in
            let (office, reference, _) = try Self.office(db)
            #expect(try office.ok("notices", "cancel", "2").contains("notice 2 cancelled"))
            #expect(try NoticeFixture.rows(db, where: "id = 2").first?.state == "cancelled")
            #expect(try office.ok("case", "history", reference).contains("notice_cancelled"))
            // Cancelling is not a change of the case: a paper record dated earlier still goes in.
            try office.ok("case", "note", reference, "Called the complainant", "--at", "2026-03-07")
            let folder = try NoticeFixture.temporaryFolder("cancel")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("ids")
            try office.ok("notices", "send", "--via", "cat >> '\(log.path)'")
            let sent = try String(contentsOf: log, encoding: .utf8)
            #expect(sent.contains("<notice-1.") && !sent.contains("<notice-2."))
            let before = try office.counts()
            let again = try office.run("notices", "cancel", "2")
            #expect(again.status == 4, "\(again)")
            #expect(again.stderr.contains("Notice 2 is cancelled"))
            let sentOne = try office.run("notices", "cancel", "1")
            #expect(sentOne.status == 4)
            #expect(try office.counts() == before)
        }
    }

    @Test func exportWritesAMaildirAndLetters() throws {
        try withTestDatabase { db in
            let (office, _, letter) = try Self.office(db)
            let folder = try NoticeFixture.temporaryFolder("export")
            defer { try? FileManager.default.removeItem(at: folder) }
            let maildir = folder.appendingPathComponent("Maildir")
            let exported = try office.ok("notices", "export", "--maildir", maildir.path)
            #expect(exported.contains("2 exported, 0 to be retried, 0 failed"), "\(exported)")
            let files = try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)
            #expect(files.count == 2)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("tmp").path).isEmpty)
            #expect(FileManager.default.fileExists(atPath: maildir.appendingPathComponent("cur").path))
            var cases: [NoticeFixture.MIMECase] = []
            for file in files {
                #expect(!file.contains("/") && !file.contains(":"))
                cases.append(
                    NoticeFixture.MIMECase(
                        message: try Data(contentsOf: maildir.appendingPathComponent("new/\(file)")),
                        expectations: ["message_contains": ["HRC-2026-000001"]]))
            }
            let checked = try NoticeFixture.checkMIME(cases)
            #expect(checked.status == 0, "\(checked.output)")
            #expect(try NoticeFixture.rows(db, where: "channel = 'email' AND state = 'sent'").count == 2)
            #expect(try office.ok("notices", "export", "--maildir", maildir.path).contains("0 exported"))

            let letters = folder.appendingPathComponent("letters")
            try office.ok("notices", "export", "--letters", letters.path)
            let name = "\(letter)-notice-3-acknowledgement-complainant.txt"
            #expect(try FileManager.default.contentsOfDirectory(atPath: letters.path) == [name])
            let text = try String(contentsOf: letters.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("Choi Yuna") && text.contains("12 Geumnam-ro") && text.contains(letter))
            #expect(try NoticeFixture.rows(db, where: "state = 'pending'").isEmpty)
        }
    }

    @Test func exportToAFileThatIsNotAFolderChangesNothing() throws {
        try withTestDatabase { db in
            let (office, _, _) = try Self.office(db)
            let folder = try NoticeFixture.temporaryFolder("notfolder")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("plain")
            try Data("x".utf8).write(to: file)
            let result = try office.run("notices", "export", "--letters", file.path)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("is not a folder"))
            #expect(try NoticeFixture.rows(db, where: "state = 'pending'").count == 3)
        }
    }

    /// Without consent a respondent notice that would name the complainant is refused and
    /// kept back; once consent is recorded, it goes.
    @Test func consentLetsTheRespondentLearnTheComplainantsIdentity() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok("office", "set", "--mail-domain", Self.domain)
            // Staff wrote the complainant's name into the summary.
            let reference = try office.ok(
                "case", "open", "--complainant", "Lee Seo-yeon", "--email", "seoyeon@mail.example", "--respondent",
                "Gwangju Transit",
                "--respondent-email", "complaints@transit.example", "--summary",
                "Lee Seo-yeon was refused boarding with her wheelchair",
                "--received-at", "2026-03-04T10:00+09:00"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
            _ = try db.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO notice (case_id, kind, audience, recipient, channel, language, data)
                    SELECT case_id, kind, 'respondent', 'complaints@transit.example', 'email', 'en', data FROM notice
                    """)
            }
            let refused = try office.run("notices", "show", "2")
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("would reveal the complainant's identity"), "\(refused.stderr)")
            #expect(!refused.stderr.contains("Lee Seo-yeon"))
            let folder = try NoticeFixture.temporaryFolder("consent")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("messages")
            let send = try office.run("notices", "send", "--via", "cat >> '\(log.path)'")
            #expect(send.status == 1, "\(send)")
            #expect(try NoticeFixture.rows(db, where: "id = 2").first?.state == "pending")
            #expect(
                try NoticeFixture.rows(db, where: "id = 2").first?.lastError?.contains(
                    "would reveal the complainant's identity") == true)
            #expect(!((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("complaints@transit.example"))

            #expect(try office.run("case", "consent", reference).status == 2)
            try office.ok("case", "consent", reference, "--disclose-identity", "--at", "2026-03-06")
            #expect(try office.ok("case", "history", reference).contains("identity_disclosure_consented"))
            // Asking again records nothing more.
            let version = try office.show(reference)["version"] as? Int
            try office.ok("case", "consent", reference, "--disclose-identity", "--at", "2026-03-06")
            #expect(try office.show(reference)["version"] as? Int == version)
            let shown = try office.ok("notices", "show", "2")
            let decoded = try NoticeFixture.decoded(Data(shown.utf8))
            #expect(decoded.body.contains("Lee Seo-yeon was refused boarding"))
            try office.ok("notices", "send", "--via", "cat >> '\(log.path)'", "--retry-now")
            #expect(try NoticeFixture.rows(db, where: "state <> 'sent'").isEmpty)
            // Withdrawn consent holds the next respondent notice back again.
            try office.ok("case", "consent", reference, "--withdraw", "--at", "2026-03-07")
            _ = try db.withConnection { connection in
                try connection.execute("UPDATE notice SET state = 'pending', sent_at = NULL WHERE id = 2")
            }
            #expect(try office.run("notices", "show", "2").status == 4)
        }
    }

    /// An office's own template wins over the built-in one; a template that names a value the
    /// notice does not have is an error when the notice is rendered, and the notice waits.
    @Test func officeTemplatesOverrideAndMissingVariablesAreErrors() throws {
        try withTestDatabase { db in
            let (office, _, _) = try Self.office(db)
            let folder = try NoticeFixture.temporaryFolder("templates")
            defer { try? FileManager.default.removeItem(at: folder) }
            try """
            Subject: [{{reference}}] Received: {{respondent_name}}

            Dear {{recipient_name}},

            We have your complaint about {{respondent_name}}, filed on {{received_date}} ({{received_date_iso}}).
            We will decide how to deal with it by {{triage_due_date}}.

            {{office_name}}
            """.write(
                to: folder.appendingPathComponent("acknowledgement.complainant.en.mustache"), atomically: true,
                encoding: .utf8)
            try office.ok("office", "set", "--templates", folder.path)
            let shown = try office.ok("notices", "show", "1")
            let decoded = try NoticeFixture.decoded(Data(shown.utf8))
            #expect(decoded.subject == "[HRC-2026-000001] Received: Gwangju City Housing Corporation")
            #expect(decoded.body.contains("filed on 4 March 2026 (2026-03-04)"), "\(decoded.body)")
            #expect(decoded.body.contains("by 18 March 2026"))
            // Other notices still use the built-in templates.
            #expect(
                try office.ok("notices", "show", "2").contains("Subject: [HRC-2026-000001] How we will deal with your"))

            try """
            Subject: [{{reference}}] Received

            Dear {{recipient_name}}, your hearing is at {{hearing_place}}.
            """.write(
                to: folder.appendingPathComponent("acknowledgement.complainant.en.mustache"), atomically: true,
                encoding: .utf8)
            let missing = try office.run("notices", "show", "1")
            #expect(missing.status == 1, "\(missing)")
            #expect(
                missing.stderr.contains("uses {{hearing_place}} but the notice has no value for it"),
                "\(missing.stderr)")
            let send = try office.run("notices", "send", "--via", "cat >/dev/null")
            #expect(send.status == 1)
            let row = try #require(NoticeFixture.rows(db, where: "id = 1").first)
            #expect(row.state == "pending" && row.attempts == 1)
            #expect(row.lastError?.contains("{{hearing_place}}") == true)
            #expect(try NoticeFixture.rows(db, where: "id = 2").first?.state == "sent")

            // '' goes back to the built-in templates.
            try office.ok("office", "set", "--templates", "")
            #expect(try office.ok("notices", "show", "1").contains("We have received your complaint"))
        }
    }

    @Test func badInputGetsOneSentenceAndADistinctCode() throws {
        try withTestDatabase { db in
            let (office, _, _) = try Self.office(db)
            let before = try office.counts()
            let cases: [(arguments: [String], status: Int32, says: String)] = [
                (["notices", "show", "999999"], 3, "No notice has the id 999999"),
                (["notices", "show", "one"], 2, "one"),
                (["notices", "cancel", "424242"], 3, "No notice has the id 424242"),
                (["notices", "list", "--state", "lost"], 2, "lost"),
                (["notices", "list", "--case", "HRC-26-1"], 2, "HRC-26-1"),
                (["notices", "list", "--case", "HRC-2026-999999"], 3, "No case has the reference HRC-2026-999999"),
                (["notices", "list", "--limit", "0"], 2, "--limit"),
                (["notices", "send"], 2, "--via"),
                (["notices", "send", "--via", "  "], 2, "--via needs a command"),
                (["notices", "send", "--via", "cat", "--limit", "-3"], 2, "--limit"),
                (["notices", "send", "--via", "cat", "--timeout", "0"], 2, "--timeout"),
                (["notices", "export"], 2, "either --maildir DIR"),
                (["notices", "export", "--maildir", "/tmp/a", "--letters", "/tmp/b"], 2, "either --maildir DIR"),
                (
                    ["case", "consent", "HRC-2026-000001", "--disclose-identity", "--withdraw"], 2,
                    "either --disclose-identity or --withdraw"
                ),
                (["case", "consent", "HRC-2026-999999", "--disclose-identity"], 3, "No case has the reference"),
            ]
            for item in cases {
                let result = try office.owner.run(item.arguments)
                #expect(result.status == item.status, "\(item.arguments): \(result)")
                #expect(result.stderr.contains(item.says), "\(item.arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(item.arguments): \(result.stderr)")
            }
            // Only supervisors and the ombudsperson deliver: a message names the complainant.
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let refused = try caseworker.binary.run(["notices", "send", "--via", "cat"])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("supervisor or ombudsperson"))
            let unreachable = try RedressBinary(database: "postgresql:///nowhere?host=/nonexistent").run([
                "notices", "list",
            ])
            #expect(unreachable.status == 6, "\(unreachable)")
            var after = try office.counts()
            after["staff"] = before["staff"]
            after["case_event"] = before["case_event"]
            #expect(after == before)
        }
    }
}
