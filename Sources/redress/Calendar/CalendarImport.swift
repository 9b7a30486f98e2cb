import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CalendarImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import holidays from CSV (date,name) or iCalendar (all-day events) (admin).",
        discussion: """
            All or nothing. Holidays already present are kept (renamed if the file names them differently); \
            holidays of one day are merged into one name. An iCalendar file gives all-day events, one \
            day or several (DTEND, exclusive, or DURATION), repeating yearly (RRULE FREQ=YEARLY with \
            COUNT, UNTIL, INTERVAL, BYMONTH, BYMONTHDAY), with RDATE and EXDATE; anything else (a \
            timed event, another frequency) refuses the file with its line. Prints how many holidays \
            each event gave.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The file.") var file: String
    @Option(name: .long, help: "csv or ical (default: detected).") var format: String?
    @Option(name: .long, help: "The holiday calendar (default: office).") var calendar: String = CalendarStore
        .defaultCalendar
    @Option(
        name: .long,
        help: ArgumentHelp(
            "iCalendar: expand yearly rules without an end through this year (default: the last year the file names).",
            valueName: "year"))
    var until: Int?

    func validate() throws {
        guard until.map({ (1...9999).contains($0) }) ?? true else {
            throw ValidationError("--until takes a year such as 2030, not \(until!).")
        }
    }

    func run() throws {
        let bytes = try readFile(file, limit: 16 << 20)
        let fileFormat: HolidayFile.Format
        if let format {
            guard let chosen = HolidayFile.Format(rawValue: format.lowercased()) else {
                throw ValidationError("--format is csv or ical, not \(format).")
            }
            fileFormat = chosen
        } else {
            fileFormat = HolidayFile.detect(bytes, path: file)
        }
        let holidays: [Holiday]
        var events: [HolidayFeed.EventHolidays] = []
        switch fileFormat {
        case .csv:
            guard until == nil else {
                throw ValidationError(
                    "--until applies to iCalendar files, whose yearly rules it expands; leave it out.")
            }
            holidays = try HolidayFile.parseCSV(try decodeUTF8(bytes, path: file), calendar: calendar)
        case .ical:
            events = try HolidayFeed(parsing: bytes).holidays(calendar: calendar, through: until)
            holidays = events.flatMap(\.holidays)
        }
        let session = try Session.open(database)
        defer { session.close() }
        let change = try session.transaction { try CalendarStore($0).add(holidays, actor: session.actor, at: .now) }
        for event in events {
            printText(Self.describe(event))
        }
        print(
            "imported \(change.given) \(change.given == 1 ? "holiday" : "holidays") into \(calendar) (\(change.added.count) new or renamed)"
        )
        printMoved(change.moved)
        warnOfYearsWithoutHolidays(change.yearsWithoutHolidays)
    }

    /// One line for an event: its name and line, how many holidays it gave, from when to when.
    static func describe(_ expanded: HolidayFeed.EventHolidays) -> String {
        let count = expanded.holidays.count
        var text = "line \(expanded.event.line) \(expanded.event.name): \(count) \(count == 1 ? "holiday" : "holidays")"
        if let first = expanded.holidays.first?.date, let last = expanded.holidays.last?.date {
            text += first == last ? " on \(first.iso)" : ", \(first.iso) to \(last.iso)"
        }
        if let through = expanded.openRuleThrough {
            text += " (yearly without end: expanded through \(through); --until YEAR for more)"
        }
        return text
    }
}

/// Reads a whole file, refusing one larger than `limit` bytes with one clear sentence (exit 2).
func readFile(_ path: String, limit: Int) throws -> [UInt8] {
    let attributes: [FileAttributeKey: Any]
    do {
        attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
        throw CLIFailure(status: .usage, description: "cannot read \(path): no such file")
    }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    guard size <= limit else {
        throw CLIFailure(
            status: .usage,
            description:
                "\(path) is \(size >> 20) MiB; files are limited to \(limit >> 20) MiB: split it into smaller files")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIFailure(status: .usage, description: "cannot read \(path): permission denied")
    }
    return Array(data)
}

/// Reads a whole text file, refusing one larger than `limit` bytes or not valid UTF-8 with one
/// clear sentence (exit 2).
func readTextFile(_ path: String, limit: Int) throws -> String {
    try decodeUTF8(try readFile(path, limit: limit), path: path)
}

/// The text of the file at `path`, refused with one clear sentence (exit 2) if it is not UTF-8.
func decodeUTF8(_ bytes: [UInt8], path: String) throws -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        throw CLIFailure(
            status: .usage,
            description:
                "\(path) is not valid UTF-8 text (the first bad byte is at offset \(offset)); save it as UTF-8 and try again"
        )
    }
    return text
}

/// The offset of the first byte that breaks UTF-8, if any.
func firstInvalidUTF8Offset(_ data: [UInt8]) -> Int? {
    var decoder = UTF8()
    var iterator = data.makeIterator()
    var offset = 0
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            consumed += UTF8.width(scalar)
            offset = consumed
        case .emptyInput:
            return nil
        case .error:
            return offset
        }
    }
}
