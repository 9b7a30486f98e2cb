import Foundation
import Postgres
import RedressTesting
import Testing

/// Bad input gets one sentence on stderr, its own exit code, and writes nothing.
@Suite struct BadInputTests {
    func refuses(_ office: OfficeFixture, _ arguments: [String], status: Int32, mentioning text: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try office.counts()
        let result = try office.owner.run(arguments)
        #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try office.counts() == before, sourceLocation: sourceLocation)
    }

    @Test func unknownReferenceIsNotFound() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            try refuses(office, ["case", "show", "HRC-2026-000999"], status: 3, mentioning: "HRC-2026-000999")
            try refuses(office, ["case", "acknowledge", "HRC-2026-000999"], status: 3, mentioning: "HRC-2026-000999")
            try refuses(office, ["case", "show", "not-a-reference"], status: 2, mentioning: "PREFIX-YYYY-NNNNNN")
        }
    }

    @Test func illegalMoveIsRefusedNamingTheAllowedOnes() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let reference = try office.openCase()
            try refuses(office, ["case", "move", reference, "--to", "decided", "--outcome", "upheld", "--at", "2026-03-02"],
                        status: 4, mentioning: "from received it can move to triage or closed")
            try refuses(office, ["case", "close", reference, "--outcome", "upheld", "--at", "2026-03-02"],
                        status: 4, mentioning: "withdrawn")
            try refuses(office, ["case", "move", reference, "--to", "nowhere"], status: 2, mentioning: "nowhere")
        }
    }

    /// A horizon of Int.max working days overflowed the calendar and crashed the list.
    @Test func aDueWithinHorizonOutOfRangeIsAUsageError() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            _ = try office.openCase()
            for days in ["9223372036854775807", "10001", "-1"] {
                try refuses(office, ["case", "list", "--due-within", days], status: 2, mentioning: "--due-within")
            }
            #expect(try office.ok("case", "list", "--due-within", "10000", "--as-of", "2026-02-26").contains("HRC-"))
        }
    }

    @Test func impossibleDatesAndUnknownTimeZonesAreUsageErrors() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let reference = try office.openCase()
            try refuses(office, ["case", "acknowledge", reference, "--at", "2026-02-30"], status: 2, mentioning: "2026-02-30")
            try refuses(office, ["case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--received-at", "2026-02-30"],
                        status: 2, mentioning: "2026-02-30")
            try refuses(office, ["office", "set", "--time-zone", "Mars/Olympus"], status: 2, mentioning: "Mars/Olympus")
            try refuses(office, ["office", "set", "--week-mask", "Funday"], status: 2, mentioning: "Funday")
            try refuses(office, ["calendar", "add", "2026-13-01", "Thirteenth month"], status: 2, mentioning: "2026-13-01")
            try refuses(office, ["case", "acknowledge", reference, "--at", "2025-01-01"], status: 2, mentioning: "received")
        }
    }

    @Test func sqlInFieldsIsStoredVerbatim() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let hostile = "'); DROP TABLE case_event; --"
            let reference = try office.owner.run(["case", "open", "--complainant", "Robert'); DROP TABLE staff;--", "--respondent", hostile,
                                                  "--summary", hostile, "--received-at", "2026-03-02"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = try office.show(reference)
            #expect(shown["summary"] as? String == hostile)
            #expect((shown["respondent"] as? [String: Any])?["name"] as? String == hostile)
            try office.ok("case", "note", reference, hostile, "--at", "2026-03-03")
            let stored = try db.withConnection { try $0.query("SELECT body FROM case_note").map { try $0.decode(String.self, at: 0) } }
            #expect(stored == [hostile])
            #expect(try office.counts()["case_event"] == 2)
        }
    }

    @Test func lateFilingNeedsAReason() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let base = ["case", "open", "--complainant", "A", "--respondent", "City", "--summary", "Old matter",
                        "--received-at", "2026-03-02", "--incident-date", "2024-12-01"]
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
            let office = OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            for (asked, answered) in [("2026-03-04", "2026-03-05"), ("2026-03-06", "2026-03-09")] {
                try office.ok("case", "request-info", reference, "--what", "the tenancy contract", "--at", asked)
                try office.ok("case", "info-received", reference, "--at", answered)
            }
            try refuses(office, ["case", "request-info", reference, "--what", "a third paper", "--at", "2026-03-10"], status: 4,
                        mentioning: "2 information requests")
        }
    }

    /// The letter needs to say what is asked for: a request without it (or with only spaces), by
    /// request-info or by a plain move, is refused before anything is written.
    @Test func anInformationRequestMustSayWhatIsAskedFor() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            for arguments in [["case", "request-info", reference], ["case", "request-info", reference, "--what", "  "],
                              ["case", "move", reference, "--to", "awaiting_info"]] {
                try refuses(office, arguments + ["--at", "2026-03-04"], status: 2, mentioning: "must say what is asked for")
            }
            #expect(try office.show(reference)["status"] as? String == "triage")
        }
    }

    @Test func invalidUTF8AndOversizedFilesAreRefused() throws {
        try withTestDatabase { db in
            let office = OfficeFixture(db)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data("date,name\n2026-05-05,Children\u{2019}s Day\n2026-05-06,".utf8 + [0xC3, 0x28] + Data("\n".utf8)).write(to: file)
            try refuses(office, ["calendar", "import", file.path], status: 2, mentioning: "not valid UTF-8")
            try refuses(office, ["case", "import", file.path], status: 2, mentioning: "not valid UTF-8")
            try refuses(office, ["calendar", "import", "/nonexistent/holidays.csv"], status: 2, mentioning: "/nonexistent/holidays.csv")
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
