import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RespondentRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a respondent body; the old name stays as an alias (admin).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The body's name or an alias.") var name: String
    @Argument(help: "Its new name.") var newName: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let entry = try session.transaction {
            try RespondentStore($0).rename(name, to: newName, actor: session.actor, at: Date())
        }
        print(respondentSummary(entry))
    }
}
