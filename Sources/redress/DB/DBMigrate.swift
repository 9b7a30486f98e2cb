import ArgumentParser
import Foundation
import Postgres
import RedressStore

struct DBMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply every pending migration, in order.")

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Print the SQL that would run and change nothing.")
    var dryRun = false

    func run() throws {
        let connection = try database.connect()
        defer { connection.close() }
        let migrator = Migrator()
        if dryRun {
            for migration in try migrator.status(connection).pending {
                print("-- \(migration.fileStem).up.sql\n\(migration.up)\n")
            }
            return
        }
        let applied = try migrator.migrate(connection) { printErr("applying \($0.fileStem)") }
        print(applied.isEmpty ? "the database is up to date" : "applied \(applied.count) migration(s)")
    }
}
