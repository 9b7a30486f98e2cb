import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct PolicyHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the policy versions.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let versions = try PolicyStore(session.connection).history()
        if format == .json { return try printJSON(versions.map(\.policy)) }
        printTable(
            header: ["VERSION", "EFFECTIVE", "BY", "AT"],
            rows: versions.map {
                [
                    String($0.policy.version), $0.policy.effectiveFrom.iso, $0.createdBy,
                    $0.createdAt?.formatted(.iso8601) ?? "built in",
                ]
            })
    }
}
