import ArgumentParser

struct StaffTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue, list and revoke bearer tokens for the HTTP service.",
        subcommands: [StaffTokenCreate.self, StaffTokenList.self, StaffTokenRevoke.self])
}
