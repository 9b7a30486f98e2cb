import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CalendarRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove the holiday on a date (admin); prints the cases whose due dates moved."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The date, YYYY-MM-DD.") var date: String
    @Option(name: .long, help: "Only from this calendar (default: every calendar).") var calendar: String?

    func run() throws {
        let day = try parseDate(date)
        let session = try Session.open(database)
        defer { session.close() }
        let change = try session.transaction {
            try CalendarStore($0).remove(on: day, calendar: calendar, actor: session.actor, at: .now)
        }
        for holiday in change.removed { print("removed \(holiday.date.iso) \(holiday.name) (\(holiday.calendar))") }
        printMoved(change.moved)
        warnOfYearsWithoutHolidays(change.yearsWithoutHolidays)
    }
}
