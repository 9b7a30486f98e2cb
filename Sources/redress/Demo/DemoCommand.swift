import ArgumentParser

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Synthetic data for demonstrations and benchmarks.",
        subcommands: [DemoSeedCommand.self]
    )
}
