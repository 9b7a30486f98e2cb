import Foundation
import Glibc
import Postgres
import RedressTesting
import Testing

/// A primary and a streaming standby made by `redress local`, and what runs where.
@Suite("A primary and its standby", .serialized)
struct StandbyTests {
    /// Two local clusters in a temporary folder: `a` the primary (a small demo office), `b` its
    /// synchronous standby. Stopped and removed at the end.
    final class Pair {
        let folder: URL
        let primaryDir: String
        let standbyDir: String
        let cli = RedressBinary()

        init(synchronous: Bool = true) throws {
            folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
                "redress-standby-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o755)
            primaryDir = folder.appendingPathComponent("a").path
            standbyDir = folder.appendingPathComponent("b").path
            let started = try runDetached(["local", "start", "--data-dir", primaryDir])
            try #require(started.status == 0, "\(started.output)")
            let seeded = try cli.run(["demo", "seed", "--cases", "60", "--seed", "3", "--data-dir", primaryDir])
            try #require(seeded.status == 0, "\(seeded)")
            let standby = try runDetached(
                ["local", "start", "--standby-of", primaryDir, "--data-dir", standbyDir]
                    + (synchronous ? ["--synchronous"] : []))
            try #require(standby.status == 0, "\(standby.output)")
        }

        var primary: String { "postgresql:///redress?host=\(primaryDir)" }
        var standby: String { "postgresql:///redress?host=\(standbyDir)" }

        func connect(_ url: String) throws -> PostgresConnection {
            try PostgresConnection.connect(PostgresConfiguration(url: url))
        }

        /// Waits until the standby has replayed all the primary wrote.
        func waitForReplay() throws {
            let primary = try connect(self.primary)
            defer { primary.close() }
            try waitUntilBlocking("the standby replays everything", timeout: 20) {
                try primary.query(
                    "SELECT coalesce(bool_and(replay_lsn = pg_current_wal_lsn()), false) FROM pg_stat_replication"
                ).first!.decode(Bool.self, at: 0)
            }
        }

        deinit {
            _ = try? runDetached(["local", "stop", "--data-dir", standbyDir])
            _ = try? runDetached(["local", "stop", "--data-dir", primaryDir])
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func readsGoToTheStandbyWritesAreRefusedThereAndAuditedReadsGoToThePrimary() throws {
        let pair = try Pair()
        try pair.waitForReplay()
        let cli = pair.cli
        let standby = try pair.connect(pair.standby)
        defer { standby.close() }
        #expect(try standby.isInHotStandby())
        #expect(try standby.standbyReplayLag() != nil)
        let primary = try pair.connect(pair.primary)
        defer { primary.close() }
        #expect(try !primary.isInHotStandby())
        #expect(try primary.standbyReplayLag() == nil)

        // A command that writes, pointed at the standby: one sentence, exit 6, nothing written.
        let note = try cli.run(["office", "set", "--name", "Standby Office", "--database", pair.standby])
        #expect(note.status == 6, "\(note)")
        #expect(note.stderr.contains("standby, which only reads"), "\(note)")
        #expect(note.stderr.split(separator: "\n").count == 1, "\(note)")
        let sweep = try cli.run(["sweep", "--database", pair.standby])
        #expect(sweep.status == 6, "\(sweep)")
        #expect(sweep.stderr.contains("standby"), "\(sweep)")
        let send = try cli.run(["notices", "send", "--via", "cat >/dev/null", "--database", pair.standby])
        #expect(send.status == 6, "\(send)")
        // No primary at all behind a read-write multi-host URL: exit 6.
        let nowhere = try cli.run([
            "case", "note", "HRC-2026-000001", "x", "--database",
            "host=\(pair.standbyDir) dbname=redress target_session_attrs=read-write",
        ])
        #expect(nowhere.status == 6, "\(nowhere)")

        // A read of an ordinary case on the standby writes nothing anywhere.
        let ordinary = try primary.query(
            "SELECT reference FROM complaint_case WHERE NOT confidential ORDER BY id LIMIT 1"
        ).first!.decode(String.self, at: 0)
        let shown = try cli.run(["case", "show", ordinary, "--database", pair.primary, "--read-database", pair.standby])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.contains(ordinary))

        // A confidential case's read must write its audit row: it is read on the primary.
        let confidential = try primary.query(
            "SELECT reference FROM complaint_case WHERE confidential ORDER BY id LIMIT 1"
        ).first!.decode(String.self, at: 0)
        func views() throws -> Int {
            try primary.query("SELECT count(*)::int FROM case_event WHERE kind = 'case_viewed'").first!.decode(
                Int.self, at: 0)
        }
        let viewsBefore = try views()
        let secret = try cli.run(
            ["case", "show", confidential, "--format", "json", "--database", pair.primary],
            extraEnvironment: ["REDRESS_READ_DATABASE_URL": pair.standby])
        #expect(secret.status == 0, "\(secret)")
        #expect(try views() == viewsBefore + 1, "the read of a confidential case is audited on the primary")

        // An unreachable read database: the primary answers, and stderr says so.
        let fallback = try cli.run([
            "case", "show", ordinary, "--database", pair.primary, "--read-database",
            "postgresql:///redress?host=\(pair.folder.path)/nowhere",
        ])
        #expect(fallback.status == 0, "\(fallback)")
        #expect(fallback.stderr.contains("reading from the primary"), "\(fallback)")

        // libpq's prefer-standby picks the standby out of both hosts.
        let prefer = try cli.run([
            "report", "deadlines", "--format", "json", "--database", pair.primary, "--read-database",
            "host=\(pair.primaryDir),\(pair.standbyDir) dbname=redress target_session_attrs=prefer-standby",
        ])
        #expect(prefer.status == 0, "\(prefer)")
        #expect(prefer.stdout.contains("\"standby_replay_lag_seconds\":"), "\(prefer.stdout.prefix(400))")
    }

