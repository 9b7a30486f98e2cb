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
        try changeRoles(database: database, login: login) { current in current + roles.filter { !current.contains($0) }
        }
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

/// Reads the member's roles, changes them with `change`, and writes them through the audited path.
private func changeRoles(database: DatabaseOptions, login: String, _ change: ([Role]) -> [Role]) throws {
    let session = try Session.open(database)
    defer { session.close() }
    let member = try session.transaction { connection in
        let store = StaffStore(connection)
        guard let existing = try store.member(login) else { throw StoreError.staffNotFound(login) }
        return try store.setRoles(login: login, roles: change(existing.roles), actor: session.actor, at: .now)
    }
    print("\(login): \(member.roles.map(\.rawValue).joined(separator: ", "))")
}
