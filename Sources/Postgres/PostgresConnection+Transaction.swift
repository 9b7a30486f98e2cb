import Glibc

/// Transaction isolation levels.
public enum PostgresIsolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PostgresConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when
    /// it throws. A serialization failure or deadlock runs the whole body
    /// again, up to `attempts` times in all, so the body must not have
    /// effects outside the database.
    public func withTransaction<T>(
        isolation: PostgresIsolation = .readCommitted,
        attempts: Int = 5,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        var attempt = 1
        while true {
            try execute(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation.rawValue)")
            do {
                let value = try body(self)
                try execute(unsafeSQL: "COMMIT")
                return value
            } catch {
                if isHealthy { _ = try? execute(unsafeSQL: "ROLLBACK") }
                if let pgError = error as? PostgresError, pgError.isRetryable, attempt < attempts {
                    attempt += 1
                    // A short, growing pause lets the other transaction finish.
                    usleep(UInt32(1_000 * attempt * attempt))
                    continue
                }
                throw error
            }
        }
    }

    /// Runs `body` inside a savepoint of the current transaction: on throw,
    /// only the work since the savepoint is undone. Either way the savepoint
    /// is gone afterwards, so savepoints of one name nest.
    public func withSavepoint<T>(_ name: String = "redress_sp", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(identifier: name)")
        do {
            let value = try body()
            try execute("RELEASE SAVEPOINT \(identifier: name)")
            return value
        } catch {
            // ROLLBACK TO keeps the savepoint; RELEASE drops it.
            if (try? execute("ROLLBACK TO SAVEPOINT \(identifier: name)")) != nil {
                _ = try? execute("RELEASE SAVEPOINT \(identifier: name)")
            }
            throw error
        }
    }
}
