import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseFind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find cases by a name, email, phone number, reference, respondent or words of a summary or note.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The text to look for: at least 2 characters, any case; phone numbers with any punctuation.")
    var text: String
    @Option(
        name: .customLong("in"),
        help: ArgumentHelp(
            "Look only in these fields: name, email, phone, reference, respondent, summary, notes (comma-separated).",
            valueName: "fields"))
    var fields: String?
    @Option(name: .long, help: ArgumentHelp("As of this date (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: "At most this many cases (1 to 1000, default 100).") var limit = CaseSearch.defaultLimit
    @Option(name: .long, help: "Print 'table', 'json' or 'csv'.") var format: OutputFormat = .table

    func run() throws {
        let search = try CaseSearch(
            text: text, fields: try fields.map(CaseSearch.fields(parsing:)) ?? CaseSearch.Field.allCases,
            limit: limit)
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let asOfDate = try session.date(asOf)
        let hits = try session.transaction { connection in
            let calendar = try OfficeContext.load(connection).calendar
            return try CaseStore(connection).find(
                search, actor: session.actor, asOf: asOfDate, calendar: calendar, at: Date())
        }
        let header = ["matched_field", "score"] + CaseList.header
        let rows = hits.map { [$0.matchedField.rawValue, String(format: "%.4f", $0.score)] + CaseList.row($0.summary) }
        switch format {
        case .json: try printJSON(hits)
        case .csv: try printCSV(header: header, rows: rows)
        case .text, .table: printTable(header: header.map { $0.uppercased() }, rows: rows)
        }
    }
}
