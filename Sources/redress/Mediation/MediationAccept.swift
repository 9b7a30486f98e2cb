import ArgumentParser
import RedressCore
import RedressStore

struct MediationAccept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Record one party's acceptance of the mediation offer.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "complainant or respondent.") var party: DisputeParty

    func run() throws {
        try runCaseChange(options, database: database) {
            try MediationStore($0.connection).answer(
                reference: reference, party: party, accepts: true, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
