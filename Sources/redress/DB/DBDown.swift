import ArgumentParser
import Foundation
import Postgres
import RedressStore

struct DBDown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down", abstract: "Revert the newest applied migration.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let connection = try database.connect()
        defer { connection.close() }
        let migration = try Migrator().down(connection)
        print("reverted \(migration.fileStem)")
    }
}
