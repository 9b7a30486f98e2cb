import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("redress db")
struct DBCommandTests {
    /// The lines of a command's stderr.
    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    func tableExists(_ name: String, in db: TestDatabase) throws -> Bool {
        try db.withConnection { c in
            try c.query("SELECT to_regclass(\(name)) IS NOT NULL").first!.decode(Bool.self, at: 0)
        }
    }

    func recordedVersions(in db: TestDatabase) throws -> [Int] {
        try db.withConnection { c in
            guard try c.query("SELECT to_regclass('schema_migration') IS NOT NULL").first!.decode(Bool.self, at: 0)
            else { return [] }
            return try c.query("SELECT version FROM schema_migration ORDER BY version").map {
                try $0.decode(Int.self, at: 0)
            }
        }
    }

    var allVersions: [Int] { RedressStoreVersions.all }

    @Test func anUnreachableDatabaseExitsSixNamingHostAndPort() throws {
        let result = try RedressBinary().run(["--database", "postgresql://127.0.0.1:1/nowhere", "db", "status"])
        #expect(result.status == 6, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(lines(result.stderr) == ["redress: cannot connect to PostgreSQL at 127.0.0.1:1: Connection refused"])
    }

    @Test(arguments: ["postgresql://alice@[::1:1/nowhere", "host=127.0.0.1 bogus=1"])
    func malformedSettingsAreAUsageError(url: String) throws {
        let result = try RedressBinary(database: url).run(["db", "status"])
        #expect(result.status == 2, "\(result)")
        #expect(lines(result.stderr).count == 1)
        #expect(result.stderr.contains("cannot read the database settings"))
    }

    @Test(arguments: [
        "postgresql://alice:Hunter2-Secret@127.0.0.1:1/nowhere",
        "postgresql://alice:Hunter2%zz-Secret@127.0.0.1:1/nowhere",
        "postgresql://alice:Hunter2-Secret@[::1:1/nowhere",
        "postgresql://127.0.0.1:1/nowhere?password=Hunter2-Secret",
        "host=127.0.0.1 port=1 user=alice password=Hunter2-Secret",
        "host=127.0.0.1 port=1 password=Hunter2-Secret bogus=1",
    ])
    func aPasswordInTheURLIsNeverPrinted(url: String) throws {
        for command in [["db", "status"], ["db", "migrate"]] {
            let result = try RedressBinary(database: url).run(command)
            // Unreachable (6) or, for settings libpq cannot read, a usage error (2).
            #expect([2, 6].contains(result.status), "\(command): \(result)")
            #expect(!result.stderr.contains("Hunter2"), "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("Hunter2"))
            #expect(lines(result.stderr).count == 1, "\(command): \(result.stderr)")
        }
    }

