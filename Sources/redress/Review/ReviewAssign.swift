import ArgumentParser
import RedressCore
import RedressStore

struct ReviewAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign the open review to a reviewer who did not take the decision.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The reviewer's staff login.") var login: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try ReviewStore($0.connection).assign(
                reference: reference, reviewer: login, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
