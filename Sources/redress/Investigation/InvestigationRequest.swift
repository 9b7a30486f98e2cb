import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Ask the respondent for further information; prints the request's number.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "What is asked.") var about: String

    func run() throws {
        var number = 0
        try runCaseChange(options, database: database, quiet: true) {
            let made = try DecisionStore($0.connection).requestInformation(
                reference: reference, about: about, actor: $1, at: $2, expectVersion: $3)
            number = made.number
            return made.change
        }
        if options.format != .json { print(number) }
    }
}
