import ArgumentParser
import RedressCore
import RedressStore

struct CalendarList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the holidays.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Only this year.") var year: Int?
    @Option(name: .long, help: "Print 'table', 'json' or 'csv'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let holidays = try CalendarStore(session.connection).holidays(year: year)
        let rows = holidays.map { [$0.date.iso, $0.name, $0.calendar] }
        switch format {
        case .json: try printJSON(holidays)
        case .csv: try printCSV(header: ["date", "name", "calendar"], rows: rows)
        case .text, .table: printTable(header: ["DATE", "NAME", "CALENDAR"], rows: rows)
        }
    }
}
