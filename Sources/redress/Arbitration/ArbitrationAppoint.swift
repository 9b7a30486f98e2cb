import ArgumentParser
import RedressCore
import RedressStore

struct ArbitrationAppoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appoint", abstract: "Appoint one or more arbitrators.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("An arbitrator's name (repeat for each).", valueName: "name"))
    var arbitrator: [String] = []

    func run() throws {
        try runCaseChange(options, database: database) {
            try ArbitrationStore($0.connection).appoint(
                reference: reference, arbitrators: arbitrator, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
