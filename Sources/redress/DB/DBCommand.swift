import ArgumentParser
import Foundation
import RedressStore

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply, inspect and revert schema migrations.",
        subcommands: [DBMigrate.self, DBStatus.self, DBDown.self]
    )
}
