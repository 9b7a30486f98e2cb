import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct StaffRecusals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recusals", abstract: "List who is recused from which cases and respondent bodies.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Only this staff login's recusals.") var login: String?
    @Option(name: .customLong("case"), help: "Only those that keep someone from this case.") var reference: String?
    @Flag(name: .long, help: "Lifted recusals too.") var all = false
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let recusals = try session.transaction {
            try RecusalStore($0).list(login: login, reference: reference, includeLifted: all, actor: session.actor)
        }
        if format == .json { return try printJSON(recusals) }
        printTable(
            header: ["LOGIN", "FROM", "SINCE", "BY", "REASON", "LIFTED"],
            rows: recusals.map {
                [
                    $0.login, $0.scope.label, $0.recusedAt.formatted(.iso8601), $0.recusedBy,
                    TerminalText.neutralised($0.reason), $0.liftedAt.map { $0.formatted(.iso8601) } ?? "",
                ]
            })
    }
}
