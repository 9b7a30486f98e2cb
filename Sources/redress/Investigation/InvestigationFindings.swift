import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationFindings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings", abstract: "Record the findings of the investigation.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The findings.") var text: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try DecisionStore($0.connection).recordFindings(
                reference: reference, findings: text, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
