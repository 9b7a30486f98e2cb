import ArgumentParser
import RedressCore
import RedressStore

struct RemedyEvidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Record evidence of implementation; the verification clock starts.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The item's number.") var number: Int
    @Option(name: .long, help: "What the evidence is.") var description: String = ""

    func run() throws {
        try runCaseChange(options, database: database) {
            try RemedyStore($0.connection).evidence(
                reference: reference, number: number, description: description, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
