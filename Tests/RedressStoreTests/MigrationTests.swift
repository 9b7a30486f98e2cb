import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// Small migrations of the tests' own, so that ordering, stepping down and
/// failure can be checked on more than the schema of the day.
let toyMigrations = [
    Migration(
        version: 1, name: "first", up: "CREATE TABLE toy_one (id integer PRIMARY KEY);", down: "DROP TABLE toy_one;"),
    Migration(
        version: 2, name: "second",
        up: "CREATE TABLE toy_two (id integer PRIMARY KEY REFERENCES toy_one (id));",
        down: "DROP TABLE toy_two;"),
    Migration(
        version: 3, name: "third",
        up: "ALTER TABLE toy_two ADD COLUMN note text;\nCREATE INDEX toy_two_note ON toy_two (note);",
        down: "DROP INDEX toy_two_note;\nALTER TABLE toy_two DROP COLUMN note;"),
]

/// Versions recorded in schema_migration, in order.
func recordedVersions(_ connection: PostgresConnection) throws -> [Int] {
    try connection.query("SELECT version FROM schema_migration ORDER BY version").map { try $0.decode(Int.self, at: 0) }
}

func exists(_ relation: String, _ connection: PostgresConnection) throws -> Bool {
    try connection.query("SELECT to_regclass(\(relation)) IS NOT NULL").first!.decode(Bool.self, at: 0)
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    let lock = NSLock()
    var results: [Int: Result<T, any Error>] = [:]
}

/// Runs `body` once per index on threads of their own, released at the same
/// moment, and returns what each did.
func simultaneously<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) -> [Result<T, any Error>]
{
    let box = ResultBox<T>()
    let ready = DispatchGroup()
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for index in 0..<count {
        ready.enter()
        done.enter()
        let thread = Thread {
            ready.leave()
            start.wait()
            let result = Result { try body(index) }
            box.lock.withLock { box.results[index] = result }
            done.leave()
        }
        thread.start()
    }
    ready.wait()
    for _ in 0..<count { start.signal() }
    done.wait()
    return (0..<count).map { box.results[$0]! }
}

@Suite("Migrator")
struct MigrationTests {
    @Test func upFromEmptyDownOneStepAndUpAgain() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                let migrator = Migrator(migrations: toyMigrations)
                let fresh = try migrator.status(c)
                #expect(fresh.applied.isEmpty)
                #expect(fresh.pending.map(\.version) == [1, 2, 3])
                #expect(try !exists("schema_migration", c))

