import ArgumentParser
import RedressCore
import RedressStore

struct ReviewDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Record the review's outcome (the reviewer or the ombudsperson).",
        discussion:
            "upheld: the decision stands; varied: it stands with the new --text; remitted: the case goes back to investigation."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "upheld, varied or remitted.") var outcome: ReviewOutcome
    @Option(name: .long, help: "The reviewer's reasons.") var reasons: String
    @Option(name: .long, help: "The decision's text as varied (with --outcome varied).") var text: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try ReviewStore($0.connection).decide(
                reference: reference, outcome: outcome, reasons: reasons, variedText: text, actor: $1, at: $2,
                expectVersion: $3)
        }
    }
}
