import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RespondentAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a respondent body to the register (admin).",
        discussion: "Example: redress respondent add 'Gwangju Metropolitan Transit' --postal-address '…'")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The body's name.") var name: String
    @OptionGroup var details: RespondentDetails

    func run() throws {
        let changes = details.changes
        let body = RespondentBody(
            name: name, email: changes.email, headOfBodyName: changes.headOfBodyName,
            headOfBodyEmail: changes.headOfBodyEmail, postalAddress: changes.postalAddress,
            headOfBodyPhone: changes.headOfBodyPhone, headOfBodyPostalAddress: changes.headOfBodyPostalAddress)
        let session = try Session.open(database)
        defer { session.close() }
        let entry = try session.transaction { try RespondentStore($0).add(body, actor: session.actor, at: Date()) }
        print("added \(entry.body.name)")
    }
}
