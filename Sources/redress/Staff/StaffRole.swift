import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Give staff members roles or take roles away (admin).",
        subcommands: [StaffRoleAdd.self, StaffRoleRemove.self])
}

struct StaffRoleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Give a staff member roles.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String
    @Argument(help: "The roles to give.") var roles: [Role]

    func run() throws {
        try changeRoles(database: database, login: login) { $0 + roles }
    }
}

struct StaffRoleRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take roles from a staff member.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String
    @Argument(help: "The roles to take away.") var roles: [Role]

    func run() throws {
        try changeRoles(database: database, login: login) { current in current.filter { !roles.contains($0) } }
    }
}

/// Changes the member's roles with `change`, through the audited path.
private func changeRoles(database: DatabaseOptions, login: String, _ change: ([Role]) -> [Role]) throws {
    let session = try Session.open(database)
    defer { session.close() }
    let member = try session.transaction {
        try StaffStore($0).changeRoles(login: login, actor: session.actor, at: .now, change)
    }
    print("\(login): \(member.roles.map(\.rawValue).joined(separator: ", "))")
}
