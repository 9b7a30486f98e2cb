import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationResponse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "response", abstract: "Record the respondent's first written response.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "What the response said, in short.") var note: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try DecisionStore($0.connection).recordResponse(
                reference: reference, note: note, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
