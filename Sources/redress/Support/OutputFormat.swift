import RedressCore
import ArgumentParser
import CSV
import Foundation
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

/// Writes rows as RFC 4180 CSV with a header on stdout.
func printCSV(header: [String], rows: [[String]]) throws {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    try writer.write(row: header)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    FileHandle.standardOutput.write(data)
    if !data.isEmpty, data.last != UInt8(ascii: "\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
}
