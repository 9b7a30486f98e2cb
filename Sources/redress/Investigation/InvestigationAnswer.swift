import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Record the respondent's answer to a further request.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The request's number.") var number: Int

    func run() throws {
        try runCaseChange(options, database: database) {
            try DecisionStore($0.connection).recordAnswer(
                reference: reference, number: number, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
