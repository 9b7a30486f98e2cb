import Foundation
import Postgres
import RedressTesting
import Testing

/// Years with no holidays loaded: named by `calendar status`, the deadline report, and on
/// stderr by commands that compute due dates, through the built binary.
@Suite struct CalendarStatusTests {
    @Test func yearsWithoutHolidaysAreNamedByStatusTheReportAndCommandsThatComputeDueDates() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            #expect(try office.ok("calendar", "status") == "No clock is running.\n")

            // No holidays at all: opening a case warns, on stderr, and succeeds.
            let opened = try office.run(
                "case", "open", "--complainant", "Kim Minji", "--respondent", "Gwangju City Housing Corporation",
                "--summary", "Eviction without notice", "--received-at", "2026-02-26T10:00+09:00")
            #expect(opened.status == 0, "\(opened)")
            #expect(
                opened.stderr
                    == "redress: warning: no holidays are loaded for 2026, so every weekday in it counts as a working day (import them with 'redress calendar import FILE').\n"
            )
            let first = opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try office.ok(
                "case", "close", first, "--outcome", "withdrawn", "--reason", "The complainant withdrew.", "--at",
                "2026-02-27")

            // 2026's holidays loaded: a 60-working-day investigation opened in December reaches 2027.
            try office.useSeoulCalendar()
            let reference = try office.openCase(receivedAt: "2026-12-01T10:00+09:00")
            try office.ok("case", "acknowledge", reference, "--at", "2026-12-02")
            let moved = try office.run("case", "move", reference, "--to", "investigation", "--at", "2026-12-03")
            #expect(moved.status == 0, "\(moved)")
            #expect(moved.stderr.contains("warning: no holidays are loaded for 2027"), "\(moved)")
            #expect(moved.stderr.split(separator: "\n").count == 1)
            let explained = try office.run("case", "explain", reference, "--clock", "investigation")
            #expect(explained.status == 0 && explained.stderr.contains("for 2027"), "\(explained)")
            let noted = try office.run("case", "note", reference, "Called the housing corporation.")
            #expect(noted.status == 0 && noted.stderr.isEmpty, "a note computes no due date: \(noted)")

            let status = try office.ok("calendar", "status")
            #expect(status.hasPrefix("Running clocks reach from 2026-12-03 to 2027-"), "\(status)")
            #expect(status.contains("No holidays are loaded for 2027"), "\(status)")
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try office.ok("calendar", "status", "--format", "json").utf8))
                    as? [String: Any])
            #expect(json["years_without_holidays"] as? [Int] == [2027])
            #expect(json["from"] as? String == "2026-12-03")
            #expect((json["years"] as? [[String: Any]])?.first?["holidays"] as? Int == 6)

            let report = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try office.ok("report", "deadlines", "--as-of", "2026-12-03", "--format", "json").utf8))
                    as? [String: Any])
            #expect(report["years_without_holidays"] as? [Int] == [2027])
            let text = try office.ok("report", "deadlines", "--as-of", "2026-12-03")
            #expect(
                text.contains(
                    "Warning: No holidays are loaded for 2027, so every weekday in it counts as a working day."),
                "\(text)")
            let html = try office.ok("report", "deadlines", "--as-of", "2026-12-03", "--format", "html")
            #expect(html.contains("<p class=\"warning\">Warning: No holidays are loaded for 2027"), "\(html)")

            // Loading 2027 ends every warning; the import says which cases it moved.
            let imported = try office.run(
                "calendar", "import", HolidayFeedImportTests.feed("calendar-service-export.ics"))
            #expect(imported.status == 0 && imported.stderr.isEmpty, "\(imported)")
            #expect(imported.stdout.contains("due dates moved on 1 case"), "\(imported)")
            #expect(try office.run("case", "explain", reference).stderr.isEmpty)
            let after = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try office.ok("report", "deadlines", "--as-of", "2026-12-03", "--format", "json").utf8))
                    as? [String: Any])
            #expect(after["years_without_holidays"] as? [Int] == [])
            #expect(!(try office.ok("report", "deadlines", "--as-of", "2026-12-03")).contains("Warning"))

            // Removing one of 2027's holidays leaves others: no warning.
            let removed = try office.run("calendar", "remove", "2027-01-01")
            #expect(removed.status == 0 && removed.stderr.isEmpty, "other 2027 holidays remain: \(removed)")
        }
    }
}
