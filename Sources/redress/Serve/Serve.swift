import ArgumentParser
import Dispatch
import Foundation
import Logging
import Postgres
import RedressService
import RedressStore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP JSON service until SIGTERM or SIGINT.",
        discussion: """
            Prints 'listening on http://HOST:PORT' on stdout once it accepts connections, \
            and logs one line per request on stderr. The API is described at /openapi.json; \
            the public complaint form is at /complain and the status page at /status. \
            With --read-database (or REDRESS_READ_DATABASE_URL), GET endpoints that only read \
            read there, and on the primary while it does not answer. \
            Put it behind a reverse proxy for TLS; keep --host on loopback there.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("TCP port; 0 picks a free one.", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("The most database connections to open.", valueName: "n"))
    var poolSize = 8

    @Option(
        help: ArgumentHelp(
            "Seconds a request waits for a database connection before it is answered 503.", valueName: "seconds"))
    var databaseWait = 5

    @Option(
        help: ArgumentHelp(
            "Seconds one database statement may run or wait for a lock before it is cancelled and the request answered 503.",
            valueName: "seconds"))
    var statementTimeout = 4

    @Option(
        help: ArgumentHelp(
            "Seconds the deadline report (GET /v1/reports/deadlines), one long read, may run.", valueName: "seconds"))
    var reportTimeout = 600

    @Option(
        help: ArgumentHelp(
            "Public requests (intake, status) a client may send a minute after its burst.", valueName: "n"))
    var publicRate = 30

    @Option(help: ArgumentHelp("Public requests a client may send at once.", valueName: "n"))
    var publicBurst = 10

    @Option(
        help: ArgumentHelp(
            "Seconds a connection may stay idle, or take to send a request's head, before it is closed.",
            valueName: "seconds"))
    var idleTimeout = 15

    @Option(
        help: ArgumentHelp(
            "The most connections one client address may hold at once (raise it behind a proxy).", valueName: "n"))
    var connectionsPerClient = 64

    @Flag(help: "Take the client's address from X-Forwarded-For (only behind a proxy that sets it).")
    var trustForwardedFor = false

    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel = "info"

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(port)")
        }
        guard (1...256).contains(poolSize) else {
            throw ValidationError("--pool-size must be between 1 and 256, not \(poolSize)")
        }
        guard (1...600).contains(databaseWait) else {
            throw ValidationError("--database-wait must be between 1 and 600 seconds, not \(databaseWait)")
        }
        guard (1...600).contains(statementTimeout) else {
            throw ValidationError("--statement-timeout must be between 1 and 600 seconds, not \(statementTimeout)")
        }
        guard (1...86_400).contains(reportTimeout) else {
            throw ValidationError("--report-timeout must be between 1 and 86400 seconds, not \(reportTimeout)")
        }
        guard publicRate >= 1, publicBurst >= 1 else {
            throw ValidationError("--public-rate and --public-burst must be at least 1")
        }
        guard (1...3600).contains(idleTimeout) else {
            throw ValidationError("--idle-timeout must be between 1 and 3600 seconds, not \(idleTimeout)")
        }
        guard (1...100_000).contains(connectionsPerClient) else {
            throw ValidationError("--connections-per-client must be between 1 and 100000, not \(connectionsPerClient)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical, not '\(logLevel)'")
        }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "redress.serve")

        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.poolSize = poolSize
        configuration.databaseWaitLimit = .seconds(databaseWait)
        configuration.statementTimeout = .seconds(statementTimeout)
        configuration.reportTimeout = .seconds(reportTimeout)
        configuration.publicRequestsPerMinute = publicRate
        configuration.publicBurst = publicBurst
        configuration.trustForwardedFor = trustForwardedFor
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.connectionsPerClient = connectionsPerClient
        // The public forms' tokens: shared by every instance behind one proxy, random otherwise.
        if let secret = ProcessInfo.processInfo.environment["REDRESS_FORM_SECRET"], !secret.isEmpty {
            configuration.formSecret = secret
        }

        let settings = configuration
        let target = database.target
        try checkSchema(target, logger: logger)
        // A server that does not answer must not hold a request longer than the wait limit.
        let databaseConfiguration = target.configuration.withDefaultConnectTimeout(seconds: databaseWait)
        let readConfiguration = database.readTarget?.configuration.withDefaultConnectTimeout(seconds: databaseWait)

        try blockUntilDone {
            try await RedressServer.run(
                configuration: settings, database: databaseConfiguration, readDatabase: readConfiguration,
                logger: logger
            ) {
                host, port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
            }
        }
    }

    /// Refuses to serve a database whose schema is behind this binary; starts
    /// anyway when the database is down (the service answers 503 until it is up).
    func checkSchema(_ target: DatabaseTarget, logger: Logger) throws {
        let connection: PostgresConnection
        do {
            connection = try target.connect()
        } catch {
            logger.warning(
                "database not reachable at start; answering 503 until it is",
                metadata: ["db.error": "\(error.description)"])
            return
        }
        defer { connection.close() }
        let status = try Migrator().status(connection)
        if !status.pending.isEmpty {
            throw CLIFailure(
                status: .failure,
                description:
                    "\(status.pending.count) migration(s) pending: run 'redress db migrate' before 'redress serve'")
        }
    }
}

extension PostgresConfiguration {
    /// Adds libpq's `connect_timeout` unless the environment sets one.
    func withDefaultConnectTimeout(seconds: Int) -> PostgresConfiguration {
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] != nil { return self }
        if parameters.contains(where: { $0.0 == "connect_timeout" || $0.1.contains("connect_timeout") }) { return self }
        return with("connect_timeout", String(seconds))
    }
}

/// Runs async work from a synchronous command and waits for it on this
/// thread, which is not one of the cooperative pool's.
func blockUntilDone(_ work: @escaping @Sendable () async throws -> Void) throws {
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await work() } catch { outcome.error = error }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
}
