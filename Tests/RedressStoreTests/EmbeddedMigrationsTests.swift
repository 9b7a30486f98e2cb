import Foundation
import RedressStore
import Testing

/// The build embeds sql/migrations in the binary (RedressEmbedPlugin), so that it can migrate
/// a database on a machine without the sources. These tests check that every file is there,
/// in order, and that the files keep the rules `redress db` relies on.
@Suite("Embedded migrations")
struct EmbeddedMigrationsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // RedressStoreTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // the package
        .appendingPathComponent("sql/migrations")

    @Test func theBinaryCarriesEveryMigrationFileInOrder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        #expect(!files.isEmpty)
        let embedded = Migration.embedded.flatMap { ["\($0.fileStem).down.sql", "\($0.fileStem).up.sql"] }
        #expect(
            embedded == files,
            "only in sql/migrations: \(Set(files).subtracting(embedded).sorted()); only embedded: \(Set(embedded).subtracting(files).sorted())"
        )
    }

    /// SwiftPM plans a build again only when a module's folder changes, so an in-place edit to
    /// a migration added since then is not seen (RedressEmbedPlugin sees the addition itself
    /// through the folder). This says so rather than let a test database get the older text.
    @Test func theBinaryCarriesEachFileAsItIsNow() throws {
        for migration in Migration.embedded {
            for (direction, embedded) in [("up", migration.up), ("down", migration.down)] {
                let file = Self.folder.appendingPathComponent("\(migration.fileStem).\(direction).sql")
                var text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                // Embedded text drops trailing line breaks, as the checksums in databases expect.
                while text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
                #expect(
                    embedded == text,
                    "sql/migrations/\(migration.fileStem).\(direction).sql changed since it was embedded: touch Package.swift and build again"
                )
            }
        }
    }

    @Test func versionsCountUpFromOneWithoutGaps() {
        #expect(Migration.embedded.map(\.version) == (0..<Migration.embedded.count).map { $0 + 1 })
    }

    @Test func everyMigrationHasSomethingToDoBothWays() {
        for migration in Migration.embedded {
            #expect(!migration.up.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) up")
            #expect(
                !migration.down.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) down")
        }
    }
}
