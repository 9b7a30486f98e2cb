import Foundation
import Glibc
import Postgres
import RedressCore
import RedressService
import RedressStore
import RedressTesting
import Testing

/// Tests against a real `redress serve` process on a loopback port.
@Suite("A real server", .serialized)
struct LiveServerTests {
    @Test func sigtermLetsTheRequestInFlightFinishThenExits() throws {
        try withTestDatabase { database in
            // The intake below waits on a lock for as long as the test takes to observe it.
            let server = try ServeProcess(arguments: ["--database", database.url, "--statement-timeout", "120"])
            let http = server.http
            let first = try http.request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
                body: Data(ServiceFixtures.complaint.utf8))
            #expect(first.status == 201)

            // A 1 MiB body is refused with 413, whether its length is given or it comes in chunks.
            let mebibyte = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
            let sized = try http.request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"], body: mebibyte)
            #expect(sized.status == 413, "\(sized)")
            var chunked = Data("100000\r\n".utf8)
            chunked.append(mebibyte)
            chunked.append(Data("\r\n0\r\n\r\n".utf8))
            let streamed = try http.request(
                "POST", "/v1/complaints",
                headers: ["Content-Type": "application/json", "Transfer-Encoding": "chunked"], body: chunked)
            #expect(streamed.status == 413, "\(streamed)")
            #expect(streamed.text.contains("\"too_large\""))

            // Hold the year's reference counter, so the next intake waits inside the database.
            let holder = try database.connect()
            defer { holder.close() }
            try holder.execute(unsafeSQL: "BEGIN")
            try holder.execute("SELECT last_number FROM reference_counter FOR UPDATE")

            final class Outcome: @unchecked Sendable { var result: Result<LoopbackHTTP.Response, any Error>? }
            let outcome = Outcome()
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                outcome.result = Result {
                    try LoopbackHTTP(port: server.port, timeout: 120).request(
                        "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
                        body: Data(ServiceFixtures.complaint.utf8))
                }
                finished.signal()
            }
            // The request is in flight: a session of this database waits on the lock.
            // Watched from a connection of its own: the holder's transaction would see one snapshot.
            let probe = try database.connect()
            defer { probe.close() }
            // Waited for on this thread: under a full parallel run the cooperative
            // threads can be busy for seconds, which a request would outlast.
            try waitUntilBlocking("the intake waits on the counter lock", timeout: 120) {
                try probe.query(
                    """
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """
                ).first!.decode(Int.self, at: 0) > 0
            }
            kill(server.process.processIdentifier, SIGTERM)
            Thread.sleep(forTimeInterval: 0.5)
            #expect(server.process.isRunning, "the server waits for the request in flight")
            #expect(finished.wait(timeout: .now()) == .timedOut)

            try holder.execute(unsafeSQL: "COMMIT")
            #expect(finished.wait(timeout: .now() + 120) == .success)
            let response = try #require(try outcome.result?.get())
            #expect(response.status == 201, "the request in flight was answered: \(response)")
            #expect(server.waitForExit(within: 60) == 0, "graceful shutdown exits 0")

