import ArgumentParser
import RedressCore
import RedressStore

struct CalendarStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Name the years running clocks reach that have no holidays loaded.",
        discussion: """
            Running clocks reach from the earliest start to the latest due date of the clocks that \
            are running, paused or breached. A year in that span with no holidays is usually a year \
            whose holidays were not imported yet: every weekday in it counts as a working day, so due \
            dates that reach it come early. The exit status is 0 either way; --format json gives \
            years_without_holidays for scripts.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let coverage = try session.transaction { connection in
            try CalendarStore(connection).coverage(calendar: try OfficeContext.load(connection).calendar)
        }
        if format == .json {
            try printJSON(coverage)
            return
        }
        guard let from = coverage.from, let through = coverage.through else {
            print("No clock is running.")
            return
        }
        print("Running clocks reach from \(from.iso) to \(through.iso).")
        printTable(
            header: ["YEAR", "HOLIDAYS"], rows: coverage.years.map { [String($0.year), String($0.holidays)] })
        if let warning = HolidayCoverage.warning(yearsWithoutHolidays: coverage.yearsWithoutHolidays) {
            print(warning.dropLast() + "; import them with 'redress calendar import FILE'.")
        }
    }
}
