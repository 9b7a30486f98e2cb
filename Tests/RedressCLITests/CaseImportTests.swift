import Foundation
import Postgres
import RedressTesting
import Testing

@Suite struct CaseImportTests {
    func file(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func csv(badLines: [Int: String] = [:]) -> String {
        var lines = ["received_at,channel,complainant,email,respondent,categories,summary,urgent"]
        for index in 0..<10 {
            let line = index + 2
            lines.append(
                badLines[line]
                    ?? "2026-03-\(String(format: "%02d", index + 2))T10:00+09:00,email,Person \(index),p\(index)@example.org,\"City, Dept \(index % 3)\",housing;energy,\"Summary with \"\"quotes\"\" \(index)\",\(index % 4 == 0)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A caseworker's own login, with no admin role, imports and opens cases in a fresh office:
    /// nothing it writes needs an office-wide privilege.
    @Test func aCaseworkerImportsAndOpensWithItsOwnLogin() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let url = try file("plain.csv", csv())
            defer { try? FileManager.default.removeItem(at: url) }
            let imported = try caseworker.binary.run(["case", "import", url.path])
            #expect(imported.status == 0, "\(imported)")
            #expect(imported.stdout.contains("imported 10 cases"))
            let opened = try office.openCase(binary: caseworker.binary)
            #expect(opened == "HRC-2026-000011")
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func oneBadLineImportsNothingAndIsNamed() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            // Line 1 is the header, so the third line of the file holds the second complaint.
            let url = try file(
                "bad.csv", csv(badLines: [3: "2026-02-30,email,Someone,s@example.org,City,housing,Bad date,false"]))
            defer { try? FileManager.default.removeItem(at: url) }
            let before = try office.counts()
            let result = try office.run("case", "import", url.path)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("line 3"), "\(result.stderr)")
            #expect(result.stderr.contains("2026-02-30"))
            #expect(result.stderr.contains("nothing was imported"))
            #expect(try office.counts() == before)
        }
    }

    @Test func dryRunListsEveryBadRowAndWritesNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let url = try file(
                "bad.csv",
                csv(badLines: [
                    4: "2026-03-04,email,Someone,s@example.org,City,no_such_right,Unknown category,false",
                    9: "2026-03-09,email,,s@example.org,City,housing,No complainant,false",
                ]))
            defer { try? FileManager.default.removeItem(at: url) }
            let before = try office.counts()
            let result = try office.run("case", "import", "--dry-run", url.path)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("line 4: \"no_such_right\" is not a rights category"), "\(result.stderr)")
            #expect(result.stderr.contains("line 9: complainant is missing"), "\(result.stderr)")
            #expect(try office.counts() == before)
            let good = try file("good.csv", csv())
            defer { try? FileManager.default.removeItem(at: good) }
            #expect(try office.ok("case", "import", "--dry-run", good.path).contains("10 rows are valid"))
            #expect(try office.counts() == before)
        }
    }

    @Test func importedCasesHaveGaplessReferencesClocksAndAudit() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let first = try office.openCase(receivedAt: "2026-03-02T09:00+09:00")
            let url = try file("cases.csv", csv())
            defer { try? FileManager.default.removeItem(at: url) }
            let output = try office.ok("case", "import", url.path)
            #expect(output.contains("imported 10 cases: HRC-2026-000002 to HRC-2026-000011"), "\(output)")
            #expect(first == "HRC-2026-000001")
            // The first imported row: received Mon 03-02 (a holiday) 10:00 Seoul, urgent: acknowledge
            // 2 WD counted from Tue 03-03 (rolled forward): 03-04, 03-05 → 2026-03-05.
            let shown = try office.show("HRC-2026-000002")
            #expect(shown["urgent"] as? Bool == true)
            #expect(office.clock(shown, "acknowledge")["due_date"] as? String == "2026-03-05")
            #expect((shown["respondent"] as? [String: Any])?["name"] as? String == "City, Dept 0")
            #expect(shown["summary"] as? String == "Summary with \"quotes\" 0")
            #expect(shown["categories"] as? [String] == ["energy", "housing"])
            let counts = try office.counts()
            #expect(counts["complaint_case"] == 11)
            #expect(counts["clock"] == 33)
            #expect(counts["case_event"]! >= 12)
            // Imported cases work like any other.
            try office.ok("case", "acknowledge", "HRC-2026-000005", "--at", "2026-03-06")
            #expect(try office.run("audit", "verify").status == 0)

            let lines = """
                {"received_at": "2026-03-12", "complainant": "Residents of Block 7", "group_size": 40, "respondent": "Energy Corporation", "categories": ["energy"], "summary": "Heating cut off", "urgent": true}
                {"received_at": "2026-03-13T09:30+09:00", "complainant": "Choi Yuna", "respondent": "Transit Authority", "summary": "No step-free access", "channel": "phone"}
                """
            let jsonl = try file("cases.jsonl", lines)
            defer { try? FileManager.default.removeItem(at: jsonl) }
            #expect(try office.ok("case", "import", jsonl.path).contains("HRC-2026-000012 to HRC-2026-000013"))
            let group = try office.show("HRC-2026-000012")
            #expect(group["group_size"] as? Int == 40)
            #expect(group["urgent"] as? Bool == true)
        }
    }

    /// An import by batches killed while it waits to write its second batch, run again, imports
    /// every line exactly once: the first batch had committed, the second had not.
    @Test func anImportByBatchesKilledAndRunAgainImportsEveryLineOnce() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            // Ten complaints of 2025 (the first batch), then twenty of 2026.
            var lines = ["received_at,complainant,respondent,summary"]
            for index in 0..<30 {
                let day = String(format: "%02d", index % 28 + 1)
                lines.append(
                    "\(index < 10 ? "2025-11" : "2026-02")-\(day)T10:00+09:00,Person \(index),City Hall,Complaint \(index)"
                )
            }
            let url = try file("batches.csv", lines.joined(separator: "\n") + "\n")
            defer { try? FileManager.default.removeItem(at: url) }

            // Holding an uncommitted 2026 reference counter makes the second batch wait for it.
            let blocker = try db.connect()
            defer { blocker.close() }
            try blocker.execute("BEGIN")
            try blocker.execute(
                "INSERT INTO reference_counter (prefix, year, last_number) VALUES ('HRC', 2026, 0)")
            let process = Process()
            process.executableURL = office.owner.url
            process.arguments = [
                "case", "import", "--batch-commit", "10", url.path, "--database", office.owner.database!,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let waiting = try db.withConnection { connection -> Bool in
                for _ in 0..<600 {
                    let imported = try connection.query("SELECT count(*) FROM complaint_case").first!.decode(
                        Int.self, at: 0)
                    let blocked = try connection.query(
                        """
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%reference_counter%'
                        """
                    ).first!.decode(Int.self, at: 0)
                    if imported == 10, blocked == 1 { return true }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                return false
            }
            #expect(waiting, "the second batch never waited for the 2026 counter")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try blocker.execute("ROLLBACK")
            // The killed import's server session ends, its second batch rolled back.
            _ = try db.withConnection { connection in
                for _ in 0..<200 {
                    let left = try connection.query(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%reference_counter%' AND pid <> pg_backend_pid()"
                    ).first!.decode(Int.self, at: 0)
                    if left == 0 { break }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            #expect(try office.counts()["complaint_case"] == 10)

            let again = try office.ok("case", "import", "--batch-commit", "10", url.path)
            #expect(again.contains("resuming after line 11: 10 of 30 rows were imported before"), "\(again)")
            #expect(
                again.contains("imported 20 cases in batches of 10: HRC-2026-000001 to HRC-2026-000020"), "\(again)")
            let perLine = try db.withConnection { connection in
                try connection.query(
                    """
                    SELECT (data ->> 'line')::int, count(*) FROM case_event
                    WHERE case_id IS NOT NULL AND data ? 'imported_from' GROUP BY 1 ORDER BY 1
                    """
                ).map { [try $0.decode(Int.self, at: 0), try $0.decode(Int.self, at: 1)] }
            }
            #expect(perLine == (2...31).map { [$0, 1] })
            #expect(try office.counts()["complaint_case"] == 30)
            #expect(try office.ok("case", "import", "--batch-commit", "10", url.path).contains("nothing to import"))
            #expect(try office.counts()["complaint_case"] == 30)
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func batchCommitRefusesNonsense() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let url = try file("cases.csv", csv())
            defer { try? FileManager.default.removeItem(at: url) }
            let before = try office.counts()
            for arguments in [
                ["--batch-commit", "0"], ["--batch-commit", "ten"], ["--batch-commit", "5", "--dry-run"],
            ] {
                let result = try office.owner.run(["case", "import"] + arguments + [url.path])
                #expect(result.status == 2, "\(arguments): \(result)")
                #expect(result.stderr.split(separator: "\n").count >= 1)
            }
            #expect(try office.counts() == before)
        }
    }
}
