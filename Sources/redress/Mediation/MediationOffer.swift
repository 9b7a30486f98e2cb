import ArgumentParser
import RedressCore
import RedressStore

struct MediationOffer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "offer", abstract: "Offer mediation to both parties.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("The mediator's staff login.", valueName: "login")) var mediator: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try MediationStore($0.connection).offer(
                reference: reference, mediator: mediator, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
