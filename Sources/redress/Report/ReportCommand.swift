import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produce the office's reports.",
        subcommands: [ReportDeadlines.self, ReportStats.self]
    )
}
