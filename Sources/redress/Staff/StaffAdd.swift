import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a PostgreSQL login to the staff with its roles (admin).",
        discussion:
            "Roles: intake, caseworker, supervisor, ombudsperson, auditor, admin. The login is granted the redress_staff group role when it exists in PostgreSQL."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String
    @Option(name: .long, help: "A role (repeat for several).") var role: [Role] = []
    @Option(name: .long, help: "The person's name.") var name: String?
    @Option(name: .long, help: "The person's email address.") var email: String?

    func run() throws {
        guard !role.isEmpty else {
            throw ValidationError(
                "Give at least one --role (intake, caseworker, supervisor, ombudsperson, auditor, admin).")
        }
        let session = try Session.open(database)
        defer { session.close() }
        let added = try session.transaction {
            try StaffStore($0).add(
                login: login, roles: role, displayName: name, email: email, actor: session.actor, at: .now)
        }
        print("\(login) added as \(added.member.roles.map(\.rawValue).joined(separator: ", "))")
        if let advice = added.advice { printErr(advice) }
    }
}
