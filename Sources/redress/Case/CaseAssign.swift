import ArgumentParser
import RedressCore
import RedressStore

struct CaseAssign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a case to a caseworker.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The staff login.") var login: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.assign(reference: reference, to: login, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
