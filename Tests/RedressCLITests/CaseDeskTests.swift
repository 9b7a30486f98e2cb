import Foundation
import Postgres
import RedressTesting
import Testing

/// What a caseworker reads at the desk: notes in `case show`, times in office time, item
/// numbers on remedy clocks, who the letters name as handling a case, `--version`.
@Suite struct CaseDeskTests {
    /// Notes recorded outside mediation are in `case show`, text and JSON, with their author
    /// and the office's local time; notes recorded in mediation stay in the mediation section.
    @Test func caseShowListsNotesInOfficeTime() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase(extra: ["--complainant", "Oh Jisu"])
            try office.ok("case", "note", reference, "Phoned the complainant; she will send the tenancy contract.")
            try office.ok("case", "note", reference, "Contract received by post.")
            let mediator = try office.staff("med", roles: ["caseworker"])
            try office.ok("case", "acknowledge", reference)
            try office.ok("mediation", "offer", reference, "--mediator", mediator.login)
            try office.ok("case", "note", reference, "Said in mediation: the landlord would repay half.")

            let shown = try office.show(reference)
            #expect(shown["time_zone"] as? String == "Asia/Seoul")
            let notes = shown["notes"] as? [[String: Any]] ?? []
            #expect(
                notes.map { $0["text"] as? String } == [
                    "Phoned the complainant; she will send the tenancy contract.", "Contract received by post.",
                ])
            #expect(notes.allSatisfy { $0["author"] as? String == office.login })
            let notedAt = try #require(notes.first?["noted_at"] as? String)
            #expect(notedAt.hasSuffix("Z"), "JSON instants stay in UTC: \(notedAt)")
            let mediationNotes = (shown["mediation"] as? [String: Any])?["notes"] as? [[String: Any]] ?? []
            #expect(
                mediationNotes.map { $0["text"] as? String } == ["Said in mediation: the landlord would repay half."])

            let text = try office.ok("case", "show", reference)
            let lines = text.split(separator: "\n").map(String.init)
            let noteLines = lines.filter { $0.hasPrefix("Note:") }
            #expect(noteLines.count == 3, "\(text)")
            #expect(noteLines.allSatisfy { $0.contains(" +09:00 \(office.login): ") }, "\(noteLines)")
            #expect(noteLines.first?.hasSuffix("Phoned the complainant; she will send the tenancy contract.") == true)
            // A second complainant runs on under the first, without a stray colon.
            let complainants = lines.drop { !$0.hasPrefix("Complainant:") }.prefix(2)
            #expect(complainants.last == String(repeating: " ", count: 14) + "Oh Jisu", "\(text)")
            #expect(!text.contains("\n:"), "\(text)")

            // Another caseworker may not read what was said in mediation, but sees the other notes.
            let other = try office.staff("other", roles: ["caseworker"])
            let seen = try office.show(reference, binary: other.binary)
            #expect((seen["notes"] as? [[String: Any]])?.count == 2)
            #expect((seen["mediation"] as? [String: Any])?["notes_withheld"] as? Bool == true)
            let otherText = try other.binary.run(["case", "show", reference])
            #expect(!otherText.stdout.contains("repay half"), "\(otherText)")
        }
    }

    /// `case history` and mediation sessions print the office's local time, not UTC.
    @Test func historyAndSessionsPrintOfficeTime() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let mediator = try office.staff("med", roles: ["caseworker"])
            let reference = try office.openCase(receivedAt: "2026-02-26T10:00+09:00")
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            try office.ok("mediation", "offer", reference, "--mediator", mediator.login, "--at", "2026-03-03")
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-04")
            try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-06")
            try office.ok(
                "mediation", "session", reference, "--time", "2026-03-12T10:00", "--place", "City Hall, room 3",
                "--mediator", mediator.login, "--at", "2026-03-09")

            let history = try office.ok("case", "history", reference)
            #expect(history.contains("2026-02-26 10:00:00 +09:00"), "\(history)")
            #expect(!history.contains("2026-02-26T01:00:00Z"), "\(history)")
            let shown = try office.ok("case", "show", reference)
            #expect(
                shown.contains("Session:      2026-03-12 10:00:00 +09:00 at City Hall, room 3 with \(mediator.login)"),
                "\(shown)")
        }
    }

    /// A remedy clock names its item in `case show` and in every form of the deadline report.
    @Test func remedyClocksCarryTheirItemNumber() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let mediator = try office.staff("med", roles: ["caseworker"])
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            try office.ok("mediation", "offer", reference, "--mediator", mediator.login, "--at", "2026-03-03")
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-04")
            try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-06")
            try office.ok(
                "mediation", "settle", reference, "--term", "apology: A written apology from the director",
                "--term", "financial 300000 KRW: The deposit withheld, repaid", "--at", "2026-04-02")

            let shown = try office.ok("case", "show", reference, "--as-of", "2026-04-02")
            #expect(shown.contains("remedy #1"), "\(shown)")
            #expect(shown.contains("remedy #2"), "\(shown)")

            // Remedy clocks are due 2026-04-30: due soon on 04-28.
            let text = try office.ok("report", "deadlines", "--as-of", "2026-04-28")
            #expect(text.contains("remedy #1") && text.contains("remedy #2"), "\(text)")
            let html = try office.ok("report", "deadlines", "--as-of", "2026-04-28", "--format", "html")
            #expect(html.contains(">remedy #2<"), "\(html)")
            let json = try office.ok("report", "deadlines", "--as-of", "2026-04-28", "--format", "json")
            #expect(json.contains("\"clock\":\"remedy\",\"subject\":2"), "\(json)")
            let csv = try office.ok("report", "deadlines", "--as-of", "2026-04-28", "--format", "csv")
            let header = csv.split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
            let subjectColumn = try #require(header.firstIndex(of: "subject"))
            let subjects = csv.split(separator: "\r\n").dropFirst().compactMap { line -> String? in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return cells.count > subjectColumn && cells[2] == "remedy" ? cells[subjectColumn] : nil
            }
            #expect(subjects.sorted() == ["1", "2"], "\(csv)")
        }
    }

    /// Until a case is assigned, its letters name the office as handling it: not the intake
    /// clerk who typed it in.
    @Test func lettersOfAnUnassignedCaseNameTheOffice() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok("office", "set", "--name", "Gwangju Human Rights Ombudsman")
            let clerk = try office.staff("clerk", roles: ["intake"])
            let reference = try office.openCase(binary: clerk.binary)
            try office.ok("case", "acknowledge", reference)
            let acknowledgement = try #require(
                try NoticeFixture.rows(db, where: "kind = 'acknowledgement' AND audience = 'complainant'").first)
            let letter = try NoticeFixture.decoded(
                Data(try office.ok("notices", "show", String(acknowledgement.id)).utf8)
            )
            .body
            .replacingOccurrences(of: "\n", with: " ")
            #expect(letter.contains("Gwangju Human Rights Ombudsman is handling it."), "\(letter)")
            #expect(!letter.contains(clerk.login), "\(letter)")

            // Once assigned, the assignee.
            let worker = try office.staff("worker", roles: ["caseworker"])
            try office.ok("case", "assign", reference, worker.login)
            try office.ok("case", "request-info", reference, "--what", "the tenancy contract")
            let request = try #require(
                try NoticeFixture.rows(db, where: "kind = 'information_request' AND audience = 'complainant'").first)
            let asked = try NoticeFixture.decoded(Data(try office.ok("notices", "show", String(request.id)).utf8)).body
                .replacingOccurrences(of: "\n", with: " ")
            #expect(asked.contains("contact \(worker.login)"), "\(asked)")
        }
    }

    /// `redress --version` names the release and the newest migration the binary carries.
    @Test func versionNamesReleaseAndSchema() throws {
        let migrations = try FileManager.default.contentsOfDirectory(
            atPath: NoticeFixture.packageRoot.appendingPathComponent("sql/migrations").path)
        let newest = migrations.compactMap { Int($0.prefix(4)) }.max() ?? 0
        let result = try RedressBinary(database: "postgresql:///nowhere").run(["--version"])
        #expect(result.status == 0, "\(result)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.hasPrefix("redress "), "\(version)")
        #expect(version.hasSuffix("(database schema \(newest))"), "\(version)")
    }
}
