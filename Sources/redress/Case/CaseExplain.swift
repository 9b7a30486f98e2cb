import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how each clock's due date was worked out: weekends and holidays skipped, pauses, extensions.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Explain only this clock (its latest).") var clock: ClockKind?
    @Option(name: .long, help: ArgumentHelp("Take the status as of this date (default: today).", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let asOfDate = try session.date(asOf)
        let (record, calendar) = try session.transaction { connection in
            let (record, _) = try CaseStore(connection).view(
                reference: reference, actor: session.actor, at: Date(), purpose: "explain")
            return (record, try OfficeContext.load(connection).calendar)
        }
        var clocks = record.clocks.map(\.clock)
        if let clock {
            guard let latest = clocks.last(where: { $0.kind == clock }) else {
                throw CLIFailure(
                    status: .notFound,
                    description:
                        "\(reference) has no \(clock) clock; see its clocks with 'redress case show \(reference)'")
            }
            clocks = [latest]
        }
        let explanations = clocks.map { $0.explain(on: calendar, asOf: max(asOfDate, $0.endedOn ?? asOfDate)) }
        warnOfYearsWithoutHolidays(HolidayCoverage(reachedBy: clocks, calendar: calendar).yearsWithoutHolidays)
        if format == .json {
            try printJSON(explanations)
            return
        }
        print("\(record.reference): \(explanations.count) \(explanations.count == 1 ? "clock" : "clocks")")
        for explanation in explanations {
            print("")
            printText(explanation.render(), terminator: "")
        }
    }
}