            // Logs carry route templates and references, never complainant data.
            let log = server.log
            #expect(log.contains("http.route=/v1/complaints"))
            for secret in ["Park Min-jun", "minjun@example.org", "Eviction notice"] { #expect(!log.contains(secret)) }
        }
    }

    /// One staff login's psql left idle in a transaction that wrote an audit row holds the
    /// audit chain head's lock until it ends. Every intake used to wait behind it, and commit
    /// long after its client had given up, so the complainant never learned the reference.
    /// Now the waiting statement is cancelled at the time limit, the intake's transaction rolls
    /// back, and the client is told 503 at once.
    @Test func anIdleTransactionHoldingTheAuditChainCostsAnIntakeA503NotAHang() throws {
        try withTestDatabase { database in
            let server = try ServeProcess(arguments: ["--database", database.url, "--statement-timeout", "2"])
            let summary = "Held behind an idle transaction \(UUID().uuidString.prefix(8))"
            let complaint = Data(
                ServiceFixtures.complaint.replacingOccurrences(
                    of: "Eviction notice served without a hearing", with: summary
                ).utf8)
            #expect(String(decoding: complaint, as: UTF8.self).contains(summary))

            let probe = try database.connect()
            defer { probe.close() }
            func count(_ query: PostgresQuery) throws -> Int {
                try probe.query(query).first!.decode(Int.self, at: 0)
            }
            let eventsBefore = try count("SELECT count(*) FROM case_event")

            let idle = try database.connect()
            defer { idle.close() }
            try idle.execute(unsafeSQL: "BEGIN")
            try idle.execute(
                unsafeSQL: """
                    INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (NULL, session_user, now(), 'x')
                    """)

            let started = Date()
            let answer = try LoopbackHTTP(port: server.port, timeout: 60).request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"], body: complaint)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 5, "answered after \(seconds) s")
            #expect(answer.status == 503, "the intake cannot commit while the chain head is held: \(answer)")
            #expect(answer.headers["retry-after"] == "5")
            #expect(answer.text.contains("\"database_timeout\""), "\(answer)")
            #expect(answer.text.contains("the database did not answer in time"), "\(answer)")
            let problems = try OpenAPIContract().problems(
                method: "POST", path: "/v1/complaints", status: answer.status,
                contentType: answer.headers["content-type"], body: answer.body)
            #expect(problems.isEmpty, "\(problems)")

            // The idle session ends; nothing of the cancelled intake commits after it.
            try idle.execute(unsafeSQL: "ROLLBACK")
            Thread.sleep(forTimeInterval: 1)
            #expect(
                try count("SELECT count(*) FROM complaint_case WHERE summary = \(summary)") == 0,
                "the intake answered 503 was never registered")
            #expect(try count("SELECT count(*) FROM complaint_case") == 0)
            #expect(
                try count("SELECT count(*) FROM case_event") == eventsBefore,
                "neither the idle session's audit row nor the intake's is in the log")

            // The same complaint again, with the lock free: registered, and counted by the probe.
            let retried = try LoopbackHTTP(port: server.port, timeout: 60).request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"], body: complaint)
            #expect(retried.status == 201, "\(retried)")
            #expect(try count("SELECT count(*) FROM complaint_case WHERE summary = \(summary)") == 1)
            #expect(server.log.contains("http.status=503"))
            #expect(!server.log.contains(summary), "the log never carries the complaint's text")
            #expect(server.terminate() == 0)
        }
    }

    @Test func withNoBlockerAnIntakeIsRegisteredUnderTheDefaultTimeLimit() throws {
        try withTestDatabase { database in
            let server = try ServeProcess(arguments: ["--database", database.url])
            let started = Date()
            let answer = try LoopbackHTTP(port: server.port, timeout: 60).request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
                body: Data(ServiceFixtures.complaint.utf8))
            #expect(answer.status == 201, "\(answer)")
            #expect(Date().timeIntervalSince(started) < 5)
            let reference = try #require(
                (try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["reference"] as? String)
            let registered = try database.withConnection { connection in
                try connection.query("SELECT count(*) FROM complaint_case WHERE reference = \(reference)").first!
                    .decode(Int.self, at: 0)
            }
            #expect(registered == 1)
            #expect(server.terminate() == 0)
        }
    }

    @Test func aDatabaseOutageGives503sAndTheServiceRecoversByItself() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "redress-outage-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // As root the cluster's server runs as postgres, which must reach the folder.
        chmod(folder.path, 0o755)
        let dataDir = folder.appendingPathComponent("pg").path
        let cli = RedressBinary()
        defer {
            _ = try? runDetached(["local", "stop", "--data-dir", dataDir])
            try? FileManager.default.removeItem(at: folder)
        }
        let started = try runDetached(["local", "start", "--data-dir", dataDir])
        try #require(started.status == 0, "\(started.output)")
        // The cluster's superuser, who migrated it, is its first admin: the login running the tests.
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let token = try cli.run(["staff", "token", "create", login, "--data-dir", dataDir])
        try #require(token.status == 0, "\(token)")
        let bearer = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let server = try ServeProcess(arguments: [
            "--data-dir", dataDir, "--database-wait", "3", "--public-rate", "1000000", "--public-burst", "1000000",
        ])
        let load = LoadGenerator(port: server.port, bearer: bearer, clients: 4)
        load.start()
        try await Task.sleep(for: .seconds(1))
        let beforeOutage = load.mark()

        let stopped = try runDetached(["local", "stop", "--data-dir", dataDir])
        try #require(stopped.status == 0, "\(stopped.output)")
        let outageStart = load.mark()
        try await Task.sleep(for: .seconds(3))
        let outageEnd = load.mark()

        let restarted = try runDetached(["local", "start", "--data-dir", dataDir])
        try #require(restarted.status == 0, "\(restarted.output)")
        let restartedAt = load.mark()
        let restartClock = Date()
        try await waitUntil("the service answers 2xx again", timeout: 15) {
            load.results(since: restartedAt).contains { (200...299).contains($0.status) }
        }
        let recoverySeconds = Date().timeIntervalSince(restartClock)
        try await Task.sleep(for: .seconds(1))
        let recovered = load.mark()
        try await Task.sleep(for: .seconds(1))
        load.stop()

        let all = load.results(since: 0)
        #expect(load.results(since: 0).count > 50, "the load generator ran")
        #expect(
            all.allSatisfy { $0.error == nil },
            "no request failed at the transport level: \(all.compactMap(\.error).prefix(3))")
        #expect(all.allSatisfy { [200, 201, 503].contains($0.status) }, "only 2xx and 503: \(Set(all.map(\.status)))")
        #expect(all.allSatisfy { $0.seconds < 5 }, "no request hung: slowest \(all.map(\.seconds).max() ?? 0) s")
        #expect(
            load.results(since: 0).filter { $0.index < beforeOutage }.allSatisfy { (200...299).contains($0.status) })
        let outage = all.filter { $0.index >= outageStart && $0.index < outageEnd }
        #expect(outage.count > 10)
        #expect(outage.filter { $0.status == 503 }.count > outage.count / 2, "the outage is answered 503")
        #expect(
            load.results(since: recovered).allSatisfy { (200...299).contains($0.status) },
            "after recovery everything succeeds")
        print(
            String(
                format:
                    "outage: %d requests in all; %d during the 3 s outage, %d of them 503; slowest answer %.3f s; 2xx again %.2f s after the restart finished",
                all.count, outage.count, outage.filter { $0.status == 503 }.count, all.map(\.seconds).max() ?? 0,
                recoverySeconds))
        #expect(server.process.isRunning, "the same process served throughout")
        #expect(server.terminate() == 0)
        #expect(!server.log.contains("http.status=500"))
    }

    /// 1,100 half-sent requests from one client took every descriptor the service had, and
    /// health checks and staff timed out until they closed. Now each client address holds at
    /// most its share of connections, and a connection that sends nothing is closed.
    @Test func halfSentConnectionsFromOneClientDoNotStopTheOthers() throws {
        try withTestDatabase { database in
            let server = try ServeProcess(arguments: [
                "--database", database.url, "--idle-timeout", "2", "--connections-per-client", "64",
            ])
            // This process holds every socket it opens; lift its own limit to the hard one.
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            let wanted = rlim_t(1_400)
            if limit.rlim_cur < wanted, limit.rlim_max >= wanted {
                limit.rlim_cur = wanted
                setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            }
            // From 127.0.0.2, another address on loopback: the hostile client.
            var sockets: [Int32] = []
            defer { sockets.forEach { _ = close($0) } }
            let head = Array(
                "POST /v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n".utf8)
            for _ in 0..<1_100 {
                guard let fd = try? LoopbackHTTP.openSocket(port: server.port, from: "127.0.0.2") else { break }
                sockets.append(fd)
                _ = head.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            #expect(sockets.count >= 1_000, "the client opened its connections (\(sockets.count))")
            // The health check, from 127.0.0.1, answers within a second.
            let started = Date()
            let health = try LoopbackHTTP(port: server.port, timeout: 1).request("GET", "/healthz")
            #expect(health.status == 200)
            #expect(Date().timeIntervalSince(started) < 1)
            // The half-sent requests are closed once idle: within the timeout and a margin, every
            // socket reads end of file.
            let deadline = Date().addingTimeInterval(10)
            var open = sockets
            while !open.isEmpty, Date() < deadline {
                open = open.filter { fd in
                    var byte: UInt8 = 0
                    let read = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
                    return read < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
                }
                if !open.isEmpty { usleep(100_000) }
            }
            #expect(open.isEmpty, "\(open.count) half-sent connections are still open")
            #expect(server.terminate() == 0)
        }
    }

    @Test func schemathesisFindsNo5xxAndNoAnswerThatBreaksTheDocument() async throws {
        try await withTestDatabase { database in
            let token = try database.withConnection { connection in
                try connection.withStoreTransaction { connection in
                    let admin = try StaffStore(connection).currentActor()
                    return try StaffTokenStore(connection).create(
                        login: admin.login, expires: nil, actor: admin, at: Date()
                    ).token
                }
            }
            let server = try ServeProcess(arguments: [
                "--database", database.url, "--public-rate", "1000000", "--public-burst", "1000000",
            ])
            // A case for the examples to find.
            let receipt = try server.http.request(
                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
                body: Data(ServiceFixtures.complaint.utf8))
            #expect(receipt.status == 201)

            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent("ops/fuzz-service")
            let process = Process()
            process.executableURL = script
            process.arguments = [
                "http://127.0.0.1:\(server.port)", "--token", token, "--max-examples", "25", "--seed", "7", "--workers",
                "1",
            ]
            let output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "redress-fuzz-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            let deadline = Date().addingTimeInterval(540)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let report = ServeProcess.read(output)
            #expect(process.terminationStatus == 0, "schemathesis failed:\n\(report.suffix(4000))")
            #expect(report.contains("passed"))
            if let summary = report.split(separator: "\n").first(where: { $0.contains("generated,") }) {
                print("schemathesis: \(summary.trimmingCharacters(in: .whitespaces))")
            }
            #expect(!server.log.contains("http.status=5"), "no 5xx in the server's log")
            #expect(server.terminate() == 0)
        }
    }
}