    @Test func reportsOnTheStandbyMatchThePrimaryAndSayHowFarBehindTheyWere() throws {
        let pair = try Pair()
        let cli = pair.cli
        let swept = try cli.run(["sweep", "--database", pair.primary])
        #expect(swept.status == 0, "\(swept)")
        try pair.waitForReplay()
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
        for report in [
            ["deadlines"], ["deadlines", "--format", "json"], ["deadlines", "--format", "html"],
            ["stats", "--from", "\(year)-01-01", "--to", "\(year)-12-31"],
            ["stats", "--from", "\(year)-01-01", "--to", "\(year)-12-31", "--format", "json"],
        ] {
            let onPrimary = try cli.run(["report"] + report + ["--database", pair.primary])
            let onStandby = try cli.run(
                ["report"] + report + ["--database", pair.primary, "--read-database", pair.standby])
            try #require(onPrimary.status == 0 && onStandby.status == 0, "\(onPrimary)\n\(onStandby)")
            #expect(!onPrimary.stdout.contains("standby"), "\(report)")
            let said = onStandby.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter {
                $0.contains("standby")
            }
            #expect(said.count == 1, "\(report): one line or key says the report was read on a standby")
            #expect(
                onStandby.stdout.contains("Read from a standby 0.0 s behind the primary")
                    || onStandby.stdout.contains("\"standby_replay_lag_seconds\":0")
                    || onStandby.stdout.contains("\"standby_replay_lag_seconds\" : 0"),
                "\(report): caught up, the lag is 0")
            let cut = onStandby.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("Read from a standby") && !$0.contains("\"standby_replay_lag_seconds\" :") }
                .map { $0.replacingOccurrences(of: #","standby_replay_lag_seconds":0.0"#, with: "") }
                .joined(separator: "\n")
            #expect(cut == onPrimary.stdout, "\(report): the same report once replay caught up")
        }
    }

