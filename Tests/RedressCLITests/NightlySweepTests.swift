import Foundation
import Postgres
import RedressTesting
import Testing

/// Helpers for the nightly command tests.
enum NightlyCLI {
    /// Seeds `db` with the demo office through the binary.
    static func seed(_ db: TestDatabase, cases: Int, seed: Int = 5, asOf: String) throws {
        let result = try RedressBinary(database: db.url).run([
            "demo", "seed", "--cases", String(cases), "--seed", String(seed), "--as-of", asOf,
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout.hasPrefix(
                "seeded \(cases.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) cases as of \(asOf)"
            ), "\(result.stdout)")
    }

    static func count(_ db: TestDatabase, _ sql: String) throws -> Int {
        try db.withConnection { try $0.query(PostgresQuery(unsafeSQL: sql)).first!.decode(Int.self, at: 0) }
    }

    /// What the sweep has written, as digests that do not depend on when it ran.
    static func sweepDigest(_ db: TestDatabase) throws -> [String] {
        try db.withConnection { connection in
            try [
                "SELECT count(*)::text || ' ' || coalesce(md5(string_agg(concat_ws('|', clock_id, step, case_id, due_on, as_of), ',' ORDER BY clock_id, step)), '') FROM escalation",
                "SELECT count(*)::text || ' ' || coalesce(md5(string_agg(x, ',' ORDER BY x)), '') FROM (SELECT concat_ws('|', case_id, kind, audience, recipient, channel, language, data::text) x FROM notice) n",
                "SELECT count(*)::text || ' ' || coalesce(md5(string_agg(x, ',' ORDER BY x)), '') FROM (SELECT concat_ws('|', e.case_id, s) x FROM case_event e, jsonb_array_elements(e.data -> 'steps') s WHERE e.kind = 'escalated') a",
                "SELECT count(*)::text FROM clock WHERE status = 'breached'",
            ].map { try connection.query(PostgresQuery(unsafeSQL: $0)).first!.decode(String.self, at: 0) }
        }
    }

    /// Waits up to 30 seconds until no other session is connected to `db`; false if one still is.
    static func waitForOtherSessionsToEnd(_ db: TestDatabase) throws -> Bool {
        let deadline = Date().addingTimeInterval(30)
        repeat {
            let others = try count(
                db,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            if others == 0 { return true }
            usleep(10_000)
        } while Date() < deadline
        return false
    }

    /// The number in "took N steps" of a sweep's summary line.
    static func stepsTaken(_ line: String) -> Int? {
        guard let range = line.range(of: #"took [0-9,]+ step"#, options: .regularExpression) else { return nil }
        return Int(line[range].dropFirst(5).prefix { $0 != " " }.replacingOccurrences(of: ",", with: ""))
    }
}

@Suite("Nightly sweep command")
struct NightlySweepTests {
    static let asOf = "2026-03-16"

    @Test func aSecondSweepTheSameDayWritesNothing() throws {
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 800, asOf: Self.asOf)
            let redress = RedressBinary(database: db.url)
            let dry = try redress.run(["sweep", "--as-of", Self.asOf, "--dry-run"])
            #expect(dry.status == 0, "\(dry)")
            let lines = dry.stdout.split(separator: "\n")
            #expect(
                lines.last?.hasPrefix("sweep as of \(Self.asOf) (dry run, nothing written): ") == true, "\(dry.stdout)")
            #expect(lines.dropLast().allSatisfy { $0.hasPrefix("HRC-") && $0.contains(" -> ") })
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM escalation") == 0)
            // The demo's notices of the past are sent; none waits.
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM notice WHERE state <> 'sent'") == 0)

            let first = try redress.run(["sweep", "--as-of", Self.asOf])
            #expect(first.status == 0, "\(first)")
            let taken = NightlyCLI.stepsTaken(first.stdout) ?? -1
            #expect(taken == lines.count - 1, "\(first.stdout)")
            #expect(first.stdout.split(separator: "\n").count == 1)
            let events = try NightlyCLI.count(db, "SELECT count(*) FROM case_event")
            let notices = try NightlyCLI.count(db, "SELECT count(*) FROM notice WHERE state = 'pending'")
            #expect(notices > taken)
            // The notices are the notices module's: kinds it has templates for.
            #expect(
                try NightlyCLI.count(
                    db,
                    "SELECT count(*) FROM notice WHERE state = 'pending' AND kind NOT IN ('warning_to_assignee', 'escalation_to_supervisor', 'progress_update', 'respondent_reminder', 'ombudsperson_listing', 'letter_to_head_of_body', 'non_compliance_notice')"
                ) == 0)

            let second = try redress.run(["sweep", "--as-of", Self.asOf])
            #expect(second.status == 0, "\(second)")
            #expect(NightlyCLI.stepsTaken(second.stdout) == 0, "\(second.stdout)")
            #expect(second.stdout.contains("0 notices queued; 0 clocks marked breached"))
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM case_event") == events)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM notice WHERE state = 'pending'") == notices)
        }
    }

    /// Killed with SIGKILL in the middle, a sweep loses nothing: the next completes the work,
    /// and the result is exactly that of one sweep that was never interrupted.
    @Test func killedMidSweepTheNextCompletesIt() throws {
        let expected = try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 2_500, asOf: Self.asOf)
            let result = try RedressBinary(database: db.url).run(["sweep", "--as-of", Self.asOf])
            #expect(result.status == 0, "\(result)")
            return try NightlyCLI.sweepDigest(db)
        }
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 2_500, asOf: Self.asOf)
            let process = Process()
            process.executableURL = RedressBinary.builtBinary()
            process.arguments = ["sweep", "--as-of", Self.asOf, "--batch-size", "3", "--database", db.url]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill it as soon as its first batches are in.
            var partial = 0
            let deadline = Date().addingTimeInterval(60)
            while partial == 0, process.isRunning, Date() < deadline {
                partial = try NightlyCLI.count(db, "SELECT count(*) FROM escalation")
                if partial == 0 { usleep(2_000) }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            // A COMMIT sent just before the kill still completes on the server: count what the
            // sweep left only once its backend has gone.
            #expect(try NightlyCLI.waitForOtherSessionsToEnd(db), "the killed sweep's session never ended")
            let atKill = try NightlyCLI.count(db, "SELECT count(*) FROM escalation")
            let total = Int(expected[0].split(separator: " ")[0])!
            #expect(atKill > 0 && atKill < total, "killed after \(atKill) of \(total) steps")
            let rerun = try RedressBinary(database: db.url).run(["sweep", "--as-of", Self.asOf])
            #expect(rerun.status == 0, "\(rerun)")
            #expect(NightlyCLI.stepsTaken(rerun.stdout) == total - atKill, "\(rerun.stdout)")
            #expect(try NightlyCLI.sweepDigest(db) == expected)
        }
    }

    /// Two sweeps started together: the second waits for the first, and between them every
    /// step is taken once, as by a single sweep.
    @Test func twoSweepsAtOnceDoubleNothing() throws {
        let expected = try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 1_500, asOf: Self.asOf)
            #expect(try RedressBinary(database: db.url).run(["sweep", "--as-of", Self.asOf]).status == 0)
            return try NightlyCLI.sweepDigest(db)
        }
        try withTestDatabase { db in
            try NightlyCLI.seed(db, cases: 1_500, asOf: Self.asOf)
            let results = Mutex<[CommandResult]>([])
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for _ in 0..<2 {
                done.enter()
                Thread {
                    start.wait()
                    if let result = try? RedressBinary(database: db.url).run([
                        "sweep", "--as-of", Self.asOf, "--batch-size", "10",
                    ]) {
                        results.withLock { $0.append(result) }
                    }
                    done.leave()
                }.start()
            }
            start.signal()
            start.signal()
            done.wait()
            let all = results.withLock { $0 }
            #expect(all.count == 2)
            #expect(all.allSatisfy { $0.status == 0 }, "\(all)")
            let total = Int(expected[0].split(separator: " ")[0])!
            #expect(all.compactMap { NightlyCLI.stepsTaken($0.stdout) }.reduce(0, +) == total, "\(all)")
            #expect(try NightlyCLI.sweepDigest(db) == expected)
        }
    }

    @Test func badDatesAreRefused() throws {
        try withTestDatabase { db in
            let redress = RedressBinary(database: db.url)
            for (arguments, status) in [
                (["sweep", "--as-of", "2026-02-30"], Int32(2)),
                (["sweep", "--as-of", "yesterday"], 2),
                (["sweep", "--as-of", "2999-01-01"], 2),
                (["sweep", "--batch-size", "0"], 2),
            ] {
                let result = try redress.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(
                    result.stderr.hasPrefix("redress: ") && result.stderr.split(separator: "\n").count == 1,
                    "\(result.stderr)")
            }
            // A dry run may look ahead; nothing is written.
            #expect(try redress.run(["sweep", "--as-of", "2999-01-01", "--dry-run"]).status == 0)
            #expect(try NightlyCLI.count(db, "SELECT count(*) FROM case_event WHERE kind = 'escalated'") == 0)
        }
    }
}
