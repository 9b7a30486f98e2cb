import ArgumentParser
import RedressCore
import RedressStore

struct RemedyProgress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Record progress on a remedy item.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The item's number.") var number: Int
    @Option(name: .long, help: "What was done.") var note: String = ""

    func run() throws {
        try runCaseChange(options, database: database) {
            try RemedyStore($0.connection).progress(
                reference: reference, number: number, note: note, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