    @Test func promotionMakesTheStandbyWritableAndOnlyAStandbyIsPromoted() throws {
        let pair = try Pair(synchronous: false)
        // A setting an operator appends to the cluster's configuration starts a line of its own.
        let conf = try String(contentsOfFile: pair.primaryDir + "/postgresql.conf", encoding: .utf8)
        #expect(conf.hasSuffix("unix_socket_permissions = 0700\n"))
        let notStandby = try runDetached(["local", "promote", "--data-dir", pair.primaryDir])
        #expect(notStandby.status == 1, "\(notStandby.output)")
        #expect(notStandby.output.contains("is not a standby"), "\(notStandby.output)")
        let again = try runDetached(["local", "start", "--standby-of", pair.primaryDir, "--data-dir", pair.primaryDir])
        #expect(again.status == 1, "\(again.output)")
        #expect(again.output.contains("cannot be a standby of itself"), "\(again.output)")
        let noFolder = try runDetached(["local", "start", "--standby-of", pair.primaryDir])
        #expect(noFolder.status == 2, "\(noFolder.output)")
        let alone = try runDetached(["local", "start", "--synchronous", "--data-dir", pair.standbyDir])
        #expect(alone.status == 2, "\(alone.output)")
        let nowhere = pair.folder.appendingPathComponent("nowhere").path
        let noPrimary = try runDetached([
            "local", "start", "--standby-of", nowhere, "--data-dir", pair.folder.appendingPathComponent("c").path,
        ])
        #expect(noPrimary.status == 1, "\(noPrimary.output)")
        #expect(noPrimary.output.contains("is not running"), "\(noPrimary.output)")
        #expect(noPrimary.output.split(separator: "\n").count == 1, "\(noPrimary.output)")

        let stopped = try runDetached(["local", "stop", "--data-dir", pair.primaryDir])
        #expect(stopped.status == 0, "\(stopped.output)")
        let promoted = try runDetached(["local", "promote", "--data-dir", pair.standbyDir])
        #expect(promoted.status == 0, "\(promoted.output)")
        let set = try pair.cli.run(["office", "set", "--name", "Promoted Office", "--database", pair.standby])
        #expect(set.status == 0, "\(set)")
        let connection = try pair.connect(pair.standby)
        defer { connection.close() }
        #expect(try !connection.isInHotStandby())
    }

    @Test func getEndpointsReadOnTheStandbyAndFallBackToThePrimary() throws {
        let pair = try Pair()
        try pair.waitForReplay()
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let token = try pair.cli.run(["staff", "token", "create", login, "--database", pair.primary])
        try #require(token.status == 0, "\(token)")
        let bearer = ["Authorization": "Bearer " + token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)]
        let primary = try pair.connect(pair.primary)
        defer { primary.close() }
        func views() throws -> Int {
            try primary.query("SELECT count(*)::int FROM case_event WHERE kind = 'case_viewed'").first!.decode(
                Int.self, at: 0)
        }
        let confidential = try primary.query(
            "SELECT reference FROM complaint_case WHERE confidential ORDER BY id LIMIT 1"
        ).first!.decode(String.self, at: 0)
        try pair.waitForReplay()

        let server = try ServeProcess(arguments: [
            "--database", pair.primary, "--read-database", pair.standby, "--database-wait", "2",
        ])
        let http = server.http
        let report = try http.request("GET", "/v1/reports/deadlines", headers: bearer)
        #expect(report.status == 200, "\(report)")
        #expect(report.text.contains("\"standby_replay_lag_seconds\":"), "the report was read on the standby")
        let list = try http.request("GET", "/v1/cases?limit=5&state=closed", headers: bearer)
        #expect(list.status == 200, "\(list)")
        let before = try views()
        let shown = try http.request("GET", "/v1/cases/\(confidential)", headers: bearer)
        #expect(shown.status == 200, "\(shown)")
        #expect(try views() == before + 1, "the confidential read is audited on the primary")
        let filed = try http.request(
            "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
            body: Data(ServiceFixtures.complaint.utf8))
        #expect(filed.status == 201, "\(filed)")

        // The standby goes away: reads go to the primary, answered 200, never 5xx.
        let stopped = try runDetached(["local", "stop", "--data-dir", pair.standbyDir])
        try #require(stopped.status == 0, "\(stopped.output)")
        for _ in 0..<3 {
            let again = try http.request("GET", "/v1/reports/deadlines", headers: bearer)
            #expect(again.status == 200, "\(again.status)")
            #expect(!again.text.contains("standby_replay_lag_seconds"))
        }
        #expect(!server.log.contains("http.status=5"), "no 5xx in the server's log")
        _ = server.terminate()
    }
}
