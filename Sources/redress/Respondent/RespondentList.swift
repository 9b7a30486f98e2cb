import ArgumentParser
import RedressCore
import RedressStore

struct RespondentList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the respondent bodies, their aliases and how many cases name each.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let entries = try RespondentStore(session.connection).list()
        if format == .json { return try printJSON(entries) }
        printTable(
            header: ["NAME", "CASES", "EMAIL", "POSTAL ADDRESS", "HEAD OF BODY", "ALIASES"],
            rows: entries.map {
                [
                    $0.body.name, String($0.cases), $0.body.email ?? "",
                    ($0.body.postalAddress ?? "").split(whereSeparator: \.isNewline).joined(separator: ", "),
                    $0.body.headOfBodyName ?? "", $0.aliases.joined(separator: "; "),
                ]
            })
    }
}
