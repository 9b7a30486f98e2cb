import Foundation

/// Connections shared by concurrent tasks.
///
/// At most `maximumConnections` are open; a task asking for one while all are
/// busy waits without blocking a thread. Each body runs on a thread of the
/// pool's own, never on the cooperative pool. A connection that was lost is
/// dropped and a fresh one is made on the next request, so the pool recovers
/// by itself after a database restart; an idle connection is checked before
/// it is lent, and a transaction a body left open is rolled back.
public final class PostgresConnectionPool: @unchecked Sendable {
    public let configuration: PostgresConfiguration
    public let maximumConnections: Int
    private let executor: BlockingExecutor
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var permits: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var isShutDown = false
    private var inUse = 0

    public init(configuration: PostgresConfiguration, maximumConnections: Int = 8) {
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        permits = maximumConnections
        executor = BlockingExecutor(threads: maximumConnections, name: "postgres-pool")
    }

    /// How many connections are open and how many are lent out now.
    public var usage: (open: Int, inUse: Int, waiting: Int) {
        lock.withLock { (idle.count + inUse, inUse, waiters.count) }
    }

    /// Lends a connection to `body` on a pool thread.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws
        -> T
    {
        await acquirePermit()
        defer { releasePermit() }
        return try await executor.run { [self] in
            let connection = try takeConnection()
            defer { giveBack(connection) }
            return try body(connection)
        }
    }

    /// Closes idle connections and stops the pool's threads.
    public func shutdown() {
        let closing: [PostgresConnection] = lock.withLock {
            isShutDown = true
            defer { idle.removeAll() }
            return idle
        }
        closing.forEach { $0.close() }
        executor.shutdown()
    }

    private func takeConnection() throws -> PostgresConnection {
        let reused: PostgresConnection? = lock.withLock {
            inUse += 1
            return idle.popLast()
        }
        if let reused, reused.isAliveAfterIdling() { return reused }
        reused?.close()
        do {
            return try PostgresConnection.connect(configuration)
        } catch {
            lock.withLock { inUse -= 1 }
            throw error
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        let reusable = connection.prepareForReuse()
        let keep = lock.withLock {
            inUse -= 1
            let keep = reusable && !isShutDown
            if keep { idle.append(connection) }
            return keep
        }
        if !keep { connection.close() }
    }

    private func acquirePermit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted: Bool = lock.withLock {
                if permits > 0 {
                    permits -= 1
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    private func releasePermit() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            if waiters.isEmpty {
                permits += 1
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }
}
