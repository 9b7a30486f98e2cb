import ArgumentParser
import Foundation
import RedressCore
import RedressStore

/// How a read command prints.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, table, json, csv
}

/// Writes `value` as pretty, sorted JSON on stdout.
func printJSON(_ value: some Encodable) throws {
    print(try RedressJSON.text(value))
}

/// Prints rows as aligned columns under a header, for people.
func printTable(header: [String], rows: [[String]]) {
    for line in tableLines(header: header, rows: rows) { print(line) }
}

/// Writes rows as CSV with a header on stdout, one `\n`-ended line each (`CSVRecordWriter`:
/// quoted where needed, formulas neutralised).
func printCSV(header: [String], rows: [[String]]) throws {
    var writer = CSVRecordWriter(sink: "", lineEnd: .lf)
    writer.write(header: header, records: rows)
    FileHandle.standardOutput.write(Data(writer.sink.utf8))
}
