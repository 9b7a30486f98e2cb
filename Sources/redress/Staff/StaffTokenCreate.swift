import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffTokenCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Issue a bearer token that acts as a staff member; print it once.",
        discussion:
            "Prints the token alone on stdout; only its hash is stored, so it cannot be shown again. Needs the admin role."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The staff member's login.") var login: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "When the token stops working: YYYY-MM-DD (at the end of that day, office time) or an instant with Z or an offset (default: never).",
            valueName: "date"))
    var expires: String?
    @Option(name: .long, help: "Print 'text' (the token) or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let expiry: TokenExpiry? = try expires.map { text in
            if text.count == 10 { return .endOf(try parseDate(text)) }
            return .at(try session.instant(text))
        }
        let issued = try session.transaction {
            try StaffTokenStore($0).create(login: login, expires: expiry, actor: session.actor, at: Date())
        }
        if format == .json {
            try printJSON(issued)
            return
        }
        print(issued.token)
        let until = issued.expiresAt.map { "until \($0.formatted(.iso8601))" } ?? "until revoked"
        printErr("token \(issued.id) acts as \(issued.login) \(until); it is shown only now: keep it secret")
    }
}
