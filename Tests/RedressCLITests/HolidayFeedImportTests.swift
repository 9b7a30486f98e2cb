import Foundation
import Postgres
import RedressTesting
import Testing

/// `calendar import` of iCalendar feeds through the built binary, against a real database.
@Suite struct HolidayFeedImportTests {
    static let feeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RedressCoreTests/Feeds")

    static func feed(_ name: String) -> String { feeds.appendingPathComponent(name).path }

    /// The holidays of `calendar-service-export.ics` as a CSV file, written out by hand.
    static let serviceExportAsCSV = """
        date,name
        2026-01-01,New Year's Day
        2027-01-01,New Year's Day
        2028-01-01,New Year's Day
        2026-03-01,Independence Movement Day
        2027-03-01,Independence Movement Day
        2028-03-01,Independence Movement Day
        2026-05-05,Children's Day
        2027-05-05,Children's Day
        2028-05-05,Children's Day
        2026-06-06,Memorial Day
        2027-06-06,Memorial Day
        2028-06-06,Memorial Day
        2026-08-15,Liberation Day
        2027-08-15,Liberation Day
        2028-08-15,Liberation Day
        2026-10-03,National Foundation Day
        2027-10-03,National Foundation Day
        2028-10-03,National Foundation Day; Chuseok
        2026-10-09,Hangul Day
        2027-10-09,Hangul Day
        2028-10-09,Hangul Day
        2026-12-25,Christmas Day
        2027-12-25,Christmas Day
        2028-12-25,Christmas Day
        2027-02-06,Seollal
        2027-02-07,Seollal
        2027-02-08,Seollal
        2027-05-13,Buddha's Birthday
        2027-08-16,Substitute holiday
        2027-10-04,Substitute holiday
        2027-10-11,Substitute holiday
        2027-12-27,Substitute holiday
        2027-09-14,Chuseok
        2027-09-15,Chuseok
        2027-09-16,Chuseok
        2028-10-02,Chuseok
        2028-10-04,Chuseok

        """

