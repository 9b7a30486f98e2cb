import ArgumentParser

struct PartyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "Correct a complainant's or representative's details.",
        subcommands: [PartyUpdate.self])
}