/// Runs `redress ARGUMENTS` with its output in a file and waits for it
/// with waitpid. Foundation's Process is not used here: it learns of a
/// child's exit from a socket the child inherits, and `local start` leaves
/// a PostgreSQL server behind that inherits it too, so it would never see
/// the exit.
func runDetached(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("redress-run-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: log) }
    let path = RedressBinary.builtBinary().path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw ServeProcess.ServeFailure("cannot start \(path): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, ServeProcess.read(log))
}

/// Waits on this thread until `condition` holds, or fails after `timeout` seconds.
func waitUntilBlocking(_ what: String, timeout: TimeInterval, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return }
        usleep(50_000)
    }
    throw ServeProcess.ServeFailure("timed out after \(Int(timeout)) s waiting until \(what)")
}

/// Waits until `condition` holds, or fails after `timeout` seconds.
func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: () throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw ServeProcess.ServeFailure("timed out after \(Int(timeout)) s waiting until \(what)")
}

/// Clients that send a mix of intake, staff and readiness requests in a
/// loop and record each answer's status and time.
final class LoadGenerator: @unchecked Sendable {
    struct Result {
        var index: Int
        var status: Int
        var seconds: Double
        var error: String?
    }

    let port: Int
    let bearer: String
    let clients: Int
    private let lock = NSLock()
    private var recorded: [Result] = []
    private var running = false
    private let done = DispatchGroup()