    static func temporaryFile(_ contents: some DataProtocol, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)\(suffix)")
        try Data(contents).write(to: url)
        return url
    }

    @Test func theThreeFeedsImportAndSayWhatEachEventGave() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let bank = try office.ok("calendar", "import", Self.feed("bank-holidays.ics"), "--calendar", "England")
            #expect(bank.contains("line 6 New Year’s Day: 1 holiday on 2026-01-01\n"), "\(bank)")
            #expect(bank.contains("line 126 Boxing Day (substitute day): 1 holiday on 2027-12-28\n"), "\(bank)")
            #expect(bank.contains("imported 16 holidays into England (16 new or renamed)"), "\(bank)")

            let service = try office.ok(
                "calendar", "import", Self.feed("calendar-service-export.ics"), "--calendar", "KR national")
            #expect(
                service.contains(
                    "line 9 New Year's Day: 3 holidays, 2026-01-01 to 2028-01-01 (yearly without end: expanded through 2028; --until YEAR for more)\n"
                ), "\(service)")
            #expect(service.contains("Seollal: 3 holidays, 2027-02-06 to 2027-02-08\n"), "\(service)")
            #expect(service.contains("Chuseok: 3 holidays, 2027-09-14 to 2027-09-16\n"), "\(service)")
            #expect(service.contains("Children's Day: 3 holidays, 2026-05-05 to 2028-05-05\n"), "\(service)")
            #expect(service.contains("imported 37 holidays into KR national (37 new or renamed)"), "\(service)")
            let listed = try office.ok("calendar", "list", "--format", "csv")
            #expect(listed.contains("2028-10-03,National Foundation Day; Chuseok,KR national"), "\(listed)")

            // The same file through 2030: the six rules without an end give two more years each.
            let further = try office.ok(
                "calendar", "import", Self.feed("calendar-service-export.ics"), "--calendar", "KR national",
                "--until", "2030")
            #expect(further.contains("expanded through 2030"), "\(further)")
            #expect(further.contains("imported 49 holidays into KR national (12 new or renamed)"), "\(further)")

            let desktop = try office.ok(
                "calendar", "import", Self.feed("desktop-calendar.ics"), "--calendar", "Gwangju")
            #expect(desktop.contains("Office closed; staff training on the new case system: 2 holidays"), "\(desktop)")
            #expect(desktop.contains("imported 6 holidays into Gwangju (6 new or renamed)"), "\(desktop)")
            let gwangju = try office.ok("calendar", "list", "--year", "2025", "--format", "csv")
            #expect(
                gwangju.contains("2025-11-02,광주광역시 인권옴부즈맨 사무소 창립기념일: 휴무 (the office's foundation day),Gwangju"),
                "\(gwangju)")
        }
    }

    /// Due dates on a calendar imported from a multi-day .ics are those on the same holidays in CSV.
    @Test func dueDatesOnAnImportedFeedEqualThoseOnTheSameHolidaysInCSV() throws {
        let csv = try Self.temporaryFile(Data(Self.serviceExportAsCSV.utf8), suffix: ".csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        // Received Tue 2026-12-01; acknowledged 12-02; investigation opened Thu 12-03.
        // investigation, 60 WD from 12-03, skipping 12-25, 2027-01-01, 02-08 (Seollal's Monday) and
        // 03-01: 12-04 (1), 12-07..11 (6), 12-14..18 (11), 12-21..24 (15), 12-28..31 (19),
        // 01-04..29 (39), 02-01..05 (44), 02-09..12 (48), 02-15..26 (58), 03-02 (59), 03-03 (60).
        func dueDates(_ file: String) throws -> [String: String] {
            try withTestDatabase { db in
                let office = try OfficeFixture(db)
                try office.ok("office", "set", "--time-zone", "Asia/Seoul", "--week-mask", "Mon-Fri")
                try office.ok("calendar", "import", file, "--calendar", "KR national")
                var dates: [String: String] = [:]
                for received in ["2026-11-20T10:00+09:00", "2026-12-01T10:00+09:00"] {
                    let reference = try office.openCase(receivedAt: received)
                    try office.ok("case", "acknowledge", reference, "--at", "2026-12-02")
                    let moved = try office.run("case", "move", reference, "--to", "investigation", "--at", "2026-12-03")
                    #expect(moved.status == 0 && moved.stderr.isEmpty, "\(moved)")
                    let shown = try office.show(reference, asOf: "2026-12-03")
                    for clock in shown["clocks"] as? [[String: Any]] ?? [] {
                        dates["\(received) \(clock["kind"]!)"] = clock["due_date"] as? String ?? "-"
                    }
                }
                return dates
            }
        }
        let fromFeed = try dueDates(Self.feed("calendar-service-export.ics"))
        let fromCSV = try dueDates(csv.path)
        #expect(fromFeed.count == 10)
        #expect(fromFeed == fromCSV)
        #expect(fromFeed["2026-12-01T10:00+09:00 investigation"] == "2027-03-03")
        #expect(fromFeed["2026-12-01T10:00+09:00 respondent_response"] == "2027-01-04")
    }

    @Test func badFeedsAreRefusedWithOneSentenceAndWriteNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let before = try office.counts()
            let service = try Data(contentsOf: Self.feeds.appendingPathComponent("calendar-service-export.ics"))
            let text = String(decoding: service, as: UTF8.self)
            var invalidUTF8 = Array(service)
            invalidUTF8.insert(0xC3, at: Array(service).firstRange(of: Array("SUMMARY:Seollal".utf8))!.upperBound)
            let cases: [(contents: Data, arguments: [String], says: String)] = [
                (
                    Data(
                        text.replacingOccurrences(of: "DTSTART;VALUE=DATE:20270513", with: "DTSTART:20270513T090000Z")
                            .utf8),
                    [], "Line 144: DTSTART 20270513T090000Z is a date and time"
                ),
                (
                    Data(
                        text.replacingOccurrences(of: "RRULE:FREQ=YEARLY;COUNT=3", with: "RRULE:FREQ=WEEKLY;COUNT=3")
                            .utf8),
                    [], "Line 42: RRULE FREQ=WEEKLY cannot be expanded"
                ),
                (
                    Data(text.replacingOccurrences(of: "BYMONTHDAY=1\r\n", with: "BYMONTHDAY=1;BYDAY=MO\r\n").utf8), [],
                    "the RRULE part BYDAY=MO cannot be expanded"
                ),
                (Data(invalidUTF8), [], "Line 140 is not valid UTF-8"),
                (
                    Data(
                        text.replacingOccurrences(
                            of: "SUMMARY:Seollal", with: "SUMMARY:" + String(repeating: "설", count: 300_000)
                        )
                        .utf8), [], "the most is 1000 characters"
                ),
                (
                    Data(
                        text.replacingOccurrences(
                            of: "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
                            with:
                                "RRULE:FREQ=YEARLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31"
                        ).utf8),
                    ["--until", "2200"], "expands to more than 50000 holidays"
                ),
                (Data(text.replacingOccurrences(of: "END:VCALENDAR\r\n", with: "").utf8), [], "is never closed"),
                (service, ["--until", "0"], "--until takes a year"),
                (service, ["--format", "csv"], "CSV file needs a header line"),
            ]
            for item in cases {
                let file = try Self.temporaryFile(item.contents, suffix: ".ics")
                defer { try? FileManager.default.removeItem(at: file) }
                let result = try office.owner.run(["calendar", "import", file.path] + item.arguments)
                #expect(result.status == 2, "\(item.says): \(result)")
                #expect(result.stderr.contains(item.says), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one sentence: \(result.stderr)")
                #expect(result.stdout.isEmpty, "\(result.stdout)")
            }
            let csv = try Self.temporaryFile(Data(Self.serviceExportAsCSV.utf8), suffix: ".csv")
            defer { try? FileManager.default.removeItem(at: csv) }
            let untilOnCSV = try office.run("calendar", "import", csv.path, "--until", "2030")
            #expect(untilOnCSV.status == 2 && untilOnCSV.stderr.contains("--until applies to iCalendar"))
            #expect(try office.counts() == before, "nothing was written")
        }
    }
}
