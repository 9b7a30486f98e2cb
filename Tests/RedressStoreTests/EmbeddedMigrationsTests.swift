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
        #expect(embedded == files, "sql/migrations holds \(Set(files).subtracting(embedded).sorted()) beyond the embedded ones")
    }

    @Test func versionsCountUpFromOneWithoutGaps() {
        #expect(Migration.embedded.map(\.version) == (0..<Migration.embedded.count).map { $0 + 1 })
    }

    @Test func everyMigrationHasSomethingToDoBothWays() {
        for migration in Migration.embedded {
            #expect(!migration.up.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) up")
            #expect(!migration.down.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(migration.fileStem) down")
        }
    }
}
