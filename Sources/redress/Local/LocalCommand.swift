import ArgumentParser
import Foundation
import RedressStore

struct LocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run a private PostgreSQL for this machine (socket only, no TCP).",
        subcommands: [LocalStart.self, LocalStop.self, LocalStatus.self, LocalPromote.self]
    )
}
