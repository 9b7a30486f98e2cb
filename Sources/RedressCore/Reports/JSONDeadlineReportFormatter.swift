/// The deadline report as one JSON document with stable snake_case keys:
///
/// ```json
/// {"report":"deadlines","office":"…","as_of":"2026-03-02","within_working_days":5,
///  "previous_working_day":"2026-02-27","horizon":"2026-03-09","assignee":null,
///  "audit_head":{"row":4211,"sha256":"9f2c…"},"years_without_holidays":[2027],
///  "groups":[{"assignee":"mlee","rows":[{…},…],"totals":{…}},…],
///  "totals":{"newly_breached":1,"overdue":4,"due_soon":2,"paused":1,"non_compliance":0,"all":8}}
/// ```
///
/// Each row has every key of the CSV columns; those that do not apply to its list are `null`.
/// `audit_head` is the audit log's chain head when the report was read (`null` when unreadable);
/// `years_without_holidays` the years running clocks reach with no holidays loaded;
/// `standby_replay_lag_seconds`, only in a report read from a standby, how far behind its
/// primary it was.
/// Written a row at a time, one row per line.
public struct JSONDeadlineReportFormatter<Sink: TextOutputStream>: DeadlineReportFormatter {
    public var sink: Sink
    private var tally = DeadlineTally()
    private var firstRowOfGroup = true

    /// A formatter writing to `sink`.
    public init(sink: Sink) {
        self.sink = sink
    }

    public mutating func begin(_ header: DeadlineReportHeader) {
        sink.write("{\"report\":\"deadlines\"")
        sink.write(",\"office\":" + ReportText.jsonString(header.office))
        sink.write(",\"as_of\":\"\(header.asOf.iso)\"")
        sink.write(",\"within_working_days\":\(header.withinWorkingDays)")
        sink.write(",\"previous_working_day\":\"\(header.previousWorkingDay.iso)\"")
        sink.write(",\"horizon\":\"\(header.horizon.iso)\"")
        sink.write(",\"assignee\":" + ReportText.jsonString(header.assignee))
        if let head = header.auditHead {
            sink.write(",\"audit_head\":{\"row\":\(head.row),\"sha256\":" + ReportText.jsonString(head.hash) + "}")
        } else {
            sink.write(",\"audit_head\":null")
        }
        sink.write(
            ",\"years_without_holidays\":[" + header.yearsWithoutHolidays.map(String.init).joined(separator: ",") + "]")
        if let lag = header.standbyReplayLag {
            sink.write(",\"standby_replay_lag_seconds\":" + ReplayLag.seconds(lag))
        }
        sink.write(",\"groups\":[")
    }

    public mutating func write(_ row: DeadlineRow) {
        if tally.add(row) {
            if tally.groups.count > 1 {
                closeGroup(tally.groups[tally.groups.count - 2])
                sink.write(",")
            }
            sink.write("\n{\"assignee\":" + ReportText.jsonString(row.assignee) + ",\"rows\":[")
            firstRowOfGroup = true
        }
        if !firstRowOfGroup { sink.write(",") }
        firstRowOfGroup = false
        let f = row.finding
        var text = "\n{\"reference\":" + ReportText.jsonString(row.reference)
        text += ",\"clock\":\"\(row.clock.rawValue)\",\"subject\":" + ReportText.jsonNumber(row.subject)
        text += ",\"section\":\"\(row.section.rawValue)\""
        text += ",\"assignee\":" + ReportText.jsonString(row.assignee)
        text += ",\"respondent\":" + ReportText.jsonString(row.respondent)
        text += ",\"urgent\":\(row.urgent),\"start_date\":\"\(row.startDate.iso)\""
        text += ",\"due_date\":" + ReportText.jsonString(f.dueDate?.iso)
        text += ",\"days_overdue\":" + ReportText.jsonNumber(f.daysOverdue)
        text += ",\"working_days_overdue\":" + ReportText.jsonNumber(f.workingDaysOverdue)
        text += ",\"working_days_left\":" + ReportText.jsonNumber(f.workingDaysLeft)
        text += ",\"paused_since\":" + ReportText.jsonString(f.pausedSince?.iso)
        text += ",\"pause_reason\":" + ReportText.jsonString(f.pauseReason)
        text += ",\"paused_days\":" + ReportText.jsonNumber(f.pausedDays)
        text += ",\"non_compliant_since\":" + ReportText.jsonString(f.nonCompliantSince?.iso)
        sink.write(text + "}")
    }

    public mutating func finish() {
        if let last = tally.current { closeGroup(last) }
        sink.write("\n],\"totals\":" + Self.json(tally.totals) + "}\n")
    }

    private mutating func closeGroup(_ group: DeadlineTally.Group) {
        sink.write("\n],\"totals\":" + Self.json(group.totals) + "}")
    }

    static func json(_ totals: DeadlineTotals) -> String {
        let counts = DeadlineSection.allCases.map { "\"\($0.rawValue)\":\(totals[$0])" }
        return "{" + counts.joined(separator: ",") + ",\"all\":\(totals.all)}"
    }
}
