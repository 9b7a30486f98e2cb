import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CalendarAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a holiday (admin); prints the cases whose due dates moved.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The date, YYYY-MM-DD.") var date: String
    @Argument(help: "The holiday's name.") var name: String
    @Option(name: .long, help: "The holiday calendar (default: office).") var calendar: String = CalendarStore
        .defaultCalendar

    func run() throws {
        let day = try parseDate(date)
        let session = try Session.open(database)
        defer { session.close() }
        let change = try session.transaction {
            try CalendarStore($0).add(
                [Holiday(date: day, name: name, calendar: calendar)], actor: session.actor, at: .now)
        }
        print(
            change.added.isEmpty ? "\(day.iso) \(name) was already a holiday" : "added \(day.iso) \(name) (\(calendar))"
        )
        printMoved(change.moved)
        warnOfYearsWithoutHolidays(change.yearsWithoutHolidays)
    }
}
