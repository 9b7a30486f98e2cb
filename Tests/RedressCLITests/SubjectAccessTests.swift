import Foundation
import Postgres
import RedressTesting
import Testing

/// Subject access: `person find` lists every case and role of a person, `person export` writes
/// everything held about them with other people redacted, both audited, and `report stats`
/// counts the requests and how long they took.
@Suite struct SubjectAccessTests {
    /// The person: complainant in two cases (spelled and formatted differently), representative
    /// in a third.
    static let email = "jihoon.park@example.org"
    static let phone = "010-5555-0142"
    static let name = "Park Ji-hoon"
    /// Everyone else on those cases, who must not appear in the export.
    static let others = [
        "Choi Yuna", "Han Seojin", "seojin.han@law.example", "Oh Minseo", "minseo.oh@example.net",
        "Lee Sangwoo", "sangwoo.lee@housing.example", "7777-1234", "01077771234",
    ]

    /// An office with the person's three cases, each acknowledged (notices queued to the
    /// person), a message from the person and a contact logged; returns the references.
    static func office(_ db: TestDatabase) throws -> (office: OfficeFixture, references: [String]) {
        let office = try OfficeFixture(db)
        try office.ok(
            "office", "set", "--sender", "Gwangju Human Rights Ombudsman <ombudsman@hr.gwangju.example>",
            "--mail-domain", "hr.gwangju.example")
        func open(_ arguments: [String]) throws -> String {
            let result = try office.owner.run(
                ["case", "open", "--category", "housing", "--received-at", "2026-03-02T10:00+09:00"] + arguments)
            #expect(result.status == 0, "\(result)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let first = try open([
            "--complainant", "PARK  Ji-hoon", "--complainant", "Choi Yuna", "--email", "Jihoon.Park@Example.org",
            "--phone", "010 5555 0142", "--respondent", "Gwangju City Housing Corporation", "--head-of-body",
            "Lee Sangwoo", "--head-of-body-email", "sangwoo.lee@housing.example",
            "--summary", "Evicted without notice; Choi Yuna shares the flat. Lee Sangwoo signed the order.",
        ])
        let second = try open([
            "--complainant", "Park Ji-hoon", "--phone", "+82 10-5555-0142", "--representative", "Han Seojin",
            "--representative-email", "seojin.han@law.example", "--respondent", "Gwangju Welfare Foundation",
            "--summary", "Benefit stopped; Han Seojin (seojin.han@law.example) wrote to the foundation.",
        ])
        let third = try open([
            "--complainant", "Oh Minseo", "--email", "minseo.oh@example.net", "--phone", "010-7777-1234",
            "--representative", "Park Ji-hoon", "--representative-email", email,
            "--respondent", "Gwangju City Housing Corporation",
            "--summary", "Oh Minseo was refused a ramp; call 010-7777-1234.",
        ])
        for reference in [first, second, third] { try office.ok("case", "acknowledge", reference) }
        // A document from someone else, which the export lists but does not give.
        let evidence = FileManager.default.temporaryDirectory.appendingPathComponent(
            "evidence-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: evidence) }
        try Data("Inspection notes by Lee Sangwoo\n".utf8).write(to: evidence)
        try office.ok("case", "attach", first, evidence.path, "--title", "Inspection notes")
        try office.ok(
            "case", "contact", first, "--channel", "phone", "--direction", "in", "--summary",
            "Mr Park called about the flat; Choi Yuna was with him.")
        let message = """
            From: Park Ji-hoon <\(email)>
            To: ombudsman@hr.gwangju.example
            Subject: More about \(first)
            Date: Mon, 09 Mar 2026 10:00:00 +0900
            Message-ID: <park-1@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            The eviction letter came on Friday. Lee Sangwoo signed it.
            --b1
            Content-Type: application/pdf; name="letter.pdf"
            Content-Disposition: attachment; filename="letter.pdf"
            Content-Transfer-Encoding: base64

            \(Data(letter).base64EncodedString(options: .lineLength76Characters))
            --b1--

            """.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let received = try office.owner.run(["mail", "receive"], input: Data(message.utf8))
        #expect(received.status == 0, "\(received)")
        return (office, [first, second, third])
    }

    /// The PDF the person sends with their message.
    static let letter = Array("%PDF-1.4\n% the eviction letter\n".utf8) + (0..<3000).map { UInt8($0 % 251) }

