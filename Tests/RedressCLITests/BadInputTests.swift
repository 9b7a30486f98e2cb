import Foundation
import Postgres
import RedressTesting
import Testing

/// Bad input gets one sentence on stderr, its own exit code, and writes nothing.
@Suite struct BadInputTests {
    func refuses(
        _ office: OfficeFixture, _ arguments: [String], status: Int32, mentioning text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try office.counts()
        let result = try office.owner.run(arguments)
        #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try office.counts() == before, sourceLocation: sourceLocation)
    }

    @Test func unknownReferenceIsNotFound() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try refuses(office, ["case", "show", "HRC-2026-000999"], status: 3, mentioning: "HRC-2026-000999")
            try refuses(office, ["case", "acknowledge", "HRC-2026-000999"], status: 3, mentioning: "HRC-2026-000999")
            try refuses(office, ["case", "show", "not-a-reference"], status: 2, mentioning: "PREFIX-YYYY-NNNNNN")
        }
    }

    @Test func illegalMoveIsRefusedNamingTheAllowedOnes() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try refuses(
                office, ["case", "move", reference, "--to", "decided", "--outcome", "upheld", "--at", "2026-03-02"],
                status: 4, mentioning: "from received it can move to triage or closed")
            try refuses(
                office, ["case", "close", reference, "--outcome", "upheld", "--at", "2026-03-02"],
                status: 4, mentioning: "withdrawn")
            try refuses(office, ["case", "move", reference, "--to", "nowhere"], status: 2, mentioning: "nowhere")
        }
    }

    /// One typo in a year must not freeze a case (every later change must come after it) nor
    /// date a complaint decades back: times after now, or before the office's earliest event
    /// date, are refused and write nothing.
    @Test func timesInTheFutureOrImplausiblyOldAreRefused() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try refuses(
                office, ["case", "acknowledge", reference, "--at", "2062-01-05"], status: 2, mentioning: "in the future"
            )
            try refuses(
                office, ["case", "note", reference, "x", "--at", "9999-12-30T00:00:00Z"], status: 2,
                mentioning: "in the future")
            try refuses(
                office,
                [
                    "case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--received-at",
                    "9999-12-31",
                ],
                status: 2, mentioning: "in the future")
            try refuses(
                office,
                [
                    "case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--received-at",
                    "1026-03-02",
                ],
                status: 2, mentioning: "before 1990-01-01")
            // The case is still workable, now.
            try office.ok("case", "acknowledge", reference)
            // An office entering old paper files moves the earliest date back, within reason.
            try refuses(
                office, ["office", "set", "--earliest-event-date", "1026-01-01"], status: 2,
                mentioning: "--earliest-event-date")
            try office.ok("office", "set", "--earliest-event-date", "1960-01-01")
            let old = try office.ok(
                "case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--received-at",
                "1975-06-02",
                "--accept-late", "--reason", "paper file")
            #expect(old.hasPrefix("HRC-1975-"), "\(old)")
        }
    }

    /// A clock due in year 10000 (written by the owner through psql) made `case list` fail for
    /// everyone: dates beyond what Redress works with are read as the nearest it does.
    @Test func aDateOutOfRangeInOneRowDoesNotBreakTheList() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let odd = try office.openCase()
            let plain = try office.openCase()
            _ = try db.withConnection { connection in
                try connection.execute(
                    """
                    UPDATE clock SET due_date = '10000-01-05', updated_at = '20000-01-01 00:00:00+00'
                    WHERE kind = 'triage' AND case_id = (SELECT id FROM complaint_case WHERE reference = \(odd))
                    """)
            }
            for format in ["text", "json", "csv"] {
                let listed = try office.ok("case", "list", "--format", format)
                #expect(listed.contains(odd) && listed.contains(plain), "\(format): \(listed)")
            }
            try office.ok("case", "show", odd, "--format", "json")
        }
    }

    /// A horizon of Int.max working days overflowed the calendar and crashed the list.
    @Test func aDueWithinHorizonOutOfRangeIsAUsageError() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            _ = try office.openCase()
            for days in ["9223372036854775807", "10001", "-1"] {
                try refuses(office, ["case", "list", "--due-within", days], status: 2, mentioning: "--due-within")
            }
            #expect(try office.ok("case", "list", "--due-within", "10000", "--as-of", "2026-02-26").contains("HRC-"))
        }
    }

    @Test func impossibleDatesAndUnknownTimeZonesAreUsageErrors() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try refuses(
                office, ["case", "acknowledge", reference, "--at", "2026-02-30"], status: 2, mentioning: "2026-02-30")
            try refuses(
                office,
                [
                    "case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--received-at",
                    "2026-02-30",
                ],
                status: 2, mentioning: "2026-02-30")
            try refuses(
                office, ["office", "set", "--time-zone", "Mars/Olympus"], status: 2, mentioning: "Mars/Olympus")
            try refuses(office, ["office", "set", "--week-mask", "Funday"], status: 2, mentioning: "Funday")
            try refuses(
                office, ["calendar", "add", "2026-13-01", "Thirteenth month"], status: 2, mentioning: "2026-13-01")
            try refuses(
                office, ["case", "acknowledge", reference, "--at", "2025-01-01"], status: 2, mentioning: "received")
        }
    }

    @Test func sqlInFieldsIsStoredVerbatim() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let hostile = "'); DROP TABLE case_event; --"
            let reference = try office.owner.run([
                "case", "open", "--complainant", "Robert'); DROP TABLE staff;--", "--respondent", hostile,
                "--summary", hostile, "--received-at", "2026-03-02",
            ]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = try office.show(reference)
            #expect(shown["summary"] as? String == hostile)
            #expect((shown["respondent"] as? [String: Any])?["name"] as? String == hostile)
            try office.ok("case", "note", reference, hostile, "--at", "2026-03-03")
            let stored = try db.withConnection {
                try $0.query("SELECT body FROM case_note").map { try $0.decode(String.self, at: 0) }
            }
            #expect(stored == [hostile])
            // Adding the fixture's login, opening the case and the note.
            #expect(try office.counts()["case_event"] == 3)
        }
    }

    @Test func lateFilingNeedsAReason() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let base = [
                "case", "open", "--complainant", "A", "--respondent", "City", "--summary", "Old matter",
                "--received-at", "2026-03-02", "--incident-date", "2024-12-01",
            ]
            try refuses(office, base, status: 4, mentioning: "--accept-late")
            let reference = try office.ok(base + ["--accept-late", "--reason", "complainant was in hospital"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = try office.show(reference)
            #expect(shown["late_filing"] as? Bool == true)
            #expect(shown["late_filing_reason"] as? String == "complainant was in hospital")
        }
    }

    @Test func informationRequestsAreLimitedToTwo() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            for (asked, answered) in [("2026-03-04", "2026-03-05"), ("2026-03-06", "2026-03-09")] {
                try office.ok("case", "request-info", reference, "--what", "the tenancy contract", "--at", asked)
                try office.ok("case", "info-received", reference, "--at", answered)
            }
            try refuses(
                office, ["case", "request-info", reference, "--what", "a third paper", "--at", "2026-03-10"], status: 4,
                mentioning: "2 information requests")
        }
    }

    /// The letter needs to say what is asked for: a request without it (or with only spaces), by
    /// request-info or by a plain move, is refused before anything is written.
    @Test func anInformationRequestMustSayWhatIsAskedFor() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            for arguments in [
                ["case", "request-info", reference], ["case", "request-info", reference, "--what", "  "],
                ["case", "move", reference, "--to", "awaiting_info"],
            ] {
                try refuses(
                    office, arguments + ["--at", "2026-03-04"], status: 2, mentioning: "must say what is asked for")
            }
            #expect(try office.show(reference)["status"] as? String == "triage")
        }
    }

    @Test func invalidUTF8AndOversizedFilesAreRefused() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data("date,name\n2026-05-05,Children\u{2019}s Day\n2026-05-06,".utf8 + [0xC3, 0x28] + Data("\n".utf8))
                .write(to: file)
            try refuses(office, ["calendar", "import", file.path], status: 2, mentioning: "not valid UTF-8")
            try refuses(office, ["case", "import", file.path], status: 2, mentioning: "not valid UTF-8")
            try refuses(
                office, ["calendar", "import", "/nonexistent/holidays.csv"], status: 2,
                mentioning: "/nonexistent/holidays.csv")
            // A sparse file of 300 MiB: refused by its size before anything is read.
            let huge = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: huge) }
            _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
            let handle = try FileHandle(forWritingTo: huge)
            try handle.truncate(atOffset: 300 << 20)
            try handle.close()
            try refuses(office, ["case", "import", huge.path], status: 2, mentioning: "256 MiB")
        }
    }
}
