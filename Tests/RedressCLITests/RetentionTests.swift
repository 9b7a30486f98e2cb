import Foundation
import Postgres
import RedressTesting
import Testing

/// `redress retention run`, `case hold`/`release` and `person erase` against a demo office whose
/// cases closed years ago: statistics read the same before and after, the audit chain still
/// verifies, and the anonymised people are nowhere in the database.
@Suite("Retention and erasure", .serialized)
struct RetentionTests {
    /// The demo office's today: its cases arrived over the year before and mostly closed by the
    /// end of 2021, so today many are past their retention period (1, 3 and 5 years) and those
    /// with remedies (10 years) are not.
    static let asOf = "2021-06-30"

    /// A seeded office and its fixture (a supervisor and ombudsperson among its roles).
    func withOffice(cases: Int, _ body: (TestDatabase, OfficeFixture) throws -> Void) throws {
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: cases, asOf: Self.asOf)
            try body(db, try OfficeFixture(db))
        }
    }

    /// The references `retention run --dry-run` lists as due.
    static func due(_ office: OfficeFixture) throws -> [String] {
        let output = try office.ok("retention", "run", "--dry-run")
        return output.split(separator: "\n").filter { $0.contains("  kept until ") }
            .map { String($0.split(separator: " ")[0]) }
    }

    /// `report stats --format json` for each year from 2019 to 2025.
    static func statistics(_ office: OfficeFixture) throws -> [String] {
        try (2019...2025).map { year in
            try office.ok("report", "stats", "--from", "\(year)-01-01", "--to", "\(year)-12-31", "--format", "json")
        }
    }

    /// Every text, JSON and byte value of every table, as text, for searching.
    static func everyValue(_ db: TestDatabase) throws -> String {
        try db.withConnection { connection in
            let columns = try connection.query(
                """
                SELECT c.table_name::text, c.column_name::text, c.data_type = 'bytea' FROM information_schema.columns c
                JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace AND t.relkind = 'r'
                WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'jsonb', 'bytea', 'character varying')
                ORDER BY 1, 2
                """
            ).map {
                (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1), try $0.decode(Bool.self, at: 2))
            }
            var text = ""
            for (table, column, bytes) in columns {
                let value = bytes ? "encode(\"\(column)\", 'escape')" : "\"\(column)\"::text"
                text += try connection.query(
                    PostgresQuery(unsafeSQL: "SELECT coalesce(string_agg(\(value), E'\\n'), '') FROM \"\(table)\"")
                ).first!.decode(String.self, at: 0)
                text += "\n"
            }
            return text
        }
    }

    static func count(_ db: TestDatabase, _ sql: String) throws -> Int { try NightlyCLI.count(db, sql) }

    /// What statistics read from audit rows (states, outcomes, the state a remedy or a review
    /// moved the case to, the clocks met) stays plain in the committed form anonymisation
    /// leaves, and a name does not; a row with plain keys only is its own committed form, found
    /// without walking it.
    @Test func theCommittedFormKeepsWhatStatisticsReadAndHidesNames() throws {
        try withTestDatabase { db in
            let plain = #"{"to": "closed", "version": 3, "clocks": {"met": ["remedy"]}, "case_moved_to": "closed"}"#
            let named = #"{"to": "closed", "outcome": "upheld", "case_moved_to": "closed", "name": "Kim Jisoo"}"#
            let row = try db.withConnection { connection in
                try connection.query(
                    """
                    SELECT case_event_commit(\(named)::jsonb, false, false, '\\x01'::bytea, '\\x02'::bytea)::text,
                           case_event_is_plain(\(plain)::jsonb), case_event_is_plain(\(named)::jsonb),
                           case_event_commit(\(plain)::jsonb, false, false, '\\x01'::bytea, '\\x02'::bytea)
                               = \(plain)::jsonb
                    """
                ).first!
            }
            let committed = try row.decode(String.self, at: 0)
            for kept in [#""to": "closed""#, #""outcome": "upheld""#, #""case_moved_to": "closed""#] {
                #expect(committed.contains(kept), "\(committed)")
            }
            #expect(!committed.contains("Kim") && committed.contains(#""name": {"shredded": ""#), "\(committed)")
            #expect(try row.decode(Bool.self, at: 1))
            #expect(try !row.decode(Bool.self, at: 2))
            #expect(try row.decode(Bool.self, at: 3))
        }
    }

    /// Names, emails and phones of the parties of `references` that no other case holds.
    static func people(_ db: TestDatabase, of references: [String]) throws -> [String] {
        // References are letters, digits and dashes: safe to write into the statement.
        let list = references.map { "'\($0)'" }.joined(separator: ", ")
        return try db.withConnection { connection in
            try connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        WITH mine AS (
                            SELECT unnest(ARRAY[p.name, p.email, p.phone]) AS value FROM party p
                            JOIN complaint_case c ON c.id = p.case_id WHERE c.reference IN (\(list))
                        ), others AS (
                            SELECT unnest(ARRAY[p.name, p.email, p.phone]) AS value FROM party p
                            JOIN complaint_case c ON c.id = p.case_id WHERE c.reference NOT IN (\(list))
                        )
                        SELECT DISTINCT value FROM mine WHERE value IS NOT NULL AND value NOT IN (
                            SELECT value FROM others WHERE value IS NOT NULL)
                        """)
            ).map { try $0.decode(String.self, at: 0) }
        }
    }

    @Test func aRunKeepsStatisticsAndTheChainAndLeavesNoOneBehind() throws {
        try withOffice(cases: 300) { db, office in
            var due = try Self.due(office)
            #expect(due.count > 20, "\(due)")
            // One due case goes on hold: the run leaves it alone.
            let held = due.removeFirst()
            try office.ok("case", "hold", held, "--reason", "Judicial review pending")
            #expect(try Self.due(office) == due)
            let heldBefore = try Self.people(db, of: [held])
            let people = try Self.people(db, of: due)
            #expect(people.count > 20)
            let statistics = try Self.statistics(office)

            let run = try office.ok("retention", "run")
            #expect(run.contains("anonymised \(due.count) cases; 1 on legal hold"), "\(run)")
            #expect(try Self.statistics(office) == statistics)
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 0, "\(verify)")
            #expect(
                try Self.count(db, "SELECT count(*) FROM case_key k JOIN case_anonymisation a USING (case_id)") == 0)
            #expect(try Self.count(db, "SELECT count(*) FROM case_event WHERE kind = 'case_anonymised'") == due.count)

            let everything = try Self.everyValue(db)
            let left = people.filter { everything.contains($0) }
            #expect(left.isEmpty, "still in the database: \(left.prefix(5))")
            #expect(heldBefore.allSatisfy { everything.contains($0) }, "the held case lost its people")

            // A second run writes nothing.
            let events = try Self.count(db, "SELECT count(*) FROM case_event")
            let again = try office.ok("retention", "run")
            #expect(again.contains("anonymised 0 cases"), "\(again)")
            #expect(try Self.count(db, "SELECT count(*) FROM case_event") == events)

            // Released, the held case goes at the next run; the statistics of past years stay.
            try office.ok("case", "release", held, "--reason", "Review dismissed")
            #expect(try office.ok("retention", "run").contains("anonymised 1 case;"))
            #expect(try Self.statistics(office) == statistics)
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func killedMidRunTheNextCompletesItAndNothingTwice() throws {
        try withOffice(cases: 400) { db, office in
            let due = try Self.due(office)
            let process = Process()
            process.executableURL = RedressBinary.builtBinary()
            process.arguments = ["retention", "run", "--batch-size", "1", "--database", db.url(asUser: office.login)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var partial = 0
            let deadline = Date().addingTimeInterval(60)
            while partial == 0, process.isRunning, Date() < deadline {
                partial = try Self.count(db, "SELECT count(*) FROM case_anonymisation")
                if partial == 0 { usleep(2_000) }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try NightlyCLI.waitForOtherSessionsToEnd(db), "the killed run's session never ended")
            let atKill = try Self.count(db, "SELECT count(*) FROM case_anonymisation")
            #expect(atKill > 0 && atKill < due.count, "killed after \(atKill) of \(due.count)")
            let rerun = try office.ok("retention", "run")
            #expect(rerun.contains("anonymised \(due.count - atKill) cases"), "\(rerun)")
            #expect(try Self.count(db, "SELECT count(*) FROM case_anonymisation") == due.count)
            #expect(
                try Self.count(
                    db,
                    "SELECT count(*) FROM (SELECT case_id FROM case_event WHERE kind = 'case_anonymised' GROUP BY case_id HAVING count(*) > 1) t"
                ) == 0)
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    @Test func badInputIsRefusedAndWritesNothing() throws {
        try withOffice(cases: 60) { db, office in
            let due = try Self.due(office)
            let reference = try #require(due.first)
            let open = try #require(
                try db.withConnection {
                    try $0.query("SELECT reference FROM complaint_case WHERE state <> 'closed' ORDER BY id LIMIT 1")
                        .first?.decode(String.self, at: 0)
                })
            try office.ok("case", "hold", reference, "--reason", "Litigation")
            let events = try Self.count(db, "SELECT count(*) FROM case_event")
            let holds = try Self.count(db, "SELECT count(*) FROM legal_hold")
            let email = try db.withConnection {
                try $0.query(
                    "SELECT p.email FROM party p JOIN complaint_case c ON c.id = p.case_id WHERE c.reference = \(reference) AND p.email IS NOT NULL"
                ).first?.decode(String.self, at: 0)
            }
            var cases: [([String], Int32, String)] = [
                (["case", "hold", "HRC-2020-999999", "--reason", "x"], 3, "No case has the reference"),
                (["case", "hold", reference, "--reason", "again"], 4, "on legal hold already"),
                (["case", "hold", reference, "--reason", "  "], 2, "needs a reason"),
                (["case", "release", open, "--reason", "x"], 3, "is on no legal hold"),
                (["retention", "run", "--as-of", "2026-02-30"], 2, "2026-02-30"),
                (["retention", "run", "--as-of", "2999-01-01"], 2, "is after today"),
                (["person", "erase", "--email", "nobody@nowhere.example", "--reason", "x"], 3, "No one with"),
                (["person", "erase", "--reason", "x"], 2, "exactly one of"),
                (["person", "erase", "--name", "a", "--email", "b", "--reason", "x"], 2, "exactly one of"),
            ]
            if let email {
                cases.append((["person", "erase", "--email", email, "--reason", "request"], 4, "is on legal hold"))
            }
            for (arguments, status, message) in cases {
                let result = try office.owner.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(result.stdout.isEmpty, "\(arguments): \(result)")
                #expect(result.stderr.contains(message), "\(arguments): \(result)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result)")
            }
            #expect(try Self.count(db, "SELECT count(*) FROM case_event") == events)
            #expect(try Self.count(db, "SELECT count(*) FROM legal_hold") == holds)
            #expect(try Self.count(db, "SELECT count(*) FROM case_anonymisation") == 0)

            // A caseworker may neither hold nor run retention.
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let refused = try caseworker.binary.run(["case", "release", reference, "--reason", "x"])
            #expect(refused.status == 4, "\(refused)")
            #expect(try caseworker.binary.run(["retention", "run"]).status == 4)
            // Nor can it call the database's anonymiser itself.
            let direct = try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: caseworker.login)))
            defer { direct.close() }
            #expect(throws: PostgresError.self) {
                _ = try direct.query(
                    "SELECT case_anonymise((SELECT id FROM complaint_case WHERE reference = \(due[1])), 'retention', current_date, 1, \(caseworker.login), now())"
                )
            }
            #expect(try Self.count(db, "SELECT count(*) FROM case_anonymisation") == 0)
        }
    }

    @Test func erasingAPersonAnonymisesTheirCasesAndVerifies() throws {
        try withOffice(cases: 60) { db, office in
            let due = try Self.due(office)
            let reference = try #require(due.first)
            let (email, name) = try #require(
                try db.withConnection {
                    try $0.query(
                        "SELECT p.email, p.name FROM party p JOIN complaint_case c ON c.id = p.case_id WHERE c.reference = \(reference) AND p.role = 'complainant' AND p.email IS NOT NULL"
                    ).first.map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
                })
            let erased = try office.ok("person", "erase", "--email", email.uppercased(), "--reason", "Request DP-17")
            #expect(erased.contains("\(reference)  complainant  case anonymised"), "\(erased)")
            #expect(!(try Self.everyValue(db)).contains(email))
            #expect(try Self.count(db, "SELECT count(*) FROM case_anonymisation WHERE basis = 'erasure'") == 1)
            #expect(try office.run("audit", "verify").status == 0)
            _ = name
            let stats = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any])
            let section = try #require(object["data_protection"] as? [String: Any])
            let anonymisation = try #require(section["anonymisation"] as? [String: Any])
            #expect(anonymisation["anonymised_on_erasure"] as? Int == 1)
        }
    }

    @Test func erasingARepresentativeLeavesTheCase() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let today = try #require(
                try db.withConnection {
                    try $0.query("SELECT ((now() AT TIME ZONE time_zone)::date)::text FROM office").first?.decode(
                        String.self, at: 0)
                })
            let reference = try office.openCase(
                receivedAt: "2026-02-26T10:00+09:00",
                extra: ["--representative", "Park Advocate", "--representative-email", "park@law.example"])
            try office.ok("case", "note", reference, "Called Park Advocate about the lease")
            try office.ok("case", "close", reference, "--outcome", "withdrawn", "--reason", "The complainant withdrew.")
            // Within the statutory minimum (a year after closing), nothing is erased.
            let early = try office.run("person", "erase", "--email", "park@law.example", "--reason", "Request")
            #expect(early.status == 4, "\(early)")
            #expect(early.stderr.contains("within the statutory minimum"), "\(early)")
            try office.ok("policy", "set", "--statutory-minimum", "0", "--effective", today)
            for kind in ["out_of_jurisdiction", "not_upheld", "upheld_or_remedied", "other"] {
                try office.ok("policy", "set", "--retention", kind, "--years", "0", "--effective", today)
            }
            let erased = try office.ok("person", "erase", "--email", "park@law.example", "--reason", "Request DP-18")
            #expect(erased.contains("\(reference)  representative  party erased"), "\(erased)")
            let everything = try Self.everyValue(db)
            #expect(!everything.contains("park@law.example"))
            #expect(!everything.contains("Park Advocate"))
            #expect(everything.contains("Kim Minji"), "the complainant stays")
            #expect(try Self.count(db, "SELECT count(*) FROM case_anonymisation") == 0)
            let verify = try office.run("audit", "verify")
            #expect(verify.status == 0, "\(verify)")
            // The complainant's erasure then anonymises the case, and the chain still verifies.
            let whole = try office.ok("person", "erase", "--name", "kim minji", "--reason", "Request DP-19")
            #expect(whole.contains("\(reference)  complainant  case anonymised"), "\(whole)")
            #expect(!(try Self.everyValue(db)).contains("Kim Minji"))
            #expect(try office.run("audit", "verify").status == 0)
            // What it held is gone: it is never reopened, held or erased again.
            let events = try Self.count(db, "SELECT count(*) FROM case_event")
            let reopen = try office.run("case", "reopen", reference, "--reason", "New evidence")
            #expect(reopen.status == 4, "\(reopen)")
            #expect(reopen.stderr.contains("was anonymised"), "\(reopen)")
            let hold = try office.run("case", "hold", reference, "--reason", "Litigation")
            #expect(hold.status == 4, "\(hold)")
            let again = try office.run("person", "erase", "--name", "Kim Minji", "--reason", "Again")
            #expect(again.status == 3, "\(again)")
            #expect(try Self.count(db, "SELECT count(*) FROM case_event") == events)
        }
    }
}
