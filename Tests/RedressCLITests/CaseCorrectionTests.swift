import Foundation
import Postgres
import RedressTesting
import Testing

/// `case update` and `party update`: what was entered at intake is corrected on the record,
/// before and after in the audit log (identities only as digests), by the roles that may.
@Suite struct CaseCorrectionTests {
    /// The data of the case's audit rows of `kind`, newest last.
    static func events(_ db: TestDatabase, _ reference: String, kind: String) throws -> [String] {
        try db.withConnection {
            try $0.query(
                """
                SELECT e.data::text FROM case_event e JOIN complaint_case c ON c.id = e.case_id
                WHERE c.reference = \(reference) AND e.kind = \(kind) ORDER BY e.id
                """
            ).map { try $0.decode(String.self, at: 0) }
        }
    }

    @Test func summaryCategoriesChannelAndIncidentDateAreCorrectedWithBeforeAndAfter() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let printed = try office.ok(
                "case", "update", reference, "--summary", "Eviction without written notice", "--add-category",
                "education", "--remove-category", "housing", "--channel", "post", "--incident-date", "2026-02-20",
                "--at", "2026-02-27")
            #expect(printed.hasPrefix("\(reference) received, version 2"), "\(printed)")
            let shown = try office.show(reference)
            #expect(shown["summary"] as? String == "Eviction without written notice")
            #expect(shown["categories"] as? [String] == ["education"])
            #expect(shown["channel"] as? String == "post")
            #expect(shown["incident_date"] as? String == "2026-02-20")
            let events = try Self.events(db, reference, kind: "case_corrected")
            #expect(events.count == 1)
            let data = try #require(
                try JSONSerialization.jsonObject(with: Data(events[0].utf8)) as? [String: Any])
            let changes = try #require(data["changes"] as? [String: Any])
            #expect((changes["summary"] as? [String: Any])?["from"] as? String == "Eviction without notice")
            #expect((changes["categories"] as? [String: Any])?["to"] as? [String] == ["education"])
            #expect((changes["channel"] as? [String: Any])?["from"] as? String == "web")
            // Replacing the set.
            try office.ok("case", "update", reference, "--category", "housing", "--category", "mobility")
            #expect(try office.show(reference)["categories"] as? [String] == ["housing", "mobility"])
        }
    }

    @Test func urgencyRecomputesTheRunningClocksAndSaysWhichDueDatesMoved() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            let before = try office.show(reference)
            let triageBefore = office.clock(before, "triage")["due_date"] as? String
            let printed = try office.ok("case", "update", reference, "--urgency", "urgent", "--at", "2026-02-27")
            #expect(printed.contains("due dates moved on 1 case"), "\(printed)")
            #expect(printed.contains("triage"), "\(printed)")
            let after = try office.show(reference)
            #expect(after["urgent"] as? Bool == true)
            let triage = office.clock(after, "triage")
            #expect(triage["urgent"] as? Bool == true)
            let triageAfter = try #require(triage["due_date"] as? String)
            #expect(triageAfter < (triageBefore ?? ""))
            #expect(printed.contains(triageAfter))
            let events = try Self.events(db, reference, kind: "case_corrected")
            #expect(events.count == 1 && events[0].contains("due_dates") && events[0].contains(triageAfter))
            // And back: the allowances follow the rule again.
            try office.ok("case", "update", reference, "--urgency", "normal", "--at", "2026-02-27T12:30")
            #expect(office.clock(try office.show(reference), "triage")["due_date"] as? String == triageBefore)
        }
    }

    /// The acceptance test of issue 17: a letter stuck for want of a postal address goes on the
    /// next export once the address is corrected.
    @Test func aCorrectedPostalAddressMakesAStuckLetterRender() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase(
                receivedAt: "2026-03-04T11:00+09:00", complainant: "Choi Yuna", extra: ["--contact", "post"])
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("letters-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let stuck = try office.run("notices", "export", "--letters", folder.path)
            #expect(stuck.stdout.contains("0 exported"), "\(stuck)")
            #expect((stuck.stdout + stuck.stderr).contains("postal address"), "\(stuck)")
            try office.ok(
                "party", "update", reference, "--complainant", "1", "--postal-address", "12 Geumnam-ro\nGwangju 61470")
            let exported = try office.ok("notices", "export", "--letters", folder.path)
            #expect(exported.contains("1 exported"), "\(exported)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.count == 1)
            let text = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(text.contains("12 Geumnam-ro") && text.contains("Choi Yuna"))
            // The audit row holds digests, not the address.
            let events = try Self.events(db, reference, kind: "party_corrected")
            #expect(events.count == 1)
            #expect(!events[0].contains("Geumnam") && events[0].contains("to_sha256"), "\(events[0])")
        }
    }

    @Test func partyDetailsAreCorrectedOnlyByWhoMaySeeThem() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let before = try office.counts()
            let refused = try caseworker.binary.run([
                "party", "update", reference, "--complainant", "1", "--email", "other@example.org",
            ])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
            #expect(try office.counts() == before)
            // Assigned, the caseworker may.
            try office.ok("case", "assign", reference, caseworker.login)
            let done = try caseworker.binary.run([
                "party", "update", reference, "--complainant", "1", "--email", "other@example.org", "--language", "ko",
            ])
            #expect(done.status == 0, "\(done)")
            let complainant = (try office.show(reference)["complainants"] as? [[String: Any]])?.first
            #expect(complainant?["email"] as? String == "other@example.org")
            #expect(complainant?["language"] as? String == "ko")
            let event = try #require(try Self.events(db, reference, kind: "party_corrected").last)
            #expect(!event.contains("other@example.org") && !event.contains("minji@example.org"))
            #expect(event.contains("\"from\": null") || event.contains("\"from\":null"), "\(event)")
        }
    }

    @Test func badCorrectionsAreRefusedAndWriteNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let intake = try office.staff("in", roles: ["intake"])
            let cases: [([String], Int32, String)] = [
                (["case", "update", "HRC-2026-000999", "--summary", "x"], 3, "HRC-2026-000999"),
                (["case", "update", reference, "--incident-date", "2026-02-30"], 2, "2026-02-30"),
                (["case", "update", reference, "--incident-date", "2026-03-30"], 2, "after the complaint"),
                (["case", "update", reference, "--add-category", "nonsense"], 2, "nonsense"),
                (["case", "update", reference, "--summary", "   "], 2, "summary"),
                (["case", "update", reference, "--summary", "Eviction without notice"], 2, "Nothing to change"),
                (["case", "update", reference], 2, "--summary"),
                (["case", "update", reference, "--summary", "a\u{1B}[2Jb"], 2, "U+001B"),
                (["party", "update", reference, "--complainant", "2", "--name", "X"], 3, "complainant 2"),
                (["party", "update", reference, "--representative", "--name", "X"], 3, "representative"),
                (
                    ["party", "update", reference, "--complainant", "1", "--email", "not-an-address"], 2,
                    "not-an-address"
                ),
                (["party", "update", reference, "--complainant", "1", "--contact-preference", "pigeon"], 2, "pigeon"),
                (["party", "update", reference, "--name", "X"], 2, "--complainant"),
            ]
            for (arguments, status, text) in cases {
                let before = try office.counts()
                let result = try office.owner.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                #expect(try office.counts() == before, "\(arguments)")
            }
            let byIntake = try intake.binary.run(["case", "update", reference, "--summary", "Changed"])
            #expect(byIntake.status == 4, "\(byIntake)")
            // SQL in a field is kept as text.
            let hostile = "'); DROP TABLE case_event; --"
            try office.ok("case", "update", reference, "--summary", hostile)
            #expect(try office.show(reference)["summary"] as? String == hostile)
        }
    }
}
