/// The deadline report as aligned tables for people: a table per assignee, then the totals.
///
/// Columns have fixed widths (rows are written as they arrive, before the widest is known);
/// long respondent names are cut with "…", wide Hangul and CJK characters count two columns,
/// and control characters in stored text are blanked so they cannot drive the terminal.
/// With `colour`, breached and non-compliant lines are red and overdue ones yellow (ANSI).
public struct TextDeadlineReportFormatter<Sink: TextOutputStream>: DeadlineReportFormatter {
    public private(set) var sink: Sink
    private let colour: Bool
    private var tally = DeadlineTally()
    private var auditHead: AuditChainHead?

    private static var columns: [(title: String, width: Int)] {
        [("Status", 14), ("Reference", 17), ("Clock", 20), ("Respondent", 28), ("Due", 10), ("Detail", 0)]
    }

    /// A formatter writing to `sink`, in colour when `colour` is set.
    public init(sink: Sink, colour: Bool = false) {
        self.sink = sink
        self.colour = colour
    }

    public mutating func begin(_ header: DeadlineReportHeader) {
        auditHead = header.auditHead
        let asOf = "\(header.asOf.iso) (\(Explanation.weekdayName(header.asOf)))"
        line("Deadline report as of \(asOf): \(ReportText.printable(header.office))")
        line(
            "Newly breached: since \(header.previousWorkingDay.iso). Due soon: within \(AllowanceUnit.workingDays.phrase(header.withinWorkingDays)), to \(header.horizon.iso)."
        )
        if let assignee = header.assignee { line("Assignee: \(ReportText.printable(assignee))") }
        if let lag = header.standbyReplayLag { line(ReportText.standbyLine(lag)) }
        if let warning = HolidayCoverage.warning(yearsWithoutHolidays: header.yearsWithoutHolidays) {
            line("Warning: \(warning)")
        }
    }

    public mutating func write(_ row: DeadlineRow) {
        if tally.add(row) {
            if tally.groups.count > 1 { closeGroup(tally.groups[tally.groups.count - 2]) }
            line("")
            line(ReportText.printable(DeadlineTally.name(of: row.assignee)))
            line("  " + Self.columns.map { ReportText.padded($0.title, to: $0.width) }.joined(separator: "  "))
        }
        let reference = row.reference + (row.urgent ? " !" : "")
        let cells = [
            row.section.title,
            reference,
            row.clockLabel,
            ReportText.truncated(ReportText.printable(row.respondent), to: 28),
            row.finding.dueDate?.iso ?? "-",
            ReportText.printable(row.detail),
        ]
        let text = "  " + zip(Self.columns, cells).map { ReportText.padded($1, to: $0.width) }.joined(separator: "  ")
        line(painted(trimmedRight(text), for: row.section))
    }

    public mutating func finish() {
        if let last = tally.current { closeGroup(last) }
        line("")
        defer {
            if let auditHead {
                line("")
                line(Self.auditHeadLine(auditHead))
            }
        }
        if tally.groups.isEmpty {
            line("Nothing is due, overdue or paused.")
            return
        }
        line("Totals")
        let nameWidth = max(
            12,
            tally.groups.map { ReportText.displayWidth(ReportText.printable(DeadlineTally.name(of: $0.assignee))) }
                .max() ?? 0)
        let titles = DeadlineSection.allCases.map(\.title) + ["all"]
        line(
            "  " + ReportText.padded("Assignee", to: nameWidth) + "  "
                + titles.map { ReportText.rightAligned($0, to: max(5, $0.count)) }.joined(separator: "  "))
        func totalsLine(_ name: String, _ totals: DeadlineTotals) -> String {
            let counts = DeadlineSection.allCases.map { totals[$0] } + [totals.all]
            return "  " + ReportText.padded(name, to: nameWidth) + "  "
                + zip(titles, counts).map { ReportText.rightAligned(String($1), to: max(5, $0.count)) }.joined(
                    separator: "  ")
        }
        for group in tally.groups {
            line(totalsLine(ReportText.printable(DeadlineTally.name(of: group.assignee)), group.totals))
        }
        line(totalsLine("All", tally.totals))
    }

    /// The last line: the audit log's head, to be kept where the database's owner cannot change it.
    static func auditHeadLine(_ head: AuditChainHead) -> String {
        "audit head: row \(head.row) sha256 \(head.hash) (keep it outside the database; check it with 'redress audit verify --expect-head')"
    }

    private mutating func closeGroup(_ group: DeadlineTally.Group) {
        let parts = DeadlineSection.allCases.compactMap { section in
            group.totals[section] > 0 ? "\(group.totals[section]) \(section.title)" : nil
        }
        line("  " + parts.joined(separator: ", "))
    }

    private func painted(_ text: String, for section: DeadlineSection) -> String {
        guard colour else { return text }
        switch section {
        case .newlyBreached, .nonCompliance: return "\u{1B}[31m" + text + "\u{1B}[0m"
        case .overdue: return "\u{1B}[33m" + text + "\u{1B}[0m"
        case .dueSoon, .paused: return text
        }
    }

    private func trimmedRight(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    private mutating func line(_ text: String) {
        sink.write(text)
        sink.write("\n")
    }
}
