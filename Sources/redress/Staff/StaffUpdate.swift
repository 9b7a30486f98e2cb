import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct a staff member's name or email, on the record (admin).",
        discussion: "Example: redress staff update kim --email kim@ombudsman.example. '' clears a value.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String
    @Option(name: .long, help: "The name shown for the login.") var name: String?
    @Option(name: .long, help: "The email address notices to the login go to.") var email: String?

    func run() throws {
        guard name != nil || email != nil else {
            throw ValidationError("Give --name or --email to change.")
        }
        let session = try Session.open(database)
        defer { session.close() }
        let member = try session.transaction {
            try StaffStore($0).update(
                login: login, displayName: name, email: email, actor: session.actor, at: .now)
        }
        print("\(member.login) updated: \(member.displayName ?? "-") <\(member.email ?? "-")>")
    }
}
