import ArgumentParser
import RedressCore
import RedressStore

struct ArbitrationConsent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record one party's consent to arbitration.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "complainant or respondent.") var party: DisputeParty

    func run() throws {
        try runCaseChange(options, database: database) {
            try ArbitrationStore($0.connection).consent(
                reference: reference, party: party, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
