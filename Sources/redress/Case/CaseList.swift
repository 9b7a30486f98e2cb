import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, with filters.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Only cases in this state.") var state: CaseState?
    @Option(name: .long, help: "Only cases assigned to this login.") var assignee: String?
    @Option(name: .long, help: "Only cases against this respondent body.") var respondent: String?
    @Option(name: .long, help: "Only cases in this rights category.") var category: String?
    @Flag(name: .long, help: "Only cases with a clock past its due date.") var breached = false
    @Option(name: .long, help: ArgumentHelp("Only cases with a clock due within N working days.", valueName: "n"))
    var dueWithin: Int?
    @Flag(name: .long, help: "Only cases with a paused clock.") var paused = false
    @Option(name: .long, help: ArgumentHelp("As of this date (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: "At most this many cases.") var limit: Int?
    @Option(name: .long, help: "Print 'table', 'json' or 'csv'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let asOfDate = try session.date(asOf)
        let filter = CaseFilter(
            state: state, assignee: assignee, respondent: respondent, category: category,
            breached: breached, dueWithin: dueWithin, paused: paused, limit: limit)
        let summaries = try session.transaction { connection in
            let calendar = try OfficeContext.load(connection).calendar
            return try CaseStore(connection).list(
                filter, actor: session.actor, asOf: asOfDate, calendar: calendar, at: Date())
        }
        let rows = summaries.map(Self.row)
        switch format {
        case .json: try printJSON(summaries)
        case .csv: try printCSV(header: Self.header, rows: rows)
        case .text, .table: printTable(header: Self.header.map { $0.uppercased() }, rows: rows)
        }
    }

    /// The columns of the table and CSV, as the JSON names them.
    static let header = [
        "reference", "status", "received_on", "urgent", "assignee", "respondent", "complainant", "categories",
        "next_due_date", "next_due_clock", "breached", "paused",
    ]

    /// One case's line of the table and CSV.
    static func row(_ s: CaseSummary) -> [String] {
        [
            s.reference, s.status.rawValue, s.receivedOn.iso, s.urgent ? "yes" : "no", s.assignee ?? "",
            s.respondent, s.complainant ?? "",
            s.categories.joined(separator: ";"), s.nextDueDate?.iso ?? "", s.nextDueClock?.rawValue ?? "",
            s.breached ? "yes" : "no", s.paused ? "yes" : "no",
        ]
    }
}