    @Test func migrateStatusDownAndUpAgain() throws {
        try withTestDatabase(migrated: false) { db throws in
            let redress = RedressBinary(database: db.url)
            let pending = try redress.run("db", "status")
            #expect(pending.status == 1, "\(pending)")
            for migration in RedressStoreVersions.stems {
                #expect(pending.stdout.contains("pending  \(migration)"))
            }
            #expect(
                lines(pending.stderr) == [
                    "redress: \(allVersions.count) migration(s) pending: run 'redress db migrate'"
                ])

            let migrate = try redress.run("db", "migrate")
            #expect(migrate.status == 0, "\(migrate)")
            #expect(migrate.stdout == "applied \(allVersions.count) migration(s)\n")
            #expect(try recordedVersions(in: db) == allVersions)

            let clean = try redress.run("db", "status")
            #expect(clean.status == 0, "\(clean)")
            #expect(!clean.stdout.contains("pending"))
            #expect(clean.stderr.isEmpty)

            let again = try redress.run("db", "migrate")
            #expect(again.status == 0)
            #expect(again.stdout == "the database is up to date\n")

            let down = try redress.run("db", "down")
            #expect(down.status == 0, "\(down)")
            #expect(down.stdout == "reverted \(RedressStoreVersions.stems.last!)\n")
            #expect(try recordedVersions(in: db) == Array(allVersions.dropLast()))
            #expect(try redress.run("db", "status").status == 1)

            #expect(try redress.run("db", "migrate").status == 0)
            #expect(try redress.run("db", "status").status == 0)
            #expect(try recordedVersions(in: db) == allVersions)
        }
    }

    @Test func downWithNothingAppliedExitsOne() throws {
        try withTestDatabase(migrated: false) { db throws in
            let result = try RedressBinary(database: db.url).run("db", "down")
            #expect(result.status == 1)
            #expect(lines(result.stderr) == ["redress: no migration is applied, so there is nothing to step back"])
        }
    }

    @Test func twoMigratesAtOnceBothSucceedAndApplyEachMigrationOnce() throws {
        try withTestDatabase(migrated: false) { db throws in
            let redress = RedressBinary(database: db.url)
            let lock = NSLock()
            nonisolated(unsafe) var results: [CommandResult] = []
            nonisolated(unsafe) var failures: [any Error] = []
            let group = DispatchGroup()
            for _ in 0..<2 {
                group.enter()
                DispatchQueue.global().async {
                    do {
                        let result = try redress.run("db", "migrate")
                        lock.withLock { results.append(result) }
                    } catch {
                        lock.withLock { failures.append(error) }
                    }
                    group.leave()
                }
            }
            group.wait()
            #expect(failures.isEmpty)
            #expect(results.count == 2)
            #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
            let outputs = results.map(\.stdout).sorted()
            #expect(outputs == ["applied \(allVersions.count) migration(s)\n", "the database is up to date\n"])
            #expect(try recordedVersions(in: db) == allVersions)
        }
    }

    @Test func anEditedMigrationIsRefusedWithAClearMessage() throws {
        try withTestDatabase { db throws in
            _ = try db.withConnection { c in
                try c.execute("UPDATE schema_migration SET checksum = 'edited' WHERE version = 1")
            }
            let redress = RedressBinary(database: db.url)
            let expected =
                "redress: migration 1 (\(RedressStoreVersions.names[0])) was changed after it was applied; landed migrations are immutable: restore the file and add a new migration instead"
            for command in [["db", "migrate"], ["db", "status"], ["db", "down"], ["db", "migrate", "--dry-run"]] {
                let result = try redress.run(command)
                #expect(result.status == 1, "\(command): \(result)")
                #expect(lines(result.stderr) == [expected], "\(command)")
            }
            #expect(try recordedVersions(in: db) == allVersions)
        }
    }

    @Test func aDatabaseFromANewerRedressIsRefused() throws {
        try withTestDatabase { db throws in
            _ = try db.withConnection { c in
                try c.execute("INSERT INTO schema_migration (version, name, checksum) VALUES (9999, 'future', 'x')")
            }
            let result = try RedressBinary(database: db.url).run("db", "migrate")
            #expect(result.status == 1)
            #expect(
                lines(result.stderr) == [
                    "redress: the database has migration 9999, which this redress does not know; use a newer redress"
                ])
        }
    }

    @Test func dryRunPrintsTheSQLAndChangesNothing() throws {
        try withTestDatabase(migrated: false) { db throws in
            let redress = RedressBinary(database: db.url)
            let dry = try redress.run("db", "migrate", "--dry-run")
            #expect(dry.status == 0, "\(dry)")
            for (stem, up) in zip(RedressStoreVersions.stems, RedressStoreVersions.ups) {
                #expect(dry.stdout.contains("-- \(stem).up.sql\n\(up)"), "\(stem)")
            }
            #expect(try !tableExists("schema_migration", in: db))
            #expect(try recordedVersions(in: db).isEmpty)
            for table in RedressStoreVersions.createdTables {
                #expect(try !tableExists(table, in: db), "\(table)")
            }
            // Once migrated, there is nothing left to print.
            #expect(try redress.run("db", "migrate").status == 0)
            let nothing = try redress.run("db", "migrate", "--dry-run")
            #expect(nothing.status == 0)
            #expect(!nothing.stdout.contains(".up.sql"))
            #expect(try recordedVersions(in: db) == allVersions)
        }
    }

    /// The binary needs neither the sources nor sql/: copied alone into an
    /// empty folder and run from there, it migrates an empty database.
    @Test func aCopyOfTheBinaryAloneMigratesAnEmptyDatabase() throws {
        try withTestDatabase(migrated: false) { db throws in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "redress-alone-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let copy = folder.appendingPathComponent("redress")
            try FileManager.default.copyItem(at: RedressBinary.builtBinary(), to: copy)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["redress"])
            // Nor a resource bundle of its own: on Linux a copy would still find one at its build path.
            let built = try FileManager.default.contentsOfDirectory(
                atPath: RedressBinary.builtBinary().deletingLastPathComponent().path)
            #expect(built.filter { $0.hasPrefix("redress_") && $0.hasSuffix(".resources") }.isEmpty)

            let process = Process()
            process.executableURL = copy
            process.arguments = ["db", "migrate", "--database", db.url]
            process.currentDirectoryURL = folder
            // Nothing from the test run's environment points back at the sources.
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(printed == "applied \(allVersions.count) migration(s)\n")
            #expect(try recordedVersions(in: db) == allVersions)
            for table in RedressStoreVersions.createdTables {
                #expect(try tableExists(table, in: db), "\(table)")
            }
        }
    }
}

/// The migrations, as sql/migrations holds them (RedressStoreTests proves the
/// binary carries the same), so these tests follow the schema as it grows.
enum RedressStoreVersions {
    struct File {
        var version: Int
        var stem: String
        var name: String
        var up: String
    }

    static let files: [File] = {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sql/migrations")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { $0.hasSuffix(".up.sql") }.sorted().compactMap { entry in
            let stem = String(entry.dropLast(".up.sql".count))
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]),
                var up = try? String(contentsOf: folder.appendingPathComponent(entry), encoding: .utf8)
            else { return nil }
            while up.hasSuffix("\n") { up.removeLast() }
            return File(version: version, stem: stem, name: String(stem[stem.index(after: underscore)...]), up: up)
        }
    }()

    static var all: [Int] { files.map(\.version) }
    static var stems: [String] { files.map(\.stem) }
    static var names: [String] { files.map(\.name) }
    static var ups: [String] { files.map(\.up) }

    /// Tables the migrations create and do not drop again.
    static var createdTables: [String] {
        var tables: [String] = []
        let create = try! Regex(#"(?i)CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)"#)
        let drop = try! Regex(#"(?i)DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([a-z_][a-z0-9_]*)"#)
        for file in files {
            for match in file.up.matches(of: create) { tables.append(String(match.output[1].substring!).lowercased()) }
            for match in file.up.matches(of: drop) {
                tables.removeAll { $0 == String(match.output[1].substring!).lowercased() }
            }
        }
        return tables
    }
}
