import CSV
import Foundation
public import RedressCore

/// Reads holiday files: CSV with a `date,name` header, or iCalendar (`HolidayFeed`).
public enum HolidayFile {
    /// A file format.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case ical
    }

    /// The format of a file from its content (BEGIN:VCALENDAR) or else its name's extension.
    public static func detect(_ bytes: [UInt8], path: String) -> Format {
        let start = String(decoding: bytes.prefix(64), as: UTF8.self)
        if start.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).uppercased().hasPrefix("BEGIN:VCALENDAR") {
            return .ical
        }
        let lower = path.lowercased()
        return lower.hasSuffix(".ics") || lower.hasSuffix(".ical") ? .ical : .csv
    }

    /// The holidays of a CSV file, put in `calendar`; throws `StoreError.invalid` naming the line of the first bad entry.
    public static func parseCSV(_ text: String, calendar: String) throws -> [Holiday] {
        let reader = try CSVReader(
            string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true)
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let dateColumn = header.firstIndex(of: "date"), let nameColumn = header.firstIndex(of: "name") else {
            throw StoreError.invalid("The CSV file needs a header line with the columns date and name.")
        }
        var holidays: [Holiday] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count > max(dateColumn, nameColumn) else {
                throw StoreError.invalid("Line \(line): expected the columns date and name.")
            }
            let dateText = row[dateColumn].trimmingCharacters(in: .whitespaces)
            guard let date = LocalDate(iso: dateText) else {
                throw StoreError.invalid(
                    "Line \(line): \"\(dateText)\" is not a calendar date; write it as YYYY-MM-DD.")
            }
            let name = row[nameColumn].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw StoreError.invalid("Line \(line): the holiday on \(date.iso) has no name.")
            }
            holidays.append(Holiday(date: date, name: name, calendar: calendar))
            line += row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        if let error = reader.error { throw StoreError.invalid("The CSV file cannot be read: \(error).") }
        return holidays
    }
}
