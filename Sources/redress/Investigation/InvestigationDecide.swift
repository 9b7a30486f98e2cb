import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Issue the decision; each recommendation becomes a proposed remedy item.",
        discussion: "Write each recommendation as 'KIND: text' or 'financial AMOUNT CURRENCY: text'.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "upheld, partly_upheld or not_upheld.") var outcome: Outcome
    @Option(name: .long, help: "The findings and reasons (default: those recorded with 'investigation findings').")
    var findings: String?
    @Option(name: .long, help: ArgumentHelp("A recommendation (repeat for each).", valueName: "recommendation"))
    var recommend: [String] = []

    func run() throws {
        let specs = try parseRemedySpecs(recommend)
        try runCaseChange(options, database: database) {
            try DecisionStore($0.connection).decide(
                reference: reference, outcome: outcome, findings: findings, recommendations: specs,
                actor: $1, at: $2, expectVersion: $3)
        }
    }
}