                var announced: [Int] = []
                let applied = try migrator.migrate(c) { announced.append($0.version) }
                #expect(applied.map(\.version) == [1, 2, 3])
                #expect(announced == [1, 2, 3])
                #expect(try recordedVersions(c) == [1, 2, 3])
                #expect(try migrator.status(c).pending.isEmpty)
                #expect(try exists("toy_two_note", c))
                let names = try c.query("SELECT name FROM schema_migration ORDER BY version").map {
                    try $0.decode(String.self, at: 0)
                }
                #expect(names == ["first", "second", "third"])
                // The checksum is the SHA-256 of the SQL, so a DBA can check it by hand.
                let checksum = try c.query("SELECT checksum FROM schema_migration WHERE version = 1").first!.decode(
                    String.self, at: 0)
                #expect(
                    checksum
                        == (try c.query("SELECT encode(sha256(convert_to(\(toyMigrations[0].up), 'UTF8')), 'hex')")
                            .first!.decode(String.self, at: 0)))

                // Down steps back exactly one migration.
                #expect(try migrator.down(c).version == 3)
                #expect(try recordedVersions(c) == [1, 2])
                #expect(try !exists("toy_two_note", c))
                #expect(try exists("toy_two", c))
                let status = try migrator.status(c)
                #expect(status.applied == [1, 2])
                #expect(status.pending.map(\.version) == [3])
                #expect(try migrator.down(c).version == 2)
                #expect(try !exists("toy_two", c))
                #expect(try exists("toy_one", c))

                #expect(try migrator.migrate(c).map(\.version) == [2, 3])
                #expect(try migrator.migrate(c).isEmpty)
                #expect(try recordedVersions(c) == [1, 2, 3])
            }
        }
    }

    @Test func migrationsRunInVersionOrderWhateverTheListOrder() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                let applied = try Migrator(migrations: toyMigrations.reversed()).migrate(c)
                #expect(applied.map(\.version) == [1, 2, 3])
            }
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                let broken = Migration(
                    version: 2, name: "second",
                    up: "CREATE TABLE toy_half (id integer);\nINSERT INTO toy_half VALUES (1 / 0);",
                    down: "DROP TABLE toy_half;")
                let error = #expect(throws: PostgresError.self) {
                    try Migrator(migrations: [toyMigrations[0], broken, toyMigrations[2]]).migrate(c)
                }
                #expect(error?.sqlState == "22012")
                // The one before it stays; its own half-made table does not.
                #expect(try recordedVersions(c) == [1])
                #expect(try exists("toy_one", c))
                #expect(try !exists("toy_half", c))
                // The advisory lock was let go: another session can take it.
                try db.withConnection { other in
                    let free = try other.query("SELECT pg_try_advisory_lock(\(0x7265_6472_6573_7301))").first!.decode(
                        Bool.self, at: 0)
                    #expect(free)
                }
                // Fixed, it goes on from where it stopped.
                #expect(try Migrator(migrations: toyMigrations).migrate(c).map(\.version) == [2, 3])
            }
        }
    }

    @Test func twoMigratorsAtOnceApplyEachMigrationOnce() throws {
        try withTestDatabase(migrated: false) { db throws in
            // A slow first migration widens the window in which both could start it.
            var slow = toyMigrations
            slow[0].up = "SELECT pg_sleep(0.2);\n" + slow[0].up
            let migrations = slow
            let results = simultaneously(2) { _ in
                try db.withConnection { c in try Migrator(migrations: migrations).migrate(c).map(\.version) }
            }
            let applied = try results.map { try $0.get() }
            #expect(applied.flatMap { $0 }.sorted() == [1, 2, 3])
            #expect(applied.contains([1, 2, 3]))
            #expect(applied.contains([]))
            try db.withConnection { c throws in
                #expect(try recordedVersions(c) == [1, 2, 3])
            }
        }
    }

    @Test func anEditedMigrationIsRefused() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                try Migrator(migrations: Array(toyMigrations.prefix(2))).migrate(c)

                var edited = toyMigrations
                edited[1].up += "\nCREATE INDEX toy_two_id ON toy_two (id);"
                let migrator = Migrator(migrations: edited)
                for attempt in ["status", "migrate", "down"] {
                    let error = #expect(throws: MigrationError.self, "\(attempt)") {
                        switch attempt {
                        case "status": _ = try migrator.status(c)
                        case "migrate": try migrator.migrate(c)
                        default: try migrator.down(c)
                        }
                    }
                    #expect(
                        error?.description
                            == "migration 2 (second) was changed after it was applied; landed migrations are immutable: restore the file and add a new migration instead"
                    )
                }
                // Nothing moved: migration 3 was not applied, 2 was not reverted.
                #expect(try recordedVersions(c) == [1, 2])
                #expect(try !exists("toy_two_id", c))
                #expect(try exists("toy_two", c))

                // A database changed behind the migrator's back is refused the same way.
                try c.execute("UPDATE schema_migration SET checksum = 'tampered' WHERE version = 1")
                let tampered = #expect(throws: MigrationError.self) {
                    try Migrator(migrations: toyMigrations).migrate(c)
                }
                #expect(tampered?.description.hasPrefix("migration 1 (first) was changed after it was applied") == true)
            }
        }
    }

    @Test func aNewerDatabaseIsRefused() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                try Migrator(migrations: toyMigrations).migrate(c)
                let error = #expect(throws: MigrationError.self) {
                    try Migrator(migrations: Array(toyMigrations.prefix(2))).migrate(c)
                }
                #expect(
                    error?.description
                        == "the database has migration 3, which this redress does not know; use a newer redress")
                #expect(try recordedVersions(c) == [1, 2, 3])
            }
        }
    }

    @Test func downWithNothingAppliedIsRefused() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                let migrator = Migrator(migrations: toyMigrations)
                let empty = #expect(throws: MigrationError.self) { try migrator.down(c) }
                #expect(empty?.description == "no migration is applied, so there is nothing to step back")
                try migrator.migrate(c)
                for _ in toyMigrations { try migrator.down(c) }
                #expect(throws: MigrationError.self) { try migrator.down(c) }
                #expect(try recordedVersions(c).isEmpty)
            }
        }
    }

    /// Every object in the public schema, except the migrator's own table.
    func catalog(_ c: PostgresConnection) throws -> [String] {
        try c.query(
            """
            SELECT kind || ' ' || name FROM (
                SELECT c.relkind::text AS kind, c.relname::text AS name
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
                UNION ALL
                SELECT 'type', t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm')
                UNION ALL
                SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
                UNION ALL
                SELECT 'constraint', conname::text FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
                WHERE n.nspname = 'public'
                UNION ALL
                SELECT 'trigger', tgname::text FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL
                SELECT 'extension', extname::text FROM pg_extension
                UNION ALL
                SELECT 'schema', nspname::text FROM pg_namespace
                WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
            ) AS everything
            WHERE name NOT LIKE 'schema_migration%'
            ORDER BY 1
            """
        ).map { try $0.decode(String.self, at: 0) }
    }

    /// The real migrations: each `down` puts the schema back exactly as it
    /// was before its `up`, and up again works after.
    @Test func everyEmbeddedMigrationStepsBackCleanly() throws {
        try withTestDatabase(migrated: false) { db throws in
            try db.withConnection { c in
                let all = Migration.embedded
                #expect(!all.isEmpty)
                var before: [[String]] = []
                for count in 1...all.count {
                    before.append(try catalog(c))
                    try Migrator(migrations: Array(all.prefix(count))).migrate(c)
                }
                let migrated = try catalog(c)
                let migrator = Migrator()
                for migration in all.reversed() {
                    #expect(try migrator.down(c).version == migration.version)
                    #expect(try catalog(c) == before[all.firstIndex(of: migration)!], "down of \(migration.fileStem)")
                }
                #expect(try recordedVersions(c).isEmpty)
                #expect(try migrator.migrate(c).count == all.count)
                #expect(try catalog(c) == migrated)
            }
        }
    }
}

