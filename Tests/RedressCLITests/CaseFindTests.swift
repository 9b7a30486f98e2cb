import Foundation
import Postgres
import RedressTesting
import Testing

/// `redress case find`: through the built binary, against a real PostgreSQL.
@Suite struct CaseFindTests {
    /// Opens a case with these details; returns its reference.
    static func open(
        _ office: OfficeFixture, complainant: String, phone: String? = nil, email: String? = nil,
        respondent: String = "Gwangju City Housing Corporation", summary: String = "Eviction without notice"
    ) throws -> String {
        var arguments = [
            "case", "open", "--complainant", complainant, "--respondent", respondent, "--summary", summary,
            "--category", "housing", "--received-at", "2026-02-26T10:00+09:00",
        ]
        if let phone { arguments += ["--phone", phone] }
        if let email { arguments += ["--email", email] }
        return try office.ok(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The references `case find` prints as JSON, best first, and the field shown for each.
    static func found(_ binary: RedressBinary, _ arguments: [String]) throws -> [(reference: String, field: String)] {
        let result = try binary.run(["case", "find"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return hits.map { ($0["reference"] as? String ?? "", $0["matched_field"] as? String ?? "") }
    }

    @Test func findsByNameFragmentPhoneReferenceSummaryNoteAndRespondent() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let jisu = try Self.open(
                office, complainant: "오지수", phone: "01055551234", respondent: "광주광역시 동구청",
                summary: "아파트 주차장 소음 문제")
            let oh = try Self.open(
                office, complainant: "Oh Jisu", phone: "010-7777-8888", email: "jisu.oh@example.net",
                summary: "Wheelchair ramp missing at the library")
            try office.ok("case", "note", oh, "Called the library director about the ramp")

            func first(_ arguments: String...) throws -> (reference: String, field: String)? {
                try Self.found(office.owner, arguments).first
            }
            // A two-syllable fragment of a Korean name.
            #expect(try first("지수")?.reference == jisu)
            #expect(try first("지수", "--in", "name")?.field == "name")
            // Latin, any case, across the space.
            #expect(try first("OH JI", "--in", "name").map { [$0.reference, $0.field] } == [oh, "name"])
            #expect(try first("JISU.OH@", "--in", "email")?.reference == oh)
            // Phone numbers as typed, with any punctuation, both ways.
            #expect(try first("010 5555 1234").map { [$0.reference, $0.field] } == [jisu, "phone"])
            #expect(try first("(010) 5555-1234")?.reference == jisu)
            #expect(try first("01077778888").map { [$0.reference, $0.field] } == [oh, "phone"])
            // Reference fragments.
            #expect(try first(String(jisu.suffix(6))).map { [$0.reference, $0.field] } == [jisu, "reference"])
            let year = jisu.split(separator: "-")[1]
            let all = try Self.found(office.owner, ["\(year)-0000", "--in", "reference"]).map(\.reference)
            #expect(Set(all) == [jisu, oh])
            // Words of the summary and of notes, and the respondent.
            #expect(try first("주차장").map { [$0.reference, $0.field] } == [jisu, "summary"])
            #expect(try first("wheelchair").map { [$0.reference, $0.field] } == [oh, "summary"])
            #expect(try first("director").map { [$0.reference, $0.field] } == [oh, "notes"])
            #expect(try first("동구청").map { [$0.reference, $0.field] } == [jisu, "respondent"])
            // Looking elsewhere finds nothing.
            #expect(try Self.found(office.owner, ["지수", "--in", "summary,notes"]).isEmpty)
            // The table and CSV show the matched field beside the case list's columns.
            let table = try office.ok("case", "find", "010 5555 1234")
            #expect(table.contains("MATCHED_FIELD") && table.contains("phone") && table.contains(jisu))
            let csv = try office.ok("case", "find", "지수", "--format", "csv", "--limit", "1")
            #expect(csv.hasPrefix("matched_field,score,reference,"))
            #expect(csv.split(separator: "\n").count == 2)
        }
    }

    @Test func identitiesAreSearchedOnlyWhereTheSearcherMaySeeThemAndAudited() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.open(office, complainant: "오지수", phone: "01055551234", summary: "주차 문제")
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let events = { try office.counts()["case_event"] ?? 0 }

            // Not assigned: nothing by name, email or phone, though the summary still finds the case.
            let before = try events()
            #expect(try Self.found(caseworker.binary, ["지수"]).isEmpty)
            #expect(try Self.found(caseworker.binary, ["010 5555 1234", "--in", "phone"]).isEmpty)
            #expect(try Self.found(caseworker.binary, ["주차"]).map(\.reference) == [reference])
            #expect(try events() == before + 3)

            // psql gives a staff login no more: no identity column, and the search function
            // applies the rule to the connected login whatever login it names.
            let connection = try PostgresConnection.connect(
                PostgresConfiguration(url: db.url(asUser: caseworker.login)))
            defer { connection.close() }
            #expect(throws: (any Error).self) { try connection.query("SELECT name FROM party") }
            #expect(throws: (any Error).self) {
                try connection.query("SELECT 1 FROM party WHERE redress_search_key(name) LIKE '%지지수수%'")
            }
            let asOwner = try connection.query(
                "SELECT count(*) FROM case_identity_search('지수', '{name}', \(office.login), 10)"
            ).first!.decode(Int.self, at: 0)
            #expect(asOwner == 0)

            // Assigned to them, they find it by name; the audit row names the fields, not the text.
            try office.ok("case", "assign", reference, caseworker.login)
            #expect(
                try Self.found(caseworker.binary, ["지수"]).map { [$0.reference, $0.field] } == [[reference, "name"]])
            let audit = try db.withConnection { connection in
                try connection.query(
                    """
                    SELECT data::text FROM case_event
                    WHERE kind = 'identities_searched' AND actor = \(caseworker.login) AND case_id IS NULL
                    ORDER BY id
                    """
                ).map { try $0.decode(String.self, at: 0) }
            }
            #expect(audit.count == 5)
            #expect(audit.last?.contains("\"name\"") == true)
            #expect(audit.last?.contains("\"matches\": 1") == true)
            #expect(audit.allSatisfy { !$0.contains("지수") && !$0.contains("5555") })
            // A search of no identity field writes no audit row.
            let quiet = try events()
            _ = try Self.found(caseworker.binary, ["주차", "--in", "summary"])
            #expect(try events() == quiet)
        }
    }

    @Test func badSearchesAreRefusedWithOneSentenceAndWriteNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            _ = try Self.open(office, complainant: "오지수")
            let before = try office.counts()
            for (arguments, words) in [
                ([""], "Give the text to search for"),
                (["   "], "Give the text to search for"),
                (["x"], "at least 2 characters"),
                (["지"], "at least 2 characters"),
                (["지수", "--in", "colour"], "\"colour\" is not a field a search looks in"),
                (["지수", "--in", "name,,phone"], "Name the fields to search"),
                (["지수", "--limit", "0"], "from 1 to 1000"),
                (["a\u{7}b"], "control character"),
            ] {
                let result = try office.owner.run(["case", "find"] + arguments)
                #expect(result.status == 2, "\(arguments): \(result)")
                #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            // Bytes that are not UTF-8, as a shell passes them.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", "exec \"$0\" case find \"$(printf 'a\\377b')\" --database \"$1\"",
                RedressBinary.builtBinary().path, db.url,
            ]
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2)
            #expect(message.contains("not valid UTF-8"), "\(message)")
            #expect(try office.counts() == before)
        }
    }
}
