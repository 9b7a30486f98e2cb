import ArgumentParser
import RedressCore
import RedressStore

struct ArbitrationCloseHearing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-hearing", abstract: "Close the hearing; the award clock starts.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try ArbitrationStore($0.connection).closeHearing(reference: reference, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
