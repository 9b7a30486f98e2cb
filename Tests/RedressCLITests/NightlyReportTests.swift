import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Nightly report and demo commands")
struct NightlyReportTests {
    static let asOf = "2026-03-16"

    /// Runs python3 with `script`, feeding it `input`; returns its status and output.
    static func python(_ script: String, input: Data) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func reports(_ redress: RedressBinary) throws -> [String] {
        try ["text", "csv", "json", "html"].map { format in
            let result = try redress.run(["report", "deadlines", "--as-of", Self.asOf, "--format", format])
            #expect(result.status == 0, "\(format): \(result)")
            return result.stdout
        }
    }

    /// A rendering without the audit log's head, which names the log's last row when the report
    /// was read: the one part of a report as of a past day that moves on with the log.
    static func withoutAuditHead(_ output: String) -> String {
        output.replacingOccurrences(of: #"\n\naudit head: [^\n]*\n$"#, with: "\n", options: .regularExpression)
            .replacingOccurrences(of: #"<p class="meta">Audit head: [^\n]*\n"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #","audit_head":\{[^}]*\}"#, with: "", options: .regularExpression)
    }

    /// The report as of a day is the same when run again after more has been recorded.
    @Test func aReportAsOfADayIsTheSameLater() throws {
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 900, asOf: Self.asOf)
            let redress = RedressBinary(database: db.url)
            let before = try reports(redress)
            let rows = try JSONSerialization.jsonObject(with: Data(before[2].utf8)) as? [String: Any] ?? [:]
            let listed = (rows["groups"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String: Any]] ?? [] }
            func references(_ section: String, _ clock: String? = nil) -> [String] {
                listed.filter {
                    $0["section"] as? String == section && (clock == nil || $0["clock"] as? String == clock)
                }.compactMap { $0["reference"] as? String }
            }
            let dueSoon = references("due_soon", "triage")
            let overdue = references("overdue")
            let paused = references("paused")
            #expect(dueSoon.count >= 2 && overdue.count >= 2 && !paused.isEmpty, "\(listed.count) rows")
            let at = "2026-03-17T10:00"
            for arguments in [
                [
                    "case", "extend", dueSoon[0], "--clock", "triage", "--days", "5", "--reason", "Records awaited",
                    "--at", at,
                ],
                ["case", "pause", dueSoon[1], "--reason", "Complainant in hospital", "--at", at],
                ["case", "assign", overdue[0], "mhan", "--at", at],
                ["case", "close", overdue[1], "--outcome", "withdrawn", "--reason", "Withdrawn by letter", "--at", at],
                [
                    "case", "open", "--complainant", "Park Jisoo", "--respondent", "Buk-gu District Office (북구청)",
                    "--summary", "A new complaint",
                    "--category", "housing", "--received-at", "2026-03-17T08:30",
                ],
            ] {
                let result = try redress.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result)")
            }
            #expect(try redress.run(["sweep", "--as-of", "2026-03-18"]).status == 0)
            let after = try reports(redress)
            #expect(after.map(Self.withoutAuditHead) == before.map(Self.withoutAuditHead))
            // Only the audit head moved on, in the text, the JSON and the HTML.
            for format in [0, 2, 3] {
                #expect(after[format] != before[format])
                #expect(Self.withoutAuditHead(after[format]) != after[format])
            }
            #expect(after[1] == before[1])
            // Run for the later day, the report does change.
            let later = try redress.run(["report", "deadlines", "--as-of", "2026-03-18", "--format", "json"])
            #expect(later.stdout != before[2])
        }
    }

    @Test func formatsAgree() throws {
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 600, asOf: Self.asOf)
            let outputs = try reports(RedressBinary(database: db.url))
            let json = try JSONSerialization.jsonObject(with: Data(outputs[2].utf8)) as? [String: Any] ?? [:]
            let totals = json["totals"] as? [String: Int] ?? [:]
            let all = totals["all"] ?? -1
            #expect(all > 50)
            // CSV: a header and one line per row, CRLF.
            #expect(outputs[1].components(separatedBy: "\r\n").count == all + 2)
            // Text: the totals of all, then the audit log's head, as JSON has it.
            let lines = outputs[0].split(separator: "\n").map(String.init)
            let allLine = lines.dropLast().last ?? ""
            #expect(allLine.hasPrefix("  All") && allLine.hasSuffix(" \(all)"), "\(allLine)")
            let head = try #require(json["audit_head"] as? [String: Any])
            let row = try #require(head["row"] as? Int)
            let hash = try #require(head["sha256"] as? String)
            #expect(
                lines.last?.hasPrefix("audit head: row \(row) sha256 \(hash) (keep it outside the database") == true)
            #expect(outputs[3].contains("Audit head: row \(row) sha256 <code>\(hash)</code>"))
            // HTML: one page, every row a table row.
            #expect(outputs[3].hasPrefix("<!DOCTYPE html>"))
            #expect(outputs[3].components(separatedBy: "<tr class=\"").count - 1 == all + 1)
        }
    }

    /// `--format email` is a message Python's strict parser accepts: to the supervisors,
    /// text and HTML as alternatives, the CSV attached, the text part the text report.
    @Test func emailIsAValidMIMEMessage() throws {
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 500, asOf: Self.asOf)
            let redress = RedressBinary(database: db.url)
            let email = try redress.run(["report", "deadlines", "--as-of", Self.asOf, "--format", "email"])
            #expect(email.status == 0, "\(email.stderr)")
            let text = try redress.run(["report", "deadlines", "--as-of", Self.asOf]).stdout
            let csv = try redress.run(["report", "deadlines", "--as-of", Self.asOf, "--format", "csv"]).stdout
            let check = """
                import email, email.policy, json, sys
                m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.strict)
                parts = [p.get_content_type() for p in m.walk()]
                alternative = m.get_payload()[0]
                attachment = m.get_payload()[1]
                print(json.dumps({
                    "parts": parts,
                    "to": [a.addr_spec for a in m["To"].addresses],
                    "from": m["From"].addresses[0].addr_spec,
                    "subject": str(m["Subject"]),
                    "auto": m["Auto-Submitted"],
                    "text": alternative.get_payload()[0].get_content(),
                    "html": alternative.get_payload()[1].get_content()[:15],
                    "filename": attachment.get_filename(),
                    "csv": attachment.get_content().decode("utf-8") if isinstance(attachment.get_content(), bytes) else attachment.get_content(),
                    "defects": [str(d) for p in m.walk() for d in p.defects],
                }))
                """
            let (status, output) = try Self.python(check, input: Data(email.stdout.utf8))
            #expect(status == 0, "\(output)")
            let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
            #expect(
                parsed["parts"] as? [String] == [
                    "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/csv",
                ])
            #expect(
                Set(parsed["to"] as? [String] ?? []) == [
                    "kseo@hro.demo.example", "wshin@hro.demo.example", "nkwon@hro.demo.example",
                ])
            #expect(parsed["from"] as? String == "office@hro.demo.example")
            #expect((parsed["subject"] as? String)?.hasPrefix("Deadline report \(Self.asOf): ") == true)
            #expect(parsed["auto"] as? String == "auto-generated")
            // The part's last line break belongs to the MIME boundary that follows it.
            #expect(
                (parsed["text"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
                    in: .newlines)
                    == text.trimmingCharacters(in: .newlines))
            #expect(parsed["html"] as? String == "<!DOCTYPE html>")
            #expect(parsed["filename"] as? String == "deadlines-\(Self.asOf).csv")
            #expect(parsed["csv"] as? String == csv)
            #expect((parsed["defects"] as? [String])?.isEmpty == true)
        }
    }

    /// `demo seed --years 10` spreads the receipts over the ten years up to --as-of and says so.
    @Test func demoSeedOverTenYears() throws {
        try withTestDatabase { db in
            let result = try RedressBinary(database: db.url).run([
                "demo", "seed", "--cases", "300", "--years", "10", "--seed", "3", "--as-of", Self.asOf,
            ])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("seeded 300 cases over 10 years as of 2026-03-16 with seed 3"), "\(result)")
            let years = try db.withConnection { connection in
                try connection.query(
                    "SELECT extract(year FROM received_on)::int, count(*) FROM complaint_case GROUP BY 1 ORDER BY 1"
                ).map { (try $0.decode(Int.self, at: 0), try $0.decode(Int.self, at: 1)) }
            }
            #expect(years.map(\.0) == Array(2016...2026), "\(years)")
            // Whole years (2017 to 2025) hold a tenth of the cases each.
            #expect(years.filter { (2017...2025).contains($0.0) }.allSatisfy { (27...33).contains($0.1) }, "\(years)")
            #expect(
                try NightlyCLI.count(db, "SELECT count(*) FROM complaint_case WHERE received_on < '2016-03-19'") == 0)
            #expect(try RedressBinary(database: db.url).run(["audit", "verify"]).status == 0)
        }
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        try withTestDatabase { db in
            let redress = RedressBinary(database: db.url)
            for (arguments, status) in [
                (["report", "deadlines", "--within", "-1"], Int32(2)),
                (["report", "deadlines", "--within", "261"], 2),
                (["report", "deadlines", "--as-of", "2026-02-30"], 2),
                (["report", "deadlines", "--as-of", "16/03/2026"], 2),
                (["report", "deadlines", "--format", "pdf"], 2),
                (["report", "deadlines", "--assignee", "nobody'; DROP TABLE clock; --"], 3),
                (["demo", "seed", "--cases", "0"], 2),
                (["demo", "seed", "--cases", "many"], 2),
                (["demo", "seed", "--as-of", "2026-13-01"], 2),
                (["demo", "seed", "--years", "0"], 2),
                (["demo", "seed", "--years", "21"], 2),
                (["demo", "seed", "--years", "-3"], 2),
                (["demo", "seed", "--years", "ten"], 2),
                (["demo", "seed", "--years", "10", "--cases", "0"], 2),
            ] {
                let result = try redress.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(
                    result.stderr.hasPrefix("redress: ") && result.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(result.stderr)")
            }
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM clock") == 0)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM complaint_case") == 0)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM holiday") == 0)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM case_event WHERE kind = 'demo_seeded'") == 0)
            // An email report with no supervisor to send it to says so.
            let lonely = try redress.run(["report", "deadlines", "--format", "email"])
            #expect(lonely.status == 1)
            #expect(lonely.stderr.contains("no active supervisor has an email address"))
            // A database with cases is not seeded, and is left as it was.
            let opened = try redress.run([
                "case", "open", "--complainant", "Lee Jiwoo", "--respondent", "District Office",
                "--summary", "No ramp", "--received-at", "2026-03-02",
            ])
            #expect(opened.status == 0, "\(opened)")
            let events = try NightlyCLI.count(db, "SELECT count(*) FROM case_event")
            let refused = try redress.run(["demo", "seed", "--cases", "10"])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("holds 1 case already"))
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM case_event") == events)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM complaint_case") == 1)
        }
    }
}
