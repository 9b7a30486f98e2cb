/// The deadline report as CSV (RFC 4180, CRLF line ends): a header line, then one line per clock.
///
/// The columns are those of the JSON rows, in the same snake_case names (`subject`, added
/// later, last); empty fields are the ones that do not apply to the row's list. Written by `CSVRecordWriter`, so text a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
public struct CSVDeadlineReportFormatter<Sink: TextOutputStream>: DeadlineReportFormatter {
    private var writer: CSVRecordWriter<Sink>

    public var sink: Sink { writer.sink }

    /// The header line's column names, in order.
    public static var columns: [String] {
        [
            "assignee", "reference", "clock", "section", "respondent", "urgent", "start_date", "due_date",
            "days_overdue", "working_days_overdue", "working_days_left", "paused_since", "pause_reason",
            "paused_days", "non_compliant_since", "subject",
        ]
    }

    /// A formatter writing to `sink`.
    public init(sink: Sink) {
        writer = CSVRecordWriter(sink: sink, lineEnd: .crlf)
    }

    public mutating func begin(_ header: DeadlineReportHeader) {
        writer.write(Self.columns)
    }

    public mutating func write(_ row: DeadlineRow) {
        let f = row.finding
        writer.write([
            row.assignee ?? "",
            row.reference,
            row.clock.rawValue,
            row.section.rawValue,
            row.respondent,
            row.urgent ? "true" : "false",
            row.startDate.iso,
            f.dueDate?.iso ?? "",
            f.daysOverdue.map(String.init) ?? "",
            f.workingDaysOverdue.map(String.init) ?? "",
            f.workingDaysLeft.map(String.init) ?? "",
            f.pausedSince?.iso ?? "",
            f.pauseReason ?? "",
            f.pausedDays.map(String.init) ?? "",
            f.nonCompliantSince?.iso ?? "",
            row.subject.map(String.init) ?? "",
        ])
    }

    public mutating func finish() {}
}
