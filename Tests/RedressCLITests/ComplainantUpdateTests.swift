import Foundation
import Postgres
import RedressTesting
import Testing

/// The `complainant_update` clock (SPEC §2.4): no complainant goes 20 working days without an
/// update. On the fixture's Seoul calendar (Mon-Fri; 2026-03-02, 05-05, 05-25 and 06-03 off).
@Suite struct ComplainantUpdateTests {
    static let holidays: Set<String> = ["2026-03-02", "2026-05-05", "2026-05-25", "2026-06-03"]

    /// The working days after `start` (ISO dates), counted by hand rather than by Redress.
    static func workingDays(after start: String, count: Int) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let format = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
        var day = try! format.parse(start)
        var days: [String] = []
        while days.count < count {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            let iso = format.format(day)
            if !calendar.isDateInWeekend(day), !holidays.contains(iso) { days.append(iso) }
        }
        return days
    }

    /// Every calendar day from the day after `start` through `end`.
    static func days(after start: String, through end: String) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let format = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
        var day = try! format.parse(start)
        var days: [String] = []
        repeat {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            days.append(format.format(day))
        } while days.last! < end
        return days
    }

    /// The case's progress letters: id, the clock that sent it (null for none) and its due date.
    static func progressLetters(_ db: TestDatabase) throws -> [(id: Int, clock: String?, due: String?)] {
        try db.withConnection { connection in
            try connection.query(
                "SELECT id, data ->> 'clock', data ->> 'due_date' FROM notice WHERE kind = 'progress_update' ORDER BY id"
            ).map {
                (try $0.decode(Int.self, at: 0), try $0.decode(String?.self, at: 1), try $0.decode(String?.self, at: 2))
            }
        }
    }

    /// A quiet case (acknowledged, its triage paused by hand, nothing else happening) gets its
    /// update letter every 20 working days: a sweep every day over 80 working days queues
    /// exactly four, each on the 20th working day after the last, each rendered; after closing,
    /// none.
    @Test func aQuietCaseGetsAnUpdateEveryTwentyWorkingDaysAndNoneAfterClosing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-26T11:00+09:00")
            try office.ok(
                "case", "pause", reference, "--reason", "waiting for the court", "--at", "2026-02-26T12:00+09:00")
            let workingDays = Self.workingDays(after: "2026-02-26", count: 80)
            let expected = [workingDays[19], workingDays[39], workingDays[59], workingDays[79]]
            #expect(
                office.clock(try office.show(reference, asOf: "2026-02-27"), "complainant_update")["due_date"]
                    as? String == expected[0])
            for day in Self.days(after: "2026-02-26", through: workingDays[79]) {
                try office.ok("sweep", "--as-of", day)
            }
            let letters = try Self.progressLetters(db)
            #expect(letters.count == 4, "\(letters)")
            #expect(letters.allSatisfy { $0.clock == "complainant_update" })
            #expect(letters.map(\.due) == expected)
            let shown = try office.show(reference, asOf: workingDays[79])
            let clocks = (shown["clocks"] as? [[String: Any]] ?? []).filter {
                $0["kind"] as? String == "complainant_update"
            }
            // The first was met by the acknowledgement, the next four by the sweep's letters.
            #expect(clocks.map { $0["status"] as? String } == ["met", "met", "met", "met", "met", "running"])
            #expect(clocks.last?["start_date"] as? String == workingDays[79])

            for letter in letters {
                let rendered = try office.ok("notices", "show", String(letter.id))
                #expect(rendered.contains(reference), "\(rendered)")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("updates-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let exported = try office.ok("notices", "export", "--maildir", folder.path)
            // The acknowledgement and the four updates.
            #expect(exported.contains("5 exported, 0 to be retried, 0 failed"), "\(exported)")

            let closedOn = Self.workingDays(after: workingDays[79], count: 1)[0]
            try office.ok(
                "case", "close", reference, "--outcome", "withdrawn", "--reason", "the complainant withdrew",
                "--at", closedOn)
            let closed = try office.show(reference, asOf: closedOn)
            #expect(office.clock(closed, "complainant_update")["status"] as? String == "cancelled")
            let after = Self.workingDays(after: closedOn, count: 45)
            for day in Self.days(after: closedOn, through: after[44]) where day <= "2026-12-07" {
                try office.ok("sweep", "--as-of", day)
            }
            #expect(try Self.progressLetters(db).count == 4)
        }
    }

    /// Any notice queued to the complainant is their update: the clock is met that day and
    /// starts again, and the case's history says so.
    @Test func aNoticeToTheComplainantRestartsTheClock() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            var shown = try office.show(reference, asOf: "2026-02-26")
            #expect(
                office.clock(shown, "complainant_update")["due_date"] as? String
                    == Self.workingDays(after: "2026-02-26", count: 20).last)
            // The acknowledgement goes on 03-04, the information request on 03-10.
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-04")
            try office.ok("case", "request-info", reference, "--what", "the tenancy contract", "--at", "2026-03-10")
            shown = try office.show(reference, asOf: "2026-03-10")
            let clocks = (shown["clocks"] as? [[String: Any]] ?? []).filter {
                $0["kind"] as? String == "complainant_update"
            }
            #expect(clocks.map { $0["status"] as? String } == ["met", "met", "running"])
            #expect(clocks.map { $0["start_date"] as? String } == ["2026-02-26", "2026-03-04", "2026-03-10"])
            #expect(clocks.last?["due_date"] as? String == Self.workingDays(after: "2026-03-10", count: 20).last)
            let history = try office.ok("case", "history", reference, "--format", "json")
            let events = try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]] ?? []
            let requested = events.first { $0["kind"] as? String == "information_requested" }
            let effects = (requested?["data"] as? [String: Any])?["clocks"] as? [String: Any]
            #expect(effects?["met"] as? [String] == ["complainant_update"], "\(history)")
            #expect((effects?["started"] as? [String])?.contains("complainant_update") == true, "\(history)")

            // A holiday that moves the information request's due date queues a corrected letter,
            // which is an update too (made now, so the new clock starts today).
            try office.ok("calendar", "add", "2026-03-12", "Office closure", "--calendar", "KR national")
            let today = Date().formatted(
                Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Seoul")!).year().month().day()
                    .dateSeparator(.dash))
            shown = try office.show(reference, asOf: today)
            let corrected = (shown["clocks"] as? [[String: Any]] ?? []).filter {
                $0["kind"] as? String == "complainant_update"
            }
            #expect(corrected.map { $0["start_date"] as? String } == ["2026-02-26", "2026-03-04", "2026-03-10", today])
            let letters = try db.withConnection { connection in
                try connection.query("SELECT data::text FROM notice WHERE kind = 'corrected_due_dates'").map {
                    try $0.decode(String.self, at: 0)
                }
            }
            #expect(letters.count == 1)
            #expect(letters.allSatisfy { $0.contains("info_response") && !$0.contains("complainant_update") })
        }
    }

    /// On hold the clock stands still with the case, and runs on when the investigation resumes.
    @Test func theClockPausesWithTheCaseOnHold() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-04")
            try office.ok("case", "move", reference, "--to", "on_hold", "--at", "2026-03-09")
            var clock = office.clock(try office.show(reference, asOf: "2026-03-20"), "complainant_update")
            #expect(clock["status"] as? String == "paused")
            #expect(clock["due_date"] is NSNull)
            // Its 20 working days from the route decision (03-04) would have run out on 04-01;
            // standing still, it sends nothing.
            try office.ok("sweep", "--as-of", "2026-04-10")
            #expect(try Self.progressLetters(db).isEmpty)
            // Resumed Monday 04-13: 2 working days were used (03-05, 03-06), 18 are left from 04-13 on.
            try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-04-13")
            clock = office.clock(try office.show(reference, asOf: "2026-04-13"), "complainant_update")
            #expect(clock["status"] as? String == "running")
            #expect(clock["start_date"] as? String == "2026-03-04")
            #expect(clock["due_date"] as? String == Self.workingDays(after: "2026-04-10", count: 18).last)
        }
    }

    /// `db migrate` starts the clock of each open case that has none (opened before Redress ran
    /// it): from the last notice queued to the complainant, or else from receipt; paused with a
    /// case on hold; none for a closed case; each audited; a second run does nothing.
    @Test func migrateStartsTheClockOfOpenCasesThatHaveNone() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let quiet = try office.openCase()
            let written = try office.openCase()
            try office.ok("case", "acknowledge", written, "--at", "2026-03-03")
            let held = try office.openCase()
            try office.ok("case", "acknowledge", held, "--at", "2026-03-03")
            try office.ok("case", "move", held, "--to", "investigation", "--at", "2026-03-04")
            try office.ok("case", "move", held, "--to", "on_hold", "--at", "2026-03-05")
            let closed = try office.openCase()
            try office.ok(
                "case", "close", closed, "--outcome", "withdrawn", "--reason", "withdrawn by letter", "--at",
                "2026-03-03")
            // As if the cases had been opened before Redress ran the clock (clock rows are never
            // deleted: only with the table's triggers off, as the database's superuser).
            _ = try db.withConnection { connection in
                try connection.execute(
                    unsafeSQL: """
                        SET session_replication_role = replica;
                        DELETE FROM clock_pause WHERE clock_id IN (SELECT id FROM clock WHERE kind = 'complainant_update');
                        DELETE FROM clock WHERE kind = 'complainant_update';
                        SET session_replication_role = DEFAULT;
                        """)
            }

            let migrate = try RedressBinary(database: db.url).run(["db", "migrate"])
            #expect(migrate.status == 0, "\(migrate)")
            let today = Date().formatted(
                Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Seoul")!).year().month().day()
                    .dateSeparator(.dash))
            let fromReceipt = office.clock(try office.show(quiet, asOf: today), "complainant_update")
            #expect(fromReceipt["start_date"] as? String == "2026-02-26")
            #expect(fromReceipt["due_date"] as? String == Self.workingDays(after: "2026-02-26", count: 20).last)
            #expect(fromReceipt["status"] as? String == "breached")
            // The acknowledgement was queued today, whatever date it was entered for.
            let fromNotice = office.clock(try office.show(written, asOf: today), "complainant_update")
            #expect(fromNotice["start_date"] as? String == today)
            #expect(fromNotice["status"] as? String == "running")
            #expect(
                office.clock(try office.show(held, asOf: today), "complainant_update")["status"] as? String == "paused")
            #expect(office.clock(try office.show(closed, asOf: today), "complainant_update").isEmpty)
            let history = try office.ok("case", "history", quiet, "--format", "json")
            #expect(history.contains("update_clock_backfilled"), "\(history)")

            let before = try office.counts()
            let again = try RedressBinary(database: db.url).run(["db", "migrate"])
            #expect(again.status == 0, "\(again)")
            #expect(try office.counts() == before)
        }
    }
}
