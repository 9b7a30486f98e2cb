/// Writes CSV (RFC 4180) a record at a time to a text sink: the one CSV writer behind every
/// `--format csv` and every CSV report, so every field gets the same formula guard
/// (`CSVField.encoded`).
public struct CSVRecordWriter<Sink: TextOutputStream> {
    /// What ends each record.
    public enum LineEnd: String, Sendable {
        /// `\r\n`, as RFC 4180 and the reports (deadline, statistics) write.
        case crlf = "\r\n"
        /// `\n`, as the list commands (`case list --format csv`, …) write.
        case lf = "\n"
    }

    public private(set) var sink: Sink
    public let lineEnd: LineEnd

    /// A writer to `sink` ending each record with `lineEnd`.
    public init(sink: Sink, lineEnd: LineEnd = .crlf) {
        self.sink = sink
        self.lineEnd = lineEnd
    }

    /// Writes one record, each field encoded, and the line end.
    public mutating func write(_ fields: [String]) {
        sink.write(fields.map(CSVField.encoded).joined(separator: ","))
        sink.write(lineEnd.rawValue)
    }

    /// Writes a header and the records under it.
    public mutating func write(header: [String], records: [[String]]) {
        write(header)
        for record in records { write(record) }
    }
}
