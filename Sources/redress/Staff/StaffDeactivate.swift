import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Stop a login from acting and reading, and revoke its tokens; its history stays (admin).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let change = try session.transaction {
            try StaffStore($0).deactivate(login: login, actor: session.actor, at: .now)
        }
        print("\(login) deactivated")
        if let advice = change.advice { printErr(advice) }
    }
}
