import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CalendarImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import holidays from CSV (date,name) or iCalendar (all-day events) (admin).",
        discussion: "All or nothing. Holidays already present are kept (renamed if the file names them differently).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The file.") var file: String
    @Option(name: .long, help: "csv or ical (default: detected).") var format: String?
    @Option(name: .long, help: "The holiday calendar (default: office).") var calendar: String = CalendarStore
        .defaultCalendar

    func run() throws {
        let text = try readTextFile(file, limit: 16 << 20)
        let fileFormat: HolidayFile.Format
        if let format {
            guard let chosen = HolidayFile.Format(rawValue: format.lowercased()) else {
                throw ValidationError("--format is csv or ical, not \(format).")
            }
            fileFormat = chosen
        } else {
            fileFormat = HolidayFile.detect(text: text, path: file)
        }
        let holidays = try HolidayFile.parse(text, format: fileFormat, calendar: calendar)
        let session = try Session.open(database)
        defer { session.close() }
        let change = try session.transaction { try CalendarStore($0).add(holidays, actor: session.actor, at: .now) }
        print(
            "imported \(holidays.count) \(holidays.count == 1 ? "holiday" : "holidays") into \(calendar) (\(change.added.count) new or renamed)"
        )
        printMoved(change.moved)
    }
}

/// Reads a whole text file, refusing one larger than `limit` bytes or not valid UTF-8 with one
/// clear sentence (exit 2).
func readTextFile(_ path: String, limit: Int) throws -> String {
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
    guard let text = String(data: data, encoding: .utf8) else {
        let offset = firstInvalidUTF8Offset(data) ?? 0
        throw CLIFailure(
            status: .usage,
            description:
                "\(path) is not valid UTF-8 text (the first bad byte is at offset \(offset)); save it as UTF-8 and try again"
        )
    }
    return text
}

/// The offset of the first byte that breaks UTF-8, if any.
func firstInvalidUTF8Offset(_ data: Data) -> Int? {
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
