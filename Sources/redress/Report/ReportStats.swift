public import ArgumentParser
import Foundation
import Postgres
import RedressCore
import RedressStore

extension StatisticsGrouping: ExpressibleByArgument {}
extension StatisticsFormat: ExpressibleByArgument {}

struct ReportStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Statistics for the annual report: volume, outcomes, timeliness, mediation, remedies and compliance.",
        discussion: """
            Every figure is computed by the database over the recorded events and taken as it \
            stood at the end of --to, so the report for a past period does not change when later \
            events are recorded. Working days are counted on the office calendar, net of pauses.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("The first day of the period, YYYY-MM-DD.", valueName: "date"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The last day of the period, YYYY-MM-DD (included).", valueName: "date"))
    var to: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Add a table of key figures by respondent, category, channel or assignee.", valueName: "group"))
    var by: StatisticsGrouping?

    @Option(name: .long, help: "Print 'text', 'csv', 'json' or 'html' (one self-contained page with charts).")
    var format: StatisticsFormat = .text

    func validate() throws {
        _ = try period()
    }

    func period() throws -> StatisticsPeriod {
        guard let first = LocalDate(iso: from) else {
            throw ValidationError("--from \"\(from)\" is not a date; give the first day of the period as YYYY-MM-DD.")
        }
        guard let last = LocalDate(iso: to) else {
            throw ValidationError("--to \"\(to)\" is not a date; give the last day of the period as YYYY-MM-DD.")
        }
        do {
            return try StatisticsPeriod(from: first, to: last)
        } catch let error as StatisticsError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let period = try period()
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        try session.actor.require(.read)
        let context = try OfficeContext.load(session.connection)
        // A year of a large office takes seconds: show the steps on a terminal.
        let bar = ProgressLine("report stats")
        // The figures' helper connections import this session's snapshot: they go to the very
        // server it reads from (of a multi-host URL, the host it reached).
        let base = session.onStandby ? (database.readTarget ?? database.target) : database.target
        let here = base.configuration.with("host", session.connection.host).with("port", session.connection.port)
        let lag = try session.standbyReplayLag()
        var report = try StatisticsStore(session.connection).report(
            period: period, grouping: by, calendar: context.calendar, officeName: context.settings.name,
            connect: { try PostgresConnection.connect(here) }, progress: { bar.update($0, of: $1) })
        bar.finish()
        report.standbyReplayLag = lag.map { ($0 * 10).rounded() / 10 }
        FileHandle.standardOutput.write(Data(report.rendered(as: format).utf8))
    }
}
