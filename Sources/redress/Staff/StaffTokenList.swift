import ArgumentParser
import Foundation
import RedressStore

struct StaffTokenList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List bearer tokens (never their secrets), newest first. Needs the admin role.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let tokens = try session.transaction { try StaffTokenStore($0).list(actor: session.actor, at: Date()) }
        if format == .json {
            try printJSON(tokens)
            return
        }
        printTable(
            header: ["ID", "LOGIN", "STATE", "CREATED", "CREATED BY", "EXPIRES", "REVOKED"],
            rows: tokens.map { token in
                [
                    String(token.id), token.login, token.state, token.createdAt.formatted(.iso8601), token.createdBy,
                    token.expiresAt?.formatted(.iso8601) ?? "", token.revokedAt?.formatted(.iso8601) ?? "",
                ]
            })
    }
}
