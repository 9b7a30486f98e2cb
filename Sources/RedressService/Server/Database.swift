import Foundation
public import Postgres

/// The service's way to the database: the pool, with a bound on how long a
/// request waits for a connection.
///
/// A request that gets no connection within `waitLimit` (the pool is busy, or
/// the server does not answer) is given up with a 503 and its work is never
/// started; work that has started runs to its end and its answer is returned,
/// so a client is never told "unavailable" about a change that was made. Work
/// can end early only by an error: a statement past the session's time limit
/// (`ServiceConfiguration.statementTimeout`) is cancelled by the server, its
/// transaction rolled back before the error comes here, and nothing retries it.
public struct Database: Sendable {
    public let pool: PostgresConnectionPool
    public let waitLimit: Duration
    let metrics: MetricsRegistry?

    public init(pool: PostgresConnectionPool, waitLimit: Duration = .seconds(5), metrics: MetricsRegistry? = nil) {
        self.pool = pool
        self.waitLimit = waitLimit
        self.metrics = metrics
    }

    /// Runs `body` with a pooled connection on a pool thread.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws
        -> T
    {
        let gate = StartGate<T>()
        let pool = pool
        let limit = waitLimit
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            gate.install(continuation)
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled else { return }
                if gate.abandonIfNotStarted() { metrics?.recordDatabaseTimeout() }
            }
            Task {
                do {
                    let value = try await pool.withConnection { connection in
                        guard gate.start() else { throw DatabaseWaitAbandoned() }
                        return try body(connection)
                    }
                    gate.finish(.success(value))
                } catch {
                    gate.finish(.failure(error))
                }
                timer.cancel()
            }
        }
    }

    /// Whether the database answers a trivial query now.
    public func isReachable() async -> Bool {
        (try? await withConnection { try $0.query("SELECT 1").count == 1 }) ?? false
    }
}

/// Thrown inside the pool when a request was already answered with a 503.
struct DatabaseWaitAbandoned: Error {}

/// Decides, once, whether a request's work starts or is given up, and
/// resumes the waiting request exactly once.
final class StartGate<T: Sendable>: @unchecked Sendable {
    private enum State { case waiting, started, abandoned, done }
    private let lock = NSLock()
    private var state = State.waiting
    private var continuation: CheckedContinuation<T, any Error>?

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Called on the pool thread with a connection in hand; false when the
    /// request was already given up.
    func start() -> Bool {
        lock.withLock {
            guard state == .waiting else { return false }
            state = .started
            return true
        }
    }

    /// Gives the request up with a 503 unless its work has started.
    func abandonIfNotStarted() -> Bool {
        let continuation: CheckedContinuation<T, any Error>? = lock.withLock {
            guard state == .waiting else { return nil }
            state = .abandoned
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(throwing: ServiceError.databaseUnavailable())
        return continuation != nil
    }

    func finish(_ result: Result<T, any Error>) {
        let continuation: CheckedContinuation<T, any Error>? = lock.withLock {
            guard state != .abandoned, state != .done else { return nil }
            state = .done
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(with: result)
    }
}
