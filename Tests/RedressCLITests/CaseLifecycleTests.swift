import Foundation
import Postgres
import RedressTesting
import Testing

@Suite struct CaseLifecycleTests {
    /// A complaint from intake to closing on a Seoul calendar with holidays; every due date is
    /// worked out by hand below and compared with `case show --format json`.
    ///
    /// Working days are Mon-Fri minus 2026-03-02 (substitute holiday), 05-05 (Children's Day),
    /// 05-25 (substitute for Buddha's Birthday), 06-03 (local elections); 03-01 and 06-06 fall
    /// on a weekend.
    @Test func intakeToClosingKeepsEveryClockOnTheCalendar() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()

            // Received Thursday 2026-02-26, 10:00 Seoul.
            // acknowledge, 3 WD: Fri 02-27 (1), [Mon 03-02 holiday], Tue 03-03 (2), Wed 03-04 (3) → 2026-03-04.
            // triage, 10 WD: 02-27, 03-03, 03-04, 03-05, 03-06, 03-09, 03-10, 03-11, 03-12, 03-13 → 2026-03-13.
            let reference = try office.openCase()
            #expect(reference.hasPrefix("HRC-2026-"))
            var shown = try office.show(reference, asOf: "2026-02-27")
            #expect(shown["status"] as? String == "received")
            #expect(office.clock(shown, "acknowledge")["due_date"] as? String == "2026-03-04")
            #expect(office.clock(shown, "triage")["due_date"] as? String == "2026-03-13")
            #expect(
                (office.clock(shown, "triage")["allowance"] as? [String: Any])?["unit"] as? String == "working_days")
            #expect((office.clock(shown, "triage")["allowance"] as? [String: Any])?["amount"] as? Int == 10)

            // Acknowledged Tue 03-03: acknowledge met on time.
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            // Information requested Thu 03-05: triage pauses (no due date while paused);
            // info_response, 10 WD from 03-05: 03-06, 09, 10, 11, 12, 13, 16, 17, 18, 19 → 2026-03-19.
            try office.ok("case", "request-info", reference, "--at", "2026-03-05", "--what", "the tenancy contract")
            shown = try office.show(reference, asOf: "2026-03-06")
            #expect(shown["status"] as? String == "awaiting_info")
            #expect(office.clock(shown, "acknowledge")["status"] as? String == "met")
            #expect(office.clock(shown, "acknowledge")["met_date"] as? String == "2026-03-03")
            #expect(office.clock(shown, "triage")["status"] as? String == "paused")
            #expect(office.clock(shown, "triage")["due_date"] is NSNull)
            #expect(office.clock(shown, "info_response")["due_date"] as? String == "2026-03-19")

            // Answer received Tue 03-10: the pause [03-05, 03-10) holds 3 working days (05, 06, 09),
            // so triage is due 3 WD after 03-13: 03-16, 03-17, 03-18 → 2026-03-18.
            try office.ok("case", "info-received", reference, "--at", "2026-03-10")
            shown = try office.show(reference, asOf: "2026-03-10")
            #expect(shown["status"] as? String == "triage")
            #expect(office.clock(shown, "triage")["due_date"] as? String == "2026-03-18")
            #expect(office.clock(shown, "triage")["paused_days"] as? Int == 3)
            #expect(office.clock(shown, "info_response")["status"] as? String == "met")

            // Investigation opened Mon 03-16: triage met. respondent_response, 20 WD from 03-16:
            // 03-17..20 (4), 03-23..27 (9), 03-30..04-03 (14), 04-06..10 (19), 04-13 (20) → 2026-04-13.
            // investigation, 60 WD: 04-14..17 (24), 04-20..24 (29), 04-27..05-01 (34), 05-04 (35),
            // [05-05], 05-06..08 (38), 05-11..15 (43), 05-18..22 (48), [05-25], 05-26..29 (52),
            // 06-01..02 (54), [06-03], 06-04..05 (56), 06-08..11 (60) → 2026-06-11.
            try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-16")
            shown = try office.show(reference, asOf: "2026-03-16")
            #expect(office.clock(shown, "triage")["status"] as? String == "met")
            #expect(office.clock(shown, "respondent_response")["due_date"] as? String == "2026-04-13")
            #expect(office.clock(shown, "investigation")["due_date"] as? String == "2026-06-11")

            // A supervisor may not extend the investigation (the ombudsperson approves): exit 4, nothing written.
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            var before = try office.counts()
            var refused = try supervisor.binary.run([
                "case", "extend", reference, "--clock", "investigation", "--days", "20",
                "--reason", "expert report outstanding", "--at", "2026-04-01",
            ])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("ombudsperson"))
            #expect(try office.counts() == before)

            // --amount has an old name, --days (the refusal above used it); both at once are a usage error.
            let both = try office.run(
                "case", "extend", reference, "--clock", "investigation", "--amount", "20", "--days", "20",
                "--reason", "expert report outstanding", "--at", "2026-04-01")
            #expect(both.status == 2, "\(both)")
            #expect(try office.counts() == before)

            // The ombudsperson (the owner) extends it by 20 WD on 04-01: 06-12 (61), 06-15..19 (66),
            // 06-22..26 (71), 06-29..07-03 (76), 07-06..09 (80) → 2026-07-09; an extension letter is queued.
            try office.ok(
                "case", "extend", reference, "--clock", "investigation", "--amount", "20",
                "--reason", "expert report outstanding", "--at", "2026-04-01")
            shown = try office.show(reference, asOf: "2026-04-01")
            let investigation = office.clock(shown, "investigation")
            #expect(investigation["due_date"] as? String == "2026-07-09")
            let extensions = investigation["extensions"] as? [[String: Any]] ?? []
            #expect(extensions.count == 1)
            #expect(extensions.first?["amount"] as? Int == 20)
            let letter: [String] = try db.withConnection { connection in
                let rows = try connection.query(
                    "SELECT audience, data ->> 'new_due_date', data ->> 'clock' FROM notice WHERE kind = 'extension_letter'"
                )
                return try rows.map { row in try (0..<3).map { try row.decode(String.self, at: $0) } }.first ?? []
            }
            #expect(letter == ["complainant", "2026-07-09", "investigation"])

            // Extending respondent_response after it expired (due 04-13, asked 04-20) is refused: exit 4.
            before = try office.counts()
            refused = try office.run(
                "case", "extend", reference, "--clock", "respondent_response", "--days", "5",
                "--reason", "late", "--at", "2026-04-20")
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("2026-04-13"))
            #expect(try office.counts() == before)

            // The explanation names the holidays it skipped.
            let explained = try office.ok("case", "explain", reference, "--clock", "investigation")
            #expect(explained.contains("Children's Day (KR national)"))
            #expect(explained.contains("Substitute holiday for Buddha's Birthday (KR national)"))
            #expect(explained.contains("Local elections (KR national)"))
            #expect(explained.contains("2026-07-09"))

            // Decided (upheld) Mon 06-01: investigation met; respondent_response cancelled;
            // respondent_reply, 30 CD from 06-01 → 07-01, a Wednesday → 2026-07-01.
            try office.ok("case", "move", reference, "--to", "decided", "--outcome", "upheld", "--at", "2026-06-01")
            shown = try office.show(reference, asOf: "2026-06-01")
            #expect(office.clock(shown, "investigation")["status"] as? String == "met")
            #expect(office.clock(shown, "investigation")["met_date"] as? String == "2026-06-01")
            #expect(office.clock(shown, "respondent_response")["status"] as? String == "cancelled")
            #expect(office.clock(shown, "respondent_reply")["due_date"] as? String == "2026-07-01")
            #expect(
                (office.clock(shown, "respondent_reply")["allowance"] as? [String: Any])?["unit"] as? String
                    == "calendar_days")

            // Closed on 06-05: the respondent's reply is met and nothing runs any more.
            try office.ok("case", "close", reference, "--outcome", "upheld", "--at", "2026-06-05")
            shown = try office.show(reference, asOf: "2026-06-05")
            #expect(shown["status"] as? String == "closed")
            #expect(shown["outcome"] as? String == "upheld")
            let clocks = shown["clocks"] as? [[String: Any]] ?? []
            #expect(clocks.allSatisfy { ["met", "met_late", "cancelled"].contains($0["status"] as? String ?? "") })
            #expect(shown["version"] as? Int == 8)

            let kinds = try db.withConnection {
                try $0.query("SELECT kind FROM notice ORDER BY id").map { try $0.decode(String.self, at: 0) }
            }
            #expect(
                kinds == ["acknowledgement", "information_request", "route_decision", "extension_letter", "closure"])
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 0, "\(verify)")
        }
    }

    /// Adding a holiday moves the running clocks it touches and says which cases moved.
    @Test func addingAHolidayRecomputesRunningClocks() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            // Received Thu 03-05: triage 10 WD → 03-06, 09..13, 16..19 → 2026-03-19.
            let reference = try office.openCase(receivedAt: "2026-03-05T09:00+09:00")
            #expect(office.clock(try office.show(reference), "triage")["due_date"] as? String == "2026-03-19")
            // A holiday on Wed 03-11 pushes it one working day: 2026-03-20.
            let added = try office.ok("calendar", "add", "2026-03-11", "Office foundation day")
            #expect(added.contains(reference))
            #expect(added.contains("2026-03-19"))
            #expect(added.contains("2026-03-20"))
            #expect(office.clock(try office.show(reference), "triage")["due_date"] as? String == "2026-03-20")
            let removed = try office.ok("calendar", "remove", "2026-03-11")
            #expect(removed.contains(reference))
            #expect(office.clock(try office.show(reference), "triage")["due_date"] as? String == "2026-03-19")
            let history = try office.ok("case", "history", reference)
            #expect(history.contains("due_dates_moved"))
            // Recomputations are not changes of the case: paper records may still be entered after
            // them. A complainant not yet acknowledged gets no correction: the acknowledgement
            // gives the dates.
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-06")
            let notices = try db.withConnection {
                try $0.query("SELECT kind FROM notice ORDER BY id").map { try $0.decode(String.self, at: 0) }
            }
            #expect(notices == ["acknowledgement"])
        }
    }

    /// A correction not yet sent is replaced by the next one, none is left when the dates are
    /// back where they were, and none goes out ahead of the acknowledgement.
    @Test func correctionsOfDueDatesCoalesce() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase(receivedAt: "2026-03-05T09:00+09:00")
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-06")
            func corrections() throws -> [String] {
                try db.withConnection {
                    try $0.query(
                        "SELECT state || ' ' || (data -> 'clocks')::text FROM notice WHERE kind = 'corrected_due_dates' ORDER BY id"
                    ).map { try $0.decode(String.self, at: 0) }
                }
            }
            // Toggling the week there and back leaves no correction pending.
            try office.ok("office", "set", "--week-mask", "Mon-Thu")
            #expect(try corrections().filter { $0.hasPrefix("pending") }.count == 1)
            try office.ok("office", "set", "--week-mask", "Mon-Fri")
            let toggled = try corrections()
            #expect(toggled.count == 1 && toggled.allSatisfy { $0.hasPrefix("cancelled") }, "\(toggled)")
            #expect(try office.ok("case", "history", reference).contains("replaced_notices"))
            // Two holidays make one letter, from the first date to the last.
            try office.ok("calendar", "add", "2026-03-11", "Office foundation day")
            try office.ok("calendar", "add", "2026-03-12", "Second day")
            let pending = try corrections().filter { $0.hasPrefix("pending") }
            #expect(pending.count == 1, "\(pending)")
            #expect(pending.first?.contains("2026-03-19") == true, "\(pending)")
            #expect(pending.first?.contains("2026-03-23") == true, "\(pending)")
            // While the acknowledgement waits to be retried, the correction waits with it.
            _ = try db.withConnection {
                try $0.execute(
                    "UPDATE notice SET next_attempt_at = now() + interval '1 hour' WHERE kind = 'acknowledgement'")
            }
            let folder = try NoticeFixture.temporaryFolder("coalesce")
            defer { try? FileManager.default.removeItem(at: folder) }
            let sent = try office.run(
                "notices", "send", "--via", "cat >> '\(folder.appendingPathComponent("out").path)'")
            #expect(sent.status == 0, "\(sent)")
            #expect(try corrections().filter { $0.hasPrefix("pending") }.count == 1)
            #expect(try office.ok("calendar", "remove", "2026-03-12").contains(reference))
            #expect(try corrections().filter { $0.hasPrefix("pending") }.count == 1)
        }
    }
}
