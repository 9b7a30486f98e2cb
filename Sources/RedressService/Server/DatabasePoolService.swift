public import Postgres
public import ServiceLifecycle

/// The connection pool as a member of the service group: it lives until the
/// group shuts down gracefully, after the HTTP server (listed after it) has
/// finished its requests, and then closes its connections and threads.
public struct DatabasePoolService: Service {
    public let pool: PostgresConnectionPool

    public init(pool: PostgresConnectionPool) {
        self.pool = pool
    }

    public func run() async throws {
        // Cancellation and graceful shutdown both end the wait; either way
        // the pool is closed once.
        try? await gracefulShutdown()
        pool.shutdown()
    }
}
