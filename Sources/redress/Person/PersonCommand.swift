import ArgumentParser

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "What the office holds about one person, across cases.",
        subcommands: [PersonErase.self])
}
