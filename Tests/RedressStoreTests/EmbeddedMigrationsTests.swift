import Foundation
import RedressStore
import Testing

/// The binary carries its migrations (Sources/RedressStore/EmbeddedMigrations.swift,
/// written by ops/embed-migrations) so that it can migrate a database on a
/// machine without the sources. These tests keep that copy and the files in
/// sql/migrations, which a DBA reads and applies with psql, the same.
@Suite("Embedded migrations")
struct EmbeddedMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // RedressStoreTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // the package
        .appendingPathComponent("sql/migrations")

    struct File: Equatable {
        var version: Int
        var name: String
        var up: String?
        var down: String?
    }

    /// The migration files, by version.
    static func files() throws -> [Int: File] {
        var found: [Int: File] = [:]
        let pattern = try Regex(#"^([0-9]{4})_([a-z0-9_]+)\.(up|down)\.sql$"#)
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            guard let match = try pattern.wholeMatch(in: entry) else {
                Issue.record("sql/migrations/\(entry) is not named NNNN_name.up.sql or NNNN_name.down.sql")
                continue
            }
            let version = Int(match.output[1].substring!)!
            let name = String(match.output[2].substring!)
            let data = try Data(contentsOf: folder.appendingPathComponent(entry))
            guard let text = String(data: data, encoding: .utf8) else {
                Issue.record("sql/migrations/\(entry) is not UTF-8")
                continue
            }
            var file = found[version] ?? File(version: version, name: name)
            #expect(file.name == name, "two names for migration \(version): \(file.name) and \(name)")
            if match.output[3].substring == "up" { file.up = text } else { file.down = text }
            found[version] = file
        }
        return found
    }

    /// ops/embed-migrations reads each file with `$(cat ...)`, which drops trailing newlines.
    static func trimmed(_ text: String?) -> String? {
        guard var text else { return nil }
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func theBinaryCarriesExactlyTheMigrationFiles() throws {
        let files = try Self.files()
        #expect(!files.isEmpty)
        #expect(Migration.embedded.map(\.version) == files.keys.sorted(),
                "sql/migrations and EmbeddedMigrations.swift list different versions: run ops/embed-migrations")
        for migration in Migration.embedded {
            guard let file = files[migration.version] else { continue }
            #expect(file.name == migration.name, "migration \(migration.version)")
            #expect(file.up != nil, "\(migration.fileStem).up.sql is missing")
            #expect(file.down != nil, "\(migration.fileStem).down.sql is missing")
            #expect(Self.trimmed(file.up) == Self.trimmed(migration.up),
                    "\(migration.fileStem).up.sql differs from the embedded copy: run ops/embed-migrations")
            #expect(Self.trimmed(file.down) == Self.trimmed(migration.down),
                    "\(migration.fileStem).down.sql differs from the embedded copy: run ops/embed-migrations")
        }
    }

    @Test func versionsCountUpFromOneWithoutGaps() throws {
        let versions = try Self.files().keys.sorted()
        #expect(versions == (0..<versions.count).map { $0 + 1 })
        #expect(Migration.embedded.map(\.fileStem) == Migration.embedded.sorted { $0.version < $1.version }.map(\.fileStem))
    }

    @Test func everyMigrationHasSomethingToDoBothWays() {
        for migration in Migration.embedded {
            #expect(!migration.up.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) up")
            #expect(!migration.down.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) down")
        }
    }
}