@Suite("Migrating to the owner role")
struct OwnerMigrationTests {
    /// An office migrated by a login of its own (which once could create roles) moves to
    /// `redress_owner` when that login can no longer create roles, once a database
    /// administrator has made it a member of the existing owner role; everything then
    /// belongs to the owner.
    @Test func anUpgradeNeedsNoRightToCreateRoles() throws {
        try withTestDatabase(migrated: false) { db in
            let migrator = "mig_\(db.name.suffix(8))"
            try db.withConnection { connection in
                try connection.execute(
                    unsafeSQL: """
                        CREATE ROLE "\(migrator)" LOGIN CREATEROLE;
                        ALTER DATABASE "\(db.name)" OWNER TO "\(migrator)";
                        """)
            }
            let before = Migration.embedded.filter { $0.version < Migrator.ownerMigration }
            let asMigrator = PostgresConfiguration(url: db.url(asUser: migrator))
            let first = try PostgresConnection.connect(asMigrator)
            try Migrator(migrations: before).migrate(first)
            first.close()
            try db.withConnection { connection in
                try connection.execute(
                    unsafeSQL: "ALTER ROLE \"\(migrator)\" NOCREATEROLE; GRANT redress_owner TO \"\(migrator)\"")
            }
            let second = try PostgresConnection.connect(asMigrator)
            defer { second.close() }
            let applied = try Migrator().migrate(second)
            #expect(applied.map(\.version).contains(Migrator.ownerMigration))
            let notOwned = try second.query(
                """
                SELECT count(*) FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S')
                  AND c.relowner <> 'redress_owner'::regrole
                """
            ).first!.decode(Int.self, at: 0)
            #expect(notOwned == 0)
            #expect(try Migrator().status(second).pending.isEmpty)
        }
    }
}

extension OwnerMigrationTests {
    /// A new office database on a cluster where a database administrator made the roles: the
    /// migrating login may not create roles, only act as the owner, and migrates it whole.
    @Test func aNewDatabaseNeedsNoRightToCreateRolesWhereTheyExist() throws {
        try withTestDatabase(migrated: false) { db in
            let migrator = "new_\(db.name.suffix(8))"
            try db.withConnection { connection in
                try connection.execute(
                    unsafeSQL: """
                        CREATE ROLE "\(migrator)" LOGIN NOCREATEROLE;
                        GRANT redress_owner TO "\(migrator)";
                        ALTER DATABASE "\(db.name)" OWNER TO "\(migrator)";
                        """)
                #expect(
                    try connection.query("SELECT to_regrole('redress_staff') IS NOT NULL").first!.decode(
                        Bool.self, at: 0))
            }
            let connection = try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: migrator)))
            defer { connection.close() }
            let applied = try Migrator().migrate(connection)
            #expect(applied.count == Migration.embedded.count)
            // The checksums recorded are the files' own: the next run finds nothing edited.
            #expect(try Migrator().status(connection).pending.isEmpty)
            #expect(try Migrator().migrate(connection).isEmpty)
            // The default policy is stored, with the office audit row the database asks of this login.
            let stored = try connection.query(
                "SELECT count(*) FROM case_event WHERE kind = 'policy_default_stored' AND actor = session_user"
            ).first!.decode(Int.self, at: 0)
            #expect(stored == 1)
            #expect(try connection.query("SELECT count(*) FROM policy_version").first!.decode(Int.self, at: 0) == 1)
        }
    }

    /// An audit log written before migration 18 (by the chain that kept its tail in a session
    /// setting) still verifies after it, and rows written since extend the same chain.
    @Test func theAuditChainCarriesOverMigration18() throws {
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { connection in
                let before = Migration.embedded.filter { $0.version < Migrator.ownerMigration }
                try Migrator(migrations: before).migrate(connection)
                let insert = "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES"
                try connection.withTransaction {
                    try $0.execute(unsafeSQL: "\(insert) (NULL, 'a', now(), 'one'), (NULL, 'b', now(), 'two')")
                }
                try connection.execute(unsafeSQL: "\(insert) (NULL, 'c', now(), 'three')")
                try Migrator().migrate(connection)
                #expect(try AuditLog(connection).verify().isIntact)
                try connection.withTransaction {
                    try $0.execute(unsafeSQL: "\(insert) (NULL, 'd', now(), 'four'), (NULL, 'e', now(), 'five')")
                    try $0.execute(unsafeSQL: "\(insert) (NULL, 'f', now(), 'six')")
                }
                let verification = try AuditLog(connection).verify()
                #expect(verification.isIntact)
                let ids = try connection.query("SELECT id FROM case_event ORDER BY id").map {
                    try $0.decode(Int.self, at: 0)
                }
                #expect(ids == Array(1...6))
            }
        }
    }
}
