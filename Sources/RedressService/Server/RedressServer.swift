import Foundation
import Glibc
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
public import Postgres
import ServiceLifecycle
import UnixSignals

/// The HTTP JSON service, `redress serve`: routes, middleware and the
/// service group that runs the HTTP server beside the database pool.
public struct RedressServer: Sendable {
    public let configuration: ServiceConfiguration
    public let database: Database
    /// Where `GET` endpoints that only read may read (a standby), if anywhere (`ReadRoute`).
    public let readDatabase: Database?
    let readRoute = ReadRoute()
    public let metrics: MetricsRegistry
    public let publicLimiter: RateLimiter
    /// Signs and checks the hidden token of the public forms.
    public let formTokens: FormTokens
    let connectionLimiter: ConnectionLimiter
    public let logger: Logger

    public init(
        configuration: ServiceConfiguration, pool: PostgresConnectionPool, readPool: PostgresConnectionPool? = nil,
        logger: Logger
    ) {
        let metrics = MetricsRegistry()
        self.configuration = configuration
        self.metrics = metrics
        self.database = Database(pool: pool, waitLimit: configuration.databaseWaitLimit, metrics: metrics)
        self.readDatabase = readPool.map {
            Database(pool: $0, waitLimit: configuration.databaseWaitLimit, metrics: metrics)
        }
        self.publicLimiter = RateLimiter(
            perMinute: configuration.publicRequestsPerMinute, burst: configuration.publicBurst,
            now: configuration.publicClock)
        self.formTokens = configuration.formSecret.map { FormTokens(secret: Array($0.utf8)) } ?? .random()
        self.connectionLimiter = ConnectionLimiter(perClient: configuration.connectionsPerClient)
        self.logger = logger
    }

    /// Every route behind the service middleware.
    public func buildRouter() -> Router<RedressRequestContext> {
        let router = Router(context: RedressRequestContext.self)
        let allowedMethods = AllowedMethods()
        router.add(middleware: ServiceMiddleware(metrics: metrics, allowedMethods: allowedMethods))
        addOperationalRoutes(to: router)
        addPublicRoutes(to: router)
        addPageRoutes(to: router)
        addStaffRoutes(to: router)
        addDocumentRoutes(to: router)
        addRemedyRoutes(to: router)
        addReportRoutes(to: router)
        allowedMethods.learn(from: router)
        return router
    }

    /// The Hummingbird application on the configured address; the pool is
    /// not part of it (see `run`), so tests can run it against their own pool.
    public func buildApplication(onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in })
        -> some ApplicationProtocol
    {
        let limiter = connectionLimiter
        let idle = configuration.idleTimeout.components
        return Application(
            router: buildRouter(),
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: [limiter.handler()],
                    idleTimeout: TimeAmount.nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
                )),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil),
            onServerRunning: { channel in
                let address = channel.localAddress
                await onListening(address?.ipAddress ?? configuration.host, address?.port ?? configuration.port)
            },
            logger: logger)
    }

    /// Runs the pool and the HTTP server in one service group until SIGTERM
    /// or SIGINT; then the server stops taking connections, lets requests in
    /// flight finish, and the pool closes after it.
    public static func run(
        configuration: ServiceConfiguration,
        database: PostgresConfiguration,
        readDatabase: PostgresConfiguration? = nil,
        logger: Logger,
        onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }
    ) async throws {
        let pool = PostgresConnectionPool(
            configuration: database.withStatementTimeout(configuration.statementTimeout),
            maximumConnections: configuration.poolSize)
        let readPool = readDatabase.map {
            PostgresConnectionPool(
                configuration: $0.withStatementTimeout(configuration.statementTimeout),
                maximumConnections: configuration.poolSize)
        }
        let server = RedressServer(configuration: configuration, pool: pool, readPool: readPool, logger: logger)
        let pools = [pool] + (readPool.map { [$0] } ?? [])
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                // Shut down in reverse order: the HTTP server first, the pools last.
                services: pools.map { .init(service: DatabasePoolService(pool: $0)) } + [
                    .init(service: server.buildApplication(onListening: onListening))
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            throw ServeError.cannotListen(
                host: configuration.host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        }
    }
}

extension PostgresConfiguration {
    /// Sessions whose statements the server cancels after `limit` (SQLSTATE 57014), rolling
    /// back their transaction: one session that holds a lock and idles (a psql left open in a
    /// transaction) then costs a request a prompt 503 rather than a wait without end.
    func withStatementTimeout(_ limit: Duration) -> PostgresConfiguration {
        withSessionSetting("statement_timeout", String(limit.milliseconds))
    }
}

/// Why `redress serve` could not start.
public enum ServeError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case let .cannotListen(host, port, reason):
            return
                "cannot listen on \(host):\(port): \(reason.lowercased()); choose another --port or stop what uses it"
        }
    }
}
