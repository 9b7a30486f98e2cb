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
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Give the login's open cases to this login first, each assignment audited (also needs supervisor or ombudsperson).",
            valueName: "login"))
    var reassignTo: String?

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let (change, reassigned) = try session.transaction {
            try StaffStore($0).deactivate(login: login, reassignTo: reassignTo, actor: session.actor, at: Date())
        }
        if let reassignTo { printText(reassignedLine(reassigned, from: login, to: reassignTo)) }
        print("\(login) deactivated")
        if let advice = change.advice { printErr(advice) }
    }
}