    init(port: Int, bearer: String, clients: Int) {
        self.port = port
        self.bearer = bearer
        self.clients = clients
    }

    func start() {
        lock.withLock { running = true }
        for client in 0..<clients {
            done.enter()
            Thread.detachNewThread { [self] in
                var turn = client
                while lock.withLock({ running }) {
                    let http = LoopbackHTTP(port: port, timeout: 10)
                    let begin = Date()
                    var status = 0
                    var failure: String?
                    do {
                        switch turn % 3 {
                        case 0:
                            status = try http.request(
                                "POST", "/v1/complaints", headers: ["Content-Type": "application/json"],
                                body: Data(ServiceFixtures.complaint.utf8)
                            ).status
                        case 1:
                            status = try http.request(
                                "GET", "/v1/cases?limit=5", headers: ["Authorization": "Bearer \(bearer)"]
                            ).status
                        default:
                            status = try http.request("GET", "/readyz").status
                        }
                    } catch {
                        failure = "\(error)"
                    }
                    let seconds = Date().timeIntervalSince(begin)
                    lock.withLock {
                        recorded.append(Result(index: recorded.count, status: status, seconds: seconds, error: failure))
                    }
                    turn += 1
                    usleep(20_000)
                }
                done.leave()
            }
        }
    }

    /// The index the next result will have.
    func mark() -> Int { lock.withLock { recorded.count } }

