import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RespondentUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct a respondent body's contact details (admin).",
        discussion:
            "Example: redress respondent update 'Gwangju Metropolitan Transit' --head-of-body 'Director Park'. '' clears a detail."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The body's name or an alias.") var name: String
    @OptionGroup var details: RespondentDetails

    func run() throws {
        guard !details.changes.isEmpty else {
            throw ValidationError("Give at least one detail to change, e.g. --postal-address.")
        }
        let session = try Session.open(database)
        defer { session.close() }
        let entry = try session.transaction {
            try RespondentStore($0).update(name, details.changes, actor: session.actor, at: Date())
        }
        print("updated \(entry.body.name)")
    }
}
