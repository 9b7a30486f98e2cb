import ArgumentParser
import Foundation
import RedressStore

struct StaffTokenRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a bearer token at once (see 'staff token list' for ids). Needs the admin role.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The token's id (the number in rdt_ID_...).") var id: Int64

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.transaction { try StaffTokenStore($0).revoke(id: id, actor: session.actor, at: Date()) }
        printErr("token \(id) is revoked")
    }
}