    func results(since index: Int) -> [Result] {
        lock.withLock { Array(recorded[min(index, recorded.count)...]) }
    }

    func stop() {
        lock.withLock { running = false }
        done.wait()
    }
}

@Suite("The deadline report over HTTP", .serialized)
struct StreamedReportTests {
    /// The report goes out in chunks as its rows come, and says what the CLI says; a client
    /// that hangs up half-way frees its database connection (the pool has one).
    @Test func theReportStreamsAndAClientThatLeavesFreesItsConnection() throws {
        try withTestDatabase { database in
            let cli = RedressBinary(database: database.url)
            let seeded = try cli.run(["demo", "seed", "--cases", "3000", "--seed", "1", "--as-of", "2026-06-30"])
            try #require(seeded.status == 0, "\(seeded)")
            let login = "reader_\(database.name.suffix(8))"
            try database.createLogin(login)
            try #require(try cli.run(["staff", "add", login, "--role", "supervisor"]).status == 0)
            let created = try cli.run(["staff", "token", "create", login])
            try #require(created.status == 0, "\(created)")
            let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let server = try ServeProcess(arguments: ["--database", database.url, "--pool-size", "1"])
            defer { _ = server.terminate() }
            let http = LoopbackHTTP(port: server.port, timeout: 120)
            let path = "/v1/reports/deadlines?as_of=2026-06-30"
            let report = try http.request("GET", path, headers: ["Authorization": "Bearer \(token)"])
            #expect(report.status == 200)
            #expect(report.headers["transfer-encoding"]?.lowercased() == "chunked", "\(report.headers)")
            #expect(report.headers["content-length"] == nil)
            let printed = try RedressBinary(database: database.url(asUser: login))
                .run(["report", "deadlines", "--as-of", "2026-06-30", "--format", "json"])
            try #require(printed.status == 0, "\(printed)")
            func canonical(_ data: Data) throws -> Data {
                try JSONSerialization.data(
                    withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
            }
            #expect(try canonical(report.body) == canonical(Data(printed.stdout.utf8)))

            // A refusal before the report starts is an ordinary error answer.
            let refused = try http.request(
                "GET", path, headers: ["Authorization": "Bearer rdt_1_\(String(repeating: "0", count: 64))"])
            #expect(refused.status == 401, "\(refused)")
            let unknown = try http.request(
                "GET", "/v1/reports/deadlines?assignee=nobody", headers: ["Authorization": "Bearer \(token)"])
            #expect(unknown.status == 404, "\(unknown)")

            // Three clients read the first bytes and hang up; the one connection serves on.
            for _ in 0..<3 {
                let fd = try LoopbackHTTP.openSocket(port: server.port, from: "127.0.0.1")
                var small: Int32 = 4096
                setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
                let head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\r\n"
                _ = head.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                var buffer = [UInt8](repeating: 0, count: 1024)
                #expect(recv(fd, &buffer, buffer.count, 0) > 0)
                close(fd)
            }
            let after = try http.request("GET", path, headers: ["Authorization": "Bearer \(token)"])
            #expect(after.status == 200, "\(after)")
            #expect(try canonical(after.body) == canonical(report.body))
        }
    }
}
