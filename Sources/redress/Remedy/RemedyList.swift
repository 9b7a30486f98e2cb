import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RemedyList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List remedy items across cases, with filters.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("case"), help: ArgumentHelp("Only the items of this case.", valueName: "reference"))
    var reference: String?
    @Option(name: .long, help: "Only items in this state.") var state: RemedyState?
    @Option(name: .long, help: "Only items of this responsible body.") var respondent: String?
    @Option(name: .long, help: "Only items of this kind.") var kind: RemedyKind?
    @Flag(name: .long, help: "Only items whose remedy or verification clock is past its due date.") var overdue = false
    @Flag(name: .long, help: "Only systemic recommendations: preventive measures and policy changes.") var systemic =
        false
    @Option(name: .long, help: ArgumentHelp("As of this date (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: "Print 'table', 'json' or 'csv'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let asOfDate = try session.date(asOf)
        let filter = RemedyFilter(
            reference: reference, state: state, respondent: respondent, kind: kind, overdue: overdue, systemic: systemic
        )
        let items = try session.transaction { try RemedyStore($0).list(filter, actor: session.actor, asOf: asOfDate) }
        if format == .json {
            try printJSON(items)
            return
        }
        let header = [
            "reference", "number", "kind", "class", "state", "due_date", "overdue", "late", "body", "amount",
            "description",
        ]
        let rows = items.map { item in
            [
                item.reference, String(item.number), item.kind.rawValue, item.remedyClass.rawValue, item.state.rawValue,
                item.dueDate?.iso ?? "", item.overdue ? "yes" : "no", item.late.map { $0 ? "yes" : "no" } ?? "",
                item.body,
                item.amount?.description ?? "", item.description,
            ]
        }
        switch format {
        case .csv: try printCSV(header: header, rows: rows)
        default: printTable(header: header.map { $0.uppercased() }, rows: rows)
        }
    }
}
