import Foundation
import RedressStore
import ArgumentParser

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply, inspect and revert schema migrations.",
        subcommands: [DBMigrate.self, DBStatus.self, DBDown.self]
    )
}
