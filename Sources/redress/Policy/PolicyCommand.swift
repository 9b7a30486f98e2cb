import ArgumentParser
import RedressCore

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "The time-limit policy and its versions.",
        subcommands: [PolicyShow.self, PolicySet.self, PolicyHistory.self, PolicyRebase.self])
}
