import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List a case's audit events, oldest first.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let (events, clock) = try session.transaction {
            (
                try CaseStore($0).history(reference: reference, actor: session.actor, at: Date()),
                try OfficeContext.load($0).clock
            )
        }
        if format == .json {
            try printJSON(events)
            return
        }
        let rows = events.map { event in
            [
                String(event.id), clock.localTime(at: event.occurredAt), event.actor, event.kind,
                (try? RedressJSON.text(event.data, pretty: false)) ?? "",
            ]
        }
        printTable(header: ["ID", "AT", "ACTOR", "KIND", "DATA"], rows: rows)
    }
}
