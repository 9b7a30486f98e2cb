import ArgumentParser
import RedressCore
import RedressStore

struct InvestigationOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Move a case to investigation (from triage, or from mediation after a refusal or failure).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.move(reference: reference, MoveRequest(to: .investigation), actor: $1, at: $2, expectVersion: $3)
        }
    }
}
