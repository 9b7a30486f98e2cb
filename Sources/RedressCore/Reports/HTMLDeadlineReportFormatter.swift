/// The deadline report as one self-contained HTML page: inline CSS, no scripts, no external
/// resources, so it can be mailed, archived or opened offline as it is.
///
/// A table per assignee (a row per clock, coloured by list), then a totals table. Every
/// stored text is escaped.
public struct HTMLDeadlineReportFormatter<Sink: TextOutputStream>: DeadlineReportFormatter {
    public private(set) var sink: Sink
    private var tally = DeadlineTally()
    private var auditHead: AuditChainHead?

    /// A formatter writing to `sink`.
    public init(sink: Sink) {
        self.sink = sink
    }

    static var style: String {
        """
        body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans KR",sans-serif;margin:2rem;color:#1b1f24;background:#fff}
        h1{font-size:1.4rem;margin:0 0 .25rem}
        h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
        p.meta{color:#57606a;margin:.25rem 0}
        p.warning{color:#7d4e00;background:#fff8c5;padding:.25rem .5rem;margin:.5rem 0}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        table.rows{table-layout:fixed}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
        th{background:#f6f8fa;font-weight:600}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        td.k{white-space:nowrap;font-variant-numeric:tabular-nums}
        tr.newly_breached td:first-child,tr.non_compliance td:first-child{border-left:4px solid #cf222e}
        tr.overdue td:first-child{border-left:4px solid #bf8700}
        tr.due_soon td:first-child{border-left:4px solid #0969da}
        tr.paused td:first-child{border-left:4px solid #8c959f}
        span.tag{display:inline-block;padding:0 .4rem;border-radius:1rem;font-size:.8rem;white-space:nowrap}
        tr.newly_breached span.tag,tr.non_compliance span.tag{background:#ffebe9;color:#a40e26}
        tr.overdue span.tag{background:#fff8c5;color:#7d4e00}
        tr.due_soon span.tag{background:#ddf4ff;color:#0550ae}
        tr.paused span.tag{background:#eaeef2;color:#424a53}
        span.urgent{color:#cf222e;font-weight:600}
        p.group{color:#57606a;font-size:.9rem}
        tr.all td{font-weight:600;border-top:2px solid #d0d7de}
        """
    }

    public mutating func begin(_ header: DeadlineReportHeader) {
        auditHead = header.auditHead
        let title = "Deadline report as of \(header.asOf.iso)"
        sink.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        sink.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        sink.write("<title>\(ReportText.html(title)) · \(ReportText.html(header.office))</title>\n")
        sink.write("<style>\n\(Self.style)\n</style>\n</head>\n<body>\n")
        sink.write("<h1>\(ReportText.html(title)) (\(Explanation.weekdayName(header.asOf)))</h1>\n")
        sink.write("<p class=\"meta\">\(ReportText.html(header.office))</p>\n")
        sink.write(
            "<p class=\"meta\">Newly breached: since \(header.previousWorkingDay.iso). Due soon: within \(AllowanceUnit.workingDays.phrase(header.withinWorkingDays)), to \(header.horizon.iso).</p>\n"
        )
        if let assignee = header.assignee {
            sink.write("<p class=\"meta\">Assignee: \(ReportText.html(assignee))</p>\n")
        }
        if let lag = header.standbyReplayLag {
            sink.write("<p class=\"meta\">\(ReportText.html(ReportText.standbyLine(lag)))</p>\n")
        }
        if let warning = HolidayCoverage.warning(yearsWithoutHolidays: header.yearsWithoutHolidays) {
            sink.write("<p class=\"warning\">Warning: \(ReportText.html(warning))</p>\n")
        }
    }

    public mutating func write(_ row: DeadlineRow) {
        if tally.add(row) {
            if tally.groups.count > 1 { closeGroup(tally.groups[tally.groups.count - 2]) }
            sink.write(
                "<section>\n<h2>\(ReportText.html(DeadlineTally.name(of: row.assignee)))</h2>\n<table class=\"rows\">\n"
            )
            // The same column widths in every assignee's table, so they read as one list.
            sink.write(
                "<colgroup><col style=\"width:10%\"><col style=\"width:14%\"><col style=\"width:15%\"><col style=\"width:28%\"><col style=\"width:9%\"><col></colgroup>\n"
            )
            sink.write(
                "<thead><tr><th>Status</th><th>Reference</th><th>Clock</th><th>Respondent</th><th>Due</th><th>Detail</th></tr></thead>\n<tbody>\n"
            )
        }
        let urgent = row.urgent ? "<br><span class=\"urgent\">urgent</span>" : ""
        sink.write("<tr class=\"\(row.section.rawValue)\"><td><span class=\"tag\">\(row.section.title)</span></td>")
        sink.write(
            "<td class=\"k\">\(ReportText.html(row.reference))\(urgent)</td><td class=\"k\">\(ReportText.html(row.clockLabel))</td>"
        )
        sink.write("<td>\(ReportText.html(row.respondent))</td><td class=\"k\">\(row.finding.dueDate?.iso ?? "–")</td>")
        sink.write("<td>\(ReportText.html(row.detail))</td></tr>\n")
    }

    public mutating func finish() {
        if let last = tally.current { closeGroup(last) }
        defer {
            if let auditHead {
                sink.write(
                    "<p class=\"meta\">Audit head: row \(auditHead.row) sha256 <code>\(ReportText.html(auditHead.hash))</code> (keep it outside the database; check it with <code>redress audit verify --expect-head</code>)</p>\n"
                )
            }
            sink.write("</body>\n</html>\n")
        }
        if tally.groups.isEmpty {
            sink.write("<p>Nothing is due, overdue or paused.</p>\n")
            return
        }
        sink.write("<section>\n<h2>Totals</h2>\n<table>\n<thead><tr><th>Assignee</th>")
        for section in DeadlineSection.allCases { sink.write("<th class=\"n\">\(section.title)</th>") }
        sink.write("<th class=\"n\">all</th></tr></thead>\n<tbody>\n")
        for group in tally.groups {
            totalsRow(ReportText.html(DeadlineTally.name(of: group.assignee)), group.totals, css: nil)
        }
        totalsRow("All", tally.totals, css: "all")
        sink.write("</tbody>\n</table>\n</section>\n")
    }

    private mutating func totalsRow(_ name: String, _ totals: DeadlineTotals, css: String?) {
        sink.write(css.map { "<tr class=\"\($0)\">" } ?? "<tr>")
        sink.write("<td>\(name)</td>")
        for section in DeadlineSection.allCases { sink.write("<td class=\"n\">\(totals[section])</td>") }
        sink.write("<td class=\"n\">\(totals.all)</td></tr>\n")
    }

    private mutating func closeGroup(_ group: DeadlineTally.Group) {
        let parts = DeadlineSection.allCases.compactMap { section in
            group.totals[section] > 0 ? "\(group.totals[section]) \(section.title)" : nil
        }
        sink.write("</tbody>\n</table>\n<p class=\"group\">\(parts.joined(separator: ", "))</p>\n</section>\n")
    }
}