    static func count(_ db: TestDatabase, _ sql: String) throws -> Int {
        try db.withConnection { try $0.query(PostgresQuery(unsafeSQL: sql)).first!.decode(Int.self, at: 0) }
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sar-\(UUID().uuidString)")
    }

    /// Every file under `folder`, read as text (bytes that are not UTF-8 replaced).
    static func allText(_ folder: URL) throws -> String {
        var text = ""
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                text += String(decoding: try Data(contentsOf: url), as: UTF8.self) + "\n"
            }
        }
        return text
    }

    @Test func findListsEveryCaseAndRoleByEmailPhoneOrName() throws {
        try withTestDatabase { db in
            let (office, references) = try Self.office(db)
            let byEmail = try office.ok("person", "find", "--email", "  JIHOON.PARK@example.ORG ", "--format", "json")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(byEmail.utf8)) as? [[String: Any]])
            let roles = rows.map { "\($0["reference"] as? String ?? "") \($0["role"] as? String ?? "")" }
            // The second case knows the person by phone only; the message is on the first.
            #expect(roles.sorted() == ["\(references[0]) complainant", "\(references[2]) representative"].sorted())

            let byPhone = try office.ok("person", "find", "--phone", "01055550142", "--format", "json")
            #expect(byPhone.contains(references[0]) && byPhone.contains(references[1]))
            #expect(!byPhone.contains(references[2]))

            let byName = try office.ok("person", "find", "--name", "park ji-HOON")
            for reference in references { #expect(byName.contains(reference), "\(byName)") }
            #expect(byName.contains("complainant") && byName.contains("representative"))
            let hangul = try office.ok(
                "case", "open", "--complainant", "박지훈", "--respondent", "Gwangju City Housing Corporation",
                "--summary", "Noise", "--category", "housing")
            let korean = try office.ok("person", "find", "--name", "박 지훈")
            #expect(korean.contains(hangul.trimmingCharacters(in: .whitespacesAndNewlines)), "\(korean)")

            // Each search is audited with the kind of key and never the key.
            #expect(
                try Self.count(
                    db,
                    "SELECT count(*) FROM case_event WHERE kind = 'person_searched' AND case_id IS NULL AND actor = '\(office.login)'"
                ) == 4)
            #expect(
                try Self.count(
                    db,
                    "SELECT count(*) FROM case_event WHERE kind = 'person_searched' AND (data::text ILIKE '%park%' OR data::text ILIKE '%5555%' OR data::text ~ '박')"
                ) == 0)
            #expect(
                try Self.count(
                    db, "SELECT count(*) FROM case_event WHERE kind = 'person_searched' AND data ->> 'key' = 'phone'")
                    == 1)
        }
    }

    @Test func theIdentityRulesHideCasesFromFind() throws {
        try withTestDatabase { db in
            let (office, references) = try Self.office(db)
            let confidential = try office.ok(
                "case", "open", "--complainant", Self.name, "--email", Self.email, "--respondent", "Gwangju Police",
                "--summary", "Searched at a checkpoint", "--category", "housing", "--confidential"
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
            let caseworker = try office.staff("sar_caseworker", roles: ["caseworker"])
            let auditor = try office.staff("sar_auditor", roles: ["auditor"])
            let supervisor = try office.staff("sar_supervisor", roles: ["supervisor"])
            try office.ok("case", "assign", references[0], caseworker.login)
            try office.ok("case", "recuse", references[2], supervisor.login, "--reason", "Knows the complainant")

            // The caseworker sees the parties of its own case only: not the confidential one.
            let seen = try caseworker.binary.run(["person", "find", "--email", Self.email, "--format", "json"])
            #expect(seen.status == 0, "\(seen)")
            #expect(seen.stdout.contains(references[0]))
            #expect(!seen.stdout.contains(confidential) && !seen.stdout.contains(references[2]))
            let none = try auditor.binary.run(["person", "find", "--email", Self.email, "--format", "json"])
            #expect(none.status == 0, "\(none)")
            #expect((try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any])?.isEmpty == true)
            // A supervisor sees every case but the one it is recused from.
            let recused = try supervisor.binary.run(["person", "find", "--email", Self.email, "--format", "json"])
            #expect(recused.stdout.contains(confidential) && recused.stdout.contains(references[0]))
            #expect(!recused.stdout.contains(references[2]), "\(recused)")
            // Nor may a caseworker export.
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let refused = try caseworker.binary.run(["person", "export", "--email", Self.email, "-o", folder.path])
            #expect(refused.status == 4, "\(refused)")
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test func theExportHoldsEveryCaseAndNoticeAndNobodyElse() throws {
        try withTestDatabase { db in
            let (office, references) = try Self.office(db)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let exported = try office.run(
                "person", "export", "--name", Self.name, "-o", folder.path, "--reference", "SAR-2026-7")
            #expect(exported.status == 0, "\(exported)")

            let data = try Data(contentsOf: folder.appendingPathComponent("export.json"))
            let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let cases = try #require(export["cases"] as? [[String: Any]])
            #expect(Set(cases.compactMap { $0["reference"] as? String }) == Set(references))
            let third = try #require(cases.first { $0["reference"] as? String == references[2] })
            #expect(third["roles"] as? [String] == ["representative"])

            // Every notice addressed to the person's side, each rendered, is there.
            let notices = cases.flatMap { $0["notices"] as? [[String: Any]] ?? [] }
            let expected = try Self.count(
                db,
                """
                SELECT count(*) FROM notice n JOIN complaint_case c ON c.id = n.case_id
                WHERE c.reference IN ('\(references.joined(separator: "','"))')
                  AND ((n.audience = 'complainant' AND c.reference <> '\(references[2])')
                       OR (n.audience = 'representative' AND c.reference = '\(references[2])'))
                """)
            #expect(expected >= 3)
            #expect(notices.count == expected)
            for notice in notices {
                let file = try #require(notice["file"] as? String, "\(notice)")
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
                #expect((notice["body"] as? String ?? "").count > 20)
            }
            let first = try #require(cases.first { $0["reference"] as? String == references[0] })
            #expect((first["messages"] as? [[String: Any]])?.count == 1)
            #expect((first["contacts"] as? [[String: Any]])?.count == 1)
            // The person's own document is given, byte for byte; the other is listed only.
            let documents = try #require(first["documents"] as? [[String: Any]])
            #expect(documents.count == 2)
            let given = try #require(documents.first { $0["file"] is String })
            let bytes = try Data(contentsOf: folder.appendingPathComponent(given["file"] as? String ?? ""))
            #expect(Array(bytes) == Self.letter)
            #expect(
                given["sha256"] as? String
                    == (try MailFixture.sha256(folder.appendingPathComponent(given["file"] as? String ?? ""))))
            let listed = try #require(documents.first { $0["title"] as? String == "Inspection notes" })
            #expect(listed["file"] == nil && listed["withheld"] is String)
            let details = try #require((first["details"] as? [[String: Any]])?.first)
            #expect((details["email"] as? String)?.lowercased() == Self.email)

            // Nobody else's name, email or phone number anywhere in the folder; the
            // respondent keeps its name and the others their roles.
            let text = try Self.allText(folder)
            for other in Self.others {
                #expect(!text.localizedCaseInsensitiveContains(other), "\(other) is in the export")
            }
            #expect(text.contains("[other complainant]") && text.contains("[representative]"))
            #expect(text.contains("[respondent officer]") && text.contains("[complainant]"))
            #expect(text.contains("Gwangju City Housing Corporation"))
            let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!html.lowercased().contains("<script"))
            for reference in references { #expect(html.contains(reference)) }

            // Logged: the register's row and its audit row, with a digest and no key.
            try db.withConnection { connection in
                let row = try #require(
                    try connection.query(
                        "SELECT key_kind, cardinality(case_ids), length(key_digest), reference, handled_by FROM subject_access_request"
                    ).first)
                #expect(try row.decode(String.self, at: 0) == "name")
                #expect(try row.decode(Int.self, at: 1) == 3)
                #expect(try row.decode(Int.self, at: 2) == 32)
                #expect(try row.decode(String.self, at: 3) == "SAR-2026-7")
                #expect(try row.decode(String.self, at: 4) == office.login)
            }
            #expect(
                try Self.count(
                    db,
                    "SELECT count(*) FROM case_event WHERE kind = 'subject_access_exported' AND case_id IS NULL AND data::text NOT ILIKE '%park%'"
                ) == 1)
            #expect(
                try Self.count(
                    db,
                    "SELECT count(*) FROM case_event WHERE kind = 'case_viewed' AND data ->> 'purpose' = 'subject_access'"
                )
                    == 3)
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 0, "\(verify)")
        }
    }

    @Test func badRequestsWriteNothing() throws {
        try withTestDatabase { db in
            let (office, _) = try Self.office(db)
            let folder = Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let events = try Self.count(db, "SELECT count(*) FROM case_event WHERE kind <> 'person_searched'")

            let unknown = try office.run("person", "export", "--email", "nobody@example.org", "-o", folder.path)
            #expect(unknown.status == 3, "\(unknown)")
            let badDate = try office.run(
                "person", "export", "--email", Self.email, "-o", folder.path, "--request-received", "2026-02-30")
            #expect(badDate.status == 2, "\(badDate)")
            let future = try office.run(
                "person", "export", "--email", Self.email, "-o", folder.path, "--request-received", "2999-01-01")
            #expect(future.status == 2, "\(future)")
            let twoKeys = try office.run(
                "person", "export", "--email", Self.email, "--phone", Self.phone, "-o", folder.path)
            #expect(twoKeys.status == 2, "\(twoKeys)")
            let noKey = try office.run("person", "find")
            #expect(noKey.status == 2, "\(noKey)")
            let badEmail = try office.run("person", "find", "--email", "not-an-address")
            #expect(badEmail.status == 2, "\(badEmail)")
            #expect(!FileManager.default.fileExists(atPath: folder.path))
            for result in [unknown, badDate, future, twoKeys, noKey, badEmail] {
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            }

            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: folder.appendingPathComponent("keep.txt"))
            let occupied = try office.run("person", "export", "--email", Self.email, "-o", folder.path)
            #expect(occupied.status == 2, "\(occupied)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])

            #expect(try Self.count(db, "SELECT count(*) FROM subject_access_request") == 0)
            #expect(try Self.count(db, "SELECT count(*) FROM case_event WHERE kind <> 'person_searched'") == events)
            let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            #expect(!siblings.contains { $0.hasPrefix("." + folder.lastPathComponent + ".partial") })

            // An empty folder is used.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("keep.txt"))
            let written = try office.run("person", "export", "--email", Self.email, "-o", folder.path)
            #expect(written.status == 0, "\(written)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        }
    }

    @Test func statisticsCountTheRequestsAndTheirResponseTimes() throws {
        try withTestDatabase { db in
            let (office, _) = try Self.office(db)
            let today = try db.withConnection {
                try $0.query("SELECT (now() AT TIME ZONE (SELECT time_zone FROM office))::date::text").first!.decode(
                    String.self, at: 0)
            }
            let received = try db.withConnection {
                try $0.query("SELECT (\(today)::date - 12)::text").first!.decode(String.self, at: 0)
            }
            for (key, value, day) in [("--email", Self.email, received), ("--phone", Self.phone, today)] {
                let folder = Self.temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                try office.ok("person", "export", key, value, "-o", folder.path, "--request-received", day)
            }
            let json = try office.ok("report", "stats", "--from", received, "--to", today, "--format", "json")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let section = try #require(report["data_protection"] as? [String: Any])
            let access = try #require(section["subject_access"] as? [String: Any])
            #expect(access["received"] as? Int == 2)
            #expect(access["answered"] as? Int == 2)
            #expect(access["open_at_end"] as? Int == 0)
            #expect(access["max_days"] as? Int == 12)
            #expect(access["median_days"] as? Double == 6)
            #expect((access["within_10_days"] as? [String: Any])?["count"] as? Int == 1)
            #expect((access["within_one_month"] as? [String: Any])?["count"] as? Int == 2)

            let text = try office.ok("report", "stats", "--from", received, "--to", today)
            #expect(text.contains("DATA PROTECTION") && text.contains("Subject access requests received"))
            let csv = try office.ok("report", "stats", "--from", received, "--to", today, "--format", "csv")
            #expect(csv.contains("data_protection,part,subject_access,max_days,12"))
            let html = try office.ok("report", "stats", "--from", received, "--to", today, "--format", "html")
            #expect(html.contains("id=\"data-protection\""))
            // Before the answers, the period counts them as open.
            let before = try office.ok("report", "stats", "--from", received, "--to", received, "--format", "json")
            let earlier = try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any]
            let open = (earlier?["data_protection"] as? [String: Any])?["subject_access"] as? [String: Any]
            #expect(open?["received"] as? Int == 1)
            #expect(open?["answered"] as? Int == 0)
            #expect(open?["open_at_end"] as? Int == 1)
        }
    }
}
