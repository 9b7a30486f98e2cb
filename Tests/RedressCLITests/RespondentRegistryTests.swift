import Foundation
import Postgres
import RedressTesting
import Testing

/// The register of respondent bodies: one body per name whatever its case and spacing,
/// aliases, contact details, renames and merges that carry cases and statistics along.
@Suite struct RespondentRegistryTests {
    static func open(_ office: OfficeFixture, respondent: String, at: String = "2026-04-06T10:00+09:00") throws
        -> String
    {
        try office.ok(
            "case", "open", "--complainant", "Park Jiho", "--respondent", respondent, "--summary", "Bus stop removed",
            "--category", "mobility", "--received-at", at
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func list(_ office: OfficeFixture) throws -> [[String: Any]] {
        let json = try office.ok("respondent", "list", "--format", "json")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
    }

    /// The `received` figure of each respondent in `report stats --by respondent`.
    static func received(_ office: OfficeFixture) throws -> [String: Int] {
        let csv = try office.ok(
            "report", "stats", "--from", "2026-04-01", "--to", "2026-06-30", "--by", "respondent", "--format", "csv")
        var figures: [String: Int] = [:]
        for line in csv.split(separator: "\r\n") where line.hasPrefix("groups,respondent,") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count == 5, fields[3] == "received" { figures[String(fields[2])] = Int(fields[4]) }
        }
        return figures
    }

    @Test func intakeByAnotherCaseOrSpacingLandsOnOneBody() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            for name in [
                "Gwangju Metropolitan Transit", "Gwangju Metropolitan Transit ", "gwangju  metropolitan transit",
            ] {
                let reference = try Self.open(office, respondent: name)
                let shown = try office.show(reference)
                #expect((shown["respondent"] as? [String: Any])?["name"] as? String == "Gwangju Metropolitan Transit")
            }
            #expect(try Self.list(office).first?["cases"] as? Int == 3)
            // An import finds bodies the same way.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try """
            received_at,complainant,respondent,summary
            2026-04-07,Lee Sora,GWANGJU METROPOLITAN TRANSIT,Fare rise
            2026-04-07,Kang Min,Gwangju   Metropolitan Transit,Route cut
            """.write(to: file, atomically: true, encoding: .utf8)
            try office.ok("case", "import", file.path)
            let bodies = try Self.list(office)
            #expect(bodies.count == 1)
            #expect(bodies.first?["cases"] as? Int == 5)
            let refused = try office.run("respondent", "add", "  GWANGJU metropolitan Transit")
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("Gwangju Metropolitan Transit"))
        }
    }

    @Test func contactDetailsRenamesAndAliases() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok(
                "respondent", "add", "Gwangju  Water Board", "--email", "complaints@water.example",
                "--postal-address", "1 Water Road\nGwangju")
            try office.ok(
                "respondent", "update", "gwangju water board", "--head-of-body", "Director Park",
                "--head-of-body-email", "park@water.example", "--head-of-body-phone", "062 123 4567")
            try office.ok("respondent", "rename", "Gwangju Water Board", "Gwangju Water Authority")
            // Intake by the old name, in another case, lands on the renamed body.
            let reference = try Self.open(office, respondent: "GWANGJU WATER BOARD")
            let respondent = try #require(try office.show(reference)["respondent"] as? [String: Any])
            #expect(respondent["name"] as? String == "Gwangju Water Authority")
            #expect(respondent["postal_address"] as? String == "1 Water Road\nGwangju")
            #expect(respondent["head_of_body_name"] as? String == "Director Park")
            #expect(respondent["head_of_body_phone"] as? String == "062 123 4567")
            let body = try #require(try Self.list(office).first)
            #expect(body["aliases"] as? [String] == ["Gwangju Water Board"])
            let kinds = try db.withConnection {
                try $0.query(
                    "SELECT kind FROM case_event WHERE case_id IS NULL AND kind LIKE 'respondent%' ORDER BY id"
                )
                .map { try $0.decode(String.self, at: 0) }
            }
            #expect(kinds == ["respondent_added", "respondent_changed", "respondent_renamed"])
            let table = try office.ok("respondent", "list")
            #expect(table.contains("Gwangju Water Authority") && table.contains("Gwangju Water Board"))
        }
    }

    @Test func aMergedRespondentsCasesAndStatisticsMoveWithIt() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let moved = [
                try Self.open(office, respondent: "Gwangju Transit Corp"),
                try Self.open(office, respondent: "Gwangju Transit Corp", at: "2026-04-07T10:00+09:00"),
            ]
            _ = try Self.open(office, respondent: "Gwangju Metropolitan Transit")
            #expect(try Self.received(office) == ["Gwangju Transit Corp": 2, "Gwangju Metropolitan Transit": 1])
            let printed = try office.ok(
                "respondent", "merge", "Gwangju Transit Corp", "INTO", "Gwangju Metropolitan Transit")
            #expect(printed.contains("2 cases moved") && printed.contains(moved[0]) && printed.contains(moved[1]))
            #expect(try Self.received(office) == ["Gwangju Metropolitan Transit": 3])
            for reference in moved {
                let respondent = try office.show(reference)["respondent"] as? [String: Any]
                #expect(respondent?["name"] as? String == "Gwangju Metropolitan Transit")
                #expect(try CaseCorrectionTests.events(db, reference, kind: "respondent_merged").count == 1)
            }
            let bodies = try Self.list(office)
            #expect(bodies.count == 1)
            #expect(bodies.first?["aliases"] as? [String] == ["Gwangju Transit Corp"])
            // Intake by the merged name lands on the body it went to.
            let later = try Self.open(office, respondent: "gwangju transit corp", at: "2026-04-08T10:00+09:00")
            #expect(
                (try office.show(later)["respondent"] as? [String: Any])?["name"] as? String
                    == "Gwangju Metropolitan Transit")
        }
    }

    @Test func registerRefusalsWriteNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            _ = try Self.open(office, respondent: "Gwangju Metropolitan Transit")
            _ = try Self.open(office, respondent: "Gwangju Water Board")
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let cases: [([String], Int32, String)] = [
                (["respondent", "merge", "Gwangju Water Board", "INTO", "gwangju water board"], 4, "two different"),
                (["respondent", "merge", "Nobody", "INTO", "Gwangju Water Board"], 3, "Nobody"),
                (["respondent", "merge", "Gwangju Water Board", "ONTO", "Gwangju Metropolitan Transit"], 2, "INTO"),
                (["respondent", "rename", "Gwangju Water Board", "gwangju metropolitan transit"], 4, "already"),
                (["respondent", "update", "Nobody", "--email", "a@b.example"], 3, "Nobody"),
                (["respondent", "update", "Gwangju Water Board", "--email", "not an address"], 2, "not an address"),
                (["respondent", "update", "Gwangju Water Board"], 2, "--postal-address"),
                (["respondent", "add", "   "], 2, "name"),
            ]
            for (arguments, status, text) in cases {
                let before = try office.counts()
                let result = try office.owner.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                #expect(try office.counts() == before, "\(arguments)")
            }
            let before = try office.counts()
            for arguments in [
                ["respondent", "add", "New Body"],
                ["respondent", "merge", "Gwangju Water Board", "INTO", "Gwangju Metropolitan Transit"],
            ] {
                let result = try caseworker.binary.run(arguments)
                #expect(result.status == 4, "\(arguments): \(result)")
            }
            #expect(try office.counts() == before)
            // Nor with SQL: the register's names are an admin's.
            let connection = try PostgresConnection.connect(
                PostgresConfiguration(url: db.url(asUser: caseworker.login)))
            defer { connection.close() }
            #expect(throws: (any Error).self) {
                try connection.execute("UPDATE respondent_body SET name = 'Renamed' WHERE name = 'Gwangju Water Board'")
            }
        }
    }

    /// Bodies entered before names were normalised become one when the migration runs: the
    /// others' cases move, with their audit rows, and their names stay as aliases.
    @Test func theMigrationMergesNearDuplicates() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let references = [
                try Self.open(office, respondent: "Gwangju Metropolitan Transit"),
                try Self.open(office, respondent: "Somewhere Else"),
                try Self.open(office, respondent: "Third Body"),
            ]
            let superuser = RedressBinary(database: db.url)
            // Back to before migration 21, through every later one.
            let later = try FileManager.default.contentsOfDirectory(
                atPath: NoticeFixture.packageRoot.appendingPathComponent("sql/migrations").path
            ).filter { $0.hasSuffix(".up.sql") && (Int($0.prefix(4)) ?? 0) >= 21 }
            for _ in later { #expect(try superuser.run("db", "down").status == 0) }
            try db.withConnection { connection in
                try connection.execute(
                    unsafeSQL: """
                        UPDATE respondent_body SET name = 'Gwangju Metropolitan Transit ' WHERE name = 'Somewhere Else';
                        UPDATE respondent_body SET name = 'gwangju metropolitan transit' WHERE name = 'Third Body';
                        """)
            }
            #expect(try superuser.run("db", "migrate").status == 0)
            let bodies = try Self.list(office)
            #expect(bodies.count == 1)
            #expect(bodies.first?["name"] as? String == "Gwangju Metropolitan Transit")
            #expect(bodies.first?["cases"] as? Int == 3)
            #expect(
                Set(bodies.first?["aliases"] as? [String] ?? [])
                    == ["Gwangju Metropolitan Transit ", "gwangju metropolitan transit"])
            for reference in references.dropFirst() {
                #expect(try CaseCorrectionTests.events(db, reference, kind: "respondent_merged").count == 1)
            }
            #expect(try superuser.run("audit", "verify").status == 0)
        }
    }
}
