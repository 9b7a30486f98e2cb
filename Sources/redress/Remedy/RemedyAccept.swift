import ArgumentParser
import RedressCore
import RedressStore

struct RemedyAccept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Record the respondent's acceptance of a remedy item; its clock starts.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The item's number.") var number: Int
    @Option(
        name: .long,
        help: ArgumentHelp("A due date agreed by hand instead of the policy's (YYYY-MM-DD).", valueName: "date"))
    var due: String?

    func run() throws {
        let dueDate = try due.map(parseDate)
        try runCaseChange(options, database: database) {
            try RemedyStore($0.connection).accept(
                reference: reference, number: number, due: dueDate, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
