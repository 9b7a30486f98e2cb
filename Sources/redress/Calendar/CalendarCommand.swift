import ArgumentParser
import RedressCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The office's holiday calendars.",
        subcommands: [
            CalendarImport.self, CalendarAdd.self, CalendarRemove.self, CalendarList.self, CalendarStatus.self,
        ])
}
