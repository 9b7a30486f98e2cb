import ArgumentParser
import RedressCore
import RedressStore

struct CategoryList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the rights categories, retired ones too, and how many cases have each.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let categories = try CategoryStore(session.connection).list()
        if format == .json { return try printJSON(categories) }
        let clock = try session.clock
        printTable(
            header: ["CODE", "NAME", "KIND", "CASES", "RETIRED"],
            rows: categories.map {
                [$0.code, $0.name, $0.kind, String($0.cases), $0.retiredAt.map { clock.date(at: $0).iso } ?? ""]
            })
    }
}
