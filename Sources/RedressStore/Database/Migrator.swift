import Foundation
public import Postgres
import RedressCore

/// What is wrong with the migrations recorded in a database.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// A migration that was applied has different SQL now.
    case edited(version: Int, name: String)
    /// The database has a migration this binary does not know: it is newer.
    case unknown(version: Int)
    /// `down` with nothing applied.
    case nothingToRevert
    /// The schema belongs to `redress_owner`, and the migrating login may not act as it.
    case notOwner(login: String)

    public var description: String {
        switch self {
        case let .edited(version, name):
            return
                "migration \(version) (\(name)) was changed after it was applied; landed migrations are immutable: restore the file and add a new migration instead"
        case let .unknown(version):
            return "the database has migration \(version), which this redress does not know; use a newer redress"
        case .nothingToRevert:
            return "no migration is applied, so there is nothing to step back"
        case let .notOwner(login):
            return
                "login \(login) may not act as redress_owner, which owns the schema; a database administrator should run: GRANT redress_owner TO \"\(login)\";"
        }
    }
}

/// Applies and reverts the schema migrations under an advisory lock, each in
/// its own transaction, recording each with a checksum of its SQL.
public struct Migrator: Sendable {
    public var migrations: [Migration]

    /// Held while migrating, so two `db migrate` at once apply each migration once.
    static let lockKey = 0x7265_6472_6573_7301

    public init(migrations: [Migration] = Migration.embedded) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public struct Status: Sendable {
        public var applied: [Int]
        public var pending: [Migration]
    }

    /// Which migrations are applied and which pending; refuses edited ones.
    public func status(_ connection: PostgresConnection) throws -> Status {
        let exists = try connection.query("SELECT to_regclass('schema_migration') IS NOT NULL").first!.decode(
            Bool.self, at: 0)
        guard exists else { return Status(applied: [], pending: migrations) }
        let rows = try connection.query(
            """
            SELECT version, checksum FROM schema_migration ORDER BY version
            """)
        var applied: [Int] = []
        for row in rows {
            let version = try row.decode(Int.self, at: 0)
            let checksum = try row.decode(String.self, at: 1)
            guard let migration = migrations.first(where: { $0.version == version }) else {
                throw MigrationError.unknown(version: version)
            }
            let expected = try connection.query("SELECT \(Self.checksumSQL(migration.up))").first!.decode(
                String.self, at: 0)
            guard expected == checksum else { throw MigrationError.edited(version: version, name: migration.name) }
            applied.append(version)
        }
        return Status(applied: applied, pending: migrations.filter { !applied.contains($0.version) })
    }

    /// Applies every pending migration in order; returns those applied.
    @discardableResult
    public func migrate(_ connection: PostgresConnection, progress: (Migration) -> Void = { _ in }) throws
        -> [Migration]
    {
        try withLock(connection) {
            try ensureTable(connection)
            var done: [Migration] = []
            for migration in try status(connection).pending {
                progress(migration)
                try connection.withTransaction { tx in
                    try actAsOwner(tx, for: migration)
                    try tx.execute(unsafeSQL: try Self.runnableUp(migration, tx))
                    try tx.execute(
                        """
                        INSERT INTO schema_migration (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(Self.checksumSQL(migration.up)))
                        """)
                }
                done.append(migration)
            }
            // The default policy is written here, by the migrating login, since staff may not
            // write policy and the first complaint's clocks refer to it. Once the schema is the
            // owner's, as the owner; a login the database does not trust (not the superuser)
            // writes the office audit row the database asks of any change of policy.
            let owned = try status(connection).applied.contains(Self.ownerMigration)
            if try connection.query("SELECT to_regclass('policy_version') IS NOT NULL").first!.decode(Bool.self, at: 0)
            {
                try connection.withTransaction { tx in
                    if owned { try actAsOwner(tx) }
                    if try PolicyStore(tx).storeDefault(), owned,
                        try !tx.query("SELECT redress_session_is_trusted()").first!.decode(Bool.self, at: 0)
                    {
                        let login = try tx.query("SELECT session_user::text").first!.decode(String.self, at: 0)
                        try AuditLog(tx).record(
                            caseID: nil, actor: login, at: Date(), kind: "policy_default_stored",
                            data: ["version": .int(Policy.default.version)])
                    }
                }
            }
            // So are the update clocks of cases opened before Redress ran them: their due dates
            // are counted on the office calendar, which SQL does not know.
            if migrations.map(\.version) == Migration.embedded.map(\.version) {
                try connection.withTransaction { tx in
                    try actAsOwner(tx)
                    let login = try tx.query("SELECT session_user::text").first!.decode(String.self, at: 0)
                    try CaseStore(tx).startMissingUpdateClocks(login: login, at: Date())
                }
            }
            return done
        }
    }

    /// Reverts the newest applied migration; returns it.
    @discardableResult
    public func down(_ connection: PostgresConnection) throws -> Migration {
        try withLock(connection) {
            guard let last = try status(connection).applied.last,
                let migration = migrations.first(where: { $0.version == last })
            else {
                throw MigrationError.nothingToRevert
            }
            try connection.withTransaction { tx in
                try actAsOwner(tx, for: migration)
                try tx.execute(unsafeSQL: migration.down)
                try tx.execute("DELETE FROM schema_migration WHERE version = \(migration.version)")
            }
            return migration
        }
    }

    /// The SQL to apply for `migration`: its file's, but for one statement. Migration 2 creates
    /// `redress_staff` wherever it runs, and PostgreSQL asks for the right to create roles
    /// before it looks whether the role exists; where a database administrator (or another
    /// office's database on the cluster) made it already, that statement is left out, so a
    /// login that may not create roles migrates a new database. The checksum recorded is the
    /// file's all the same.
    static func runnableUp(_ migration: Migration, _ connection: PostgresConnection) throws -> String {
        let createStaff = "    CREATE ROLE redress_staff NOLOGIN;\n"
        guard migration.version == 2, migration.up.contains(createStaff),
            try connection.query("SELECT to_regrole('redress_staff') IS NOT NULL").first!.decode(Bool.self, at: 0)
        else { return migration.up }
        return migration.up.replacingOccurrences(of: createStaff, with: "    NULL;\n")
    }

    /// The migration that gave the schema to `redress_owner`: every later one runs as that
    /// role, so what it creates belongs to the owner and no login owns anything. Earlier ones
    /// (met again after `down`) run as the migrating login, which may create roles.
    public static let ownerMigration = 18

    private func actAsOwner(_ transaction: PostgresConnection, for migration: Migration) throws {
        guard migration.version > Self.ownerMigration else { return }
        try actAsOwner(transaction)
    }

    /// Acts as `redress_owner` for the rest of the transaction.
    private func actAsOwner(_ transaction: PostgresConnection) throws {
        let login = try transaction.query("SELECT session_user::text").first!.decode(String.self, at: 0)
        do {
            try transaction.execute("SET LOCAL ROLE redress_owner")
        } catch {
            guard error.sqlState == "42501" else { throw error }
            throw MigrationError.notOwner(login: login)
        }
    }

    private func ensureTable(_ connection: PostgresConnection) throws {
        try connection.execute(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """)
    }

    private func withLock<T>(_ connection: PostgresConnection, _ body: () throws -> T) throws -> T {
        try connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        return try body()
    }

    /// The SHA-256 of a migration's SQL, computed by the server.
    static func checksumSQL(_ sql: String) -> PostgresQuery {
        "encode(sha256(convert_to(\(sql), 'UTF8')), 'hex')"
    }
}
