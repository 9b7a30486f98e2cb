import ArgumentParser
import RedressCore

struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Show or change the office settings.",
        subcommands: [OfficeShow.self, OfficeSet.self])
}
