import ArgumentParser
import Foundation
import Postgres
import RedressStore

struct DBStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List applied and pending migrations; exit 1 while any is pending."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let connection = try database.connect()
        defer { connection.close() }
        let migrator = Migrator()
        let status = try migrator.status(connection)
        for migration in migrator.migrations {
            print("\(status.applied.contains(migration.version) ? "applied" : "pending")  \(migration.fileStem)")
        }
        if !status.pending.isEmpty {
            throw CLIFailure(
                status: .failure, description: "\(status.pending.count) migration(s) pending: run 'redress db migrate'")
        }
    }
}
