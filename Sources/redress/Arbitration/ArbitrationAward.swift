import ArgumentParser
import RedressCore
import RedressStore

struct ArbitrationAward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "award", abstract: "Record the award, binding or advisory, with its remedies.",
        discussion:
            "Write each remedy as 'KIND: text' or 'financial AMOUNT CURRENCY: text'. A binding award's remedies start accepted; an advisory award's await the respondent."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The text of the award.") var text: String
    @Flag(help: "Whether the award binds the parties (--binding) or is advisory (--advisory).") var binding: AwardForce
    @Option(name: .long, help: ArgumentHelp("A remedy the award orders (repeat for each).", valueName: "remedy"))
    var remedy: [String] = []

    enum AwardForce: String, EnumerableFlag {
        case binding, advisory
    }

    func run() throws {
        let specs = try parseRemedySpecs(remedy)
        try runCaseChange(options, database: database) {
            try ArbitrationStore($0.connection).award(
                reference: reference, text: text, binding: binding == .binding, remedies: specs,
                actor: $1, at: $2, expectVersion: $3)
        }
    }
}
