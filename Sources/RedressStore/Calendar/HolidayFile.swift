import CSV
import Foundation
public import RedressCore

/// Reads holiday files: CSV with a `date,name` header, or iCalendar with all-day VEVENTs.
public enum HolidayFile {
    /// A file format.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case ical
    }

    /// The format of `text` from its content (BEGIN:VCALENDAR) or else the file name's extension.
    public static func detect(text: String, path: String) -> Format {
        if text.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).uppercased().hasPrefix("BEGIN:VCALENDAR") {
            return .ical
        }
        let lower = path.lowercased()
        return lower.hasSuffix(".ics") || lower.hasSuffix(".ical") ? .ical : .csv
    }

    /// The holidays in `text`, put in `calendar`; throws `StoreError.invalid` naming the line of the first bad entry.
    public static func parse(_ text: String, format: Format, calendar: String) throws -> [Holiday] {
        switch format {
        case .csv: return try parseCSV(text, calendar: calendar)
        case .ical: return try parseICal(text, calendar: calendar)
        }
    }

    static func parseCSV(_ text: String, calendar: String) throws -> [Holiday] {
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

    static func parseICal(_ text: String, calendar: String) throws -> [Holiday] {
        // Unfold continuation lines (RFC 5545 §3.1), keeping the first line number of each.
        var lines: [(number: Int, text: String)] = []
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            if raw.hasPrefix(" ") || raw.hasPrefix("\t"), !lines.isEmpty {
                lines[lines.count - 1].text += raw.dropFirst()
            } else {
                lines.append((index + 1, String(raw)))
            }
        }
        var holidays: [Holiday] = []
        var inEvent = false
        var start: (line: Int, value: String, isDate: Bool)? = nil
        var summary: String? = nil
        var eventLine = 0
        for (number, line) in lines {
            let upper = line.uppercased()
            if upper == "BEGIN:VEVENT" {
                inEvent = true
                start = nil
                summary = nil
                eventLine = number
                continue
            }
            if upper == "END:VEVENT" {
                inEvent = false
                guard let start else { throw StoreError.invalid("Line \(eventLine): the event has no DTSTART.") }
                guard start.isDate, start.value.count == 8,
                    let date = LocalDate(
                        iso: "\(start.value.prefix(4))-\(start.value.dropFirst(4).prefix(2))-\(start.value.suffix(2))")
                else {
                    throw StoreError.invalid(
                        "Line \(start.line): \"\(start.value)\" is not an all-day date; holidays are all-day events (DTSTART;VALUE=DATE:YYYYMMDD)."
                    )
                }
                let name = (summary ?? "").trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw StoreError.invalid("Line \(eventLine): the holiday on \(date.iso) has no SUMMARY.")
                }
                holidays.append(Holiday(date: date, name: name, calendar: calendar))
                continue
            }
            guard inEvent, let colon = line.firstIndex(of: ":") else { continue }
            let property = line[..<colon].uppercased()
            let value = String(line[line.index(after: colon)...])
            if property.hasPrefix("DTSTART") {
                let isDate = property.contains("VALUE=DATE") || (value.count == 8 && value.allSatisfy(\.isNumber))
                start = (number, value.trimmingCharacters(in: .whitespaces), isDate)
            } else if property == "SUMMARY" || property.hasPrefix("SUMMARY;") {
                summary = value.replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
                    .replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\\\", with: "\\")
            }
        }
        return holidays
    }
}
