import ArgumentParser
import RedressCore
import RedressStore

struct RemedyReject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Record the respondent's rejection of a remedy item, with its reasons.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The item's number.") var number: Int
    @Option(name: .long, help: "The respondent's reasons.") var reason: String = ""

    func run() throws {
        try runCaseChange(options, database: database) {
            try RemedyStore($0.connection).reject(
                reference: reference, number: number, reason: reason, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
