import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Show how each clock's due date was worked out: policy version and re-bases, weekends and holidays skipped, pauses, extensions."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Explain only this clock (its latest).") var clock: ClockKind?
    @Option(name: .long, help: ArgumentHelp("Take the status as of this date (default: today).", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let asOfDate = try session.date(asOf)
        let explained = try session.transaction {
            try CaseStore($0).explain(
                reference: reference, kind: clock, actor: session.actor, at: Date(), asOf: asOfDate)
        }
        let explanations = explained.explanations
        warnOfYearsWithoutHolidays(
            HolidayCoverage(reachedBy: explained.clocks, calendar: explained.calendar).yearsWithoutHolidays)
        if format == .json {
            try printJSON(explanations)
            return
        }
        print("\(explained.reference): \(explanations.count) \(explanations.count == 1 ? "clock" : "clocks")")
        for explanation in explanations {
            print("")
            printText(explanation.render(), terminator: "")
        }
    }
}
