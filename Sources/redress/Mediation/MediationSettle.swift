import ArgumentParser
import RedressCore
import RedressStore

struct MediationSettle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle", abstract: "Record a settlement; each term becomes an agreed remedy item.",
        discussion:
            "Write each term as 'KIND: text' (apology, explanation, decision_retaken, record_amended, service_provided, stop_violation, policy_change, training, preventive_measure, others_affected, other) or 'financial AMOUNT CURRENCY: text'; a term without a kind is of kind other."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("A term of the settlement (repeat for each).", valueName: "term")) var term:
        [String] = []

    func run() throws {
        let specs = try parseRemedySpecs(term)
        try runCaseChange(options, database: database) {
            try MediationStore($0.connection).settle(
                reference: reference, terms: specs, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
