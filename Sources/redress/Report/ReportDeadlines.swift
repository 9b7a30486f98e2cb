import ArgumentParser
import Foundation
import RedressCore
import RedressNotices
import RedressStore

struct ReportDeadlines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract:
            "The nightly deadline report: newly breached, overdue, due soon, paused and non-compliant, by assignee.",
        discussion: """
            Everything comes from what was recorded on or before the report date, so a report \
            --as-of a past date is the same however much happened since, but for the audit log's \
            head (text, HTML and JSON): the last row of the log when the report was read and its \
            hash, to keep outside the database and check later with 'redress audit verify \
            --expect-head'; and the years running clocks now reach that have no holidays \
            loaded (text, HTML and JSON), which 'redress calendar status' lists too. Rows stream from the \
            database: memory does not grow with the number of cases. --format email writes a \
            complete message to the supervisors for 'sendmail -t -i': plain text and HTML, with the \
            CSV attached, each rendered first into a private temporary file (TMPDIR).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, html, email
    }

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The report date (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Due soon: within this many working days.", valueName: "n")) var within:
        Int = DeadlineReport.defaultWithinWorkingDays
    @Option(name: .long, help: ArgumentHelp("Only the cases of this staff login.", valueName: "login")) var assignee:
        String?
    @Option(name: .long, help: "Print 'text', 'csv', 'json', 'html' or 'email'.") var format: Format = .text

    func validate() throws {
        guard (0...DeadlineReport.maximumWithinWorkingDays).contains(within) else {
            throw ValidationError(
                "--within takes a number of working days from 0 to \(DeadlineReport.maximumWithinWorkingDays); \(within) is not one."
            )
        }
    }

    func run() throws {
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let lag = try session.standbyReplayLag()
        try DeadlineReportRun.withSnapshot(
            session.connection, actor: session.actor, asOf: try asOf.map(parseDate),
            withinWorkingDays: within, assignee: assignee, at: Date()
        ) { run in
            var header = run.header
            header.standbyReplayLag = lag
            let bar = ProgressLine("report \(run.report.asOf.iso)")
            defer { bar.finish() }
            switch format {
            case .text:
                try render(
                    header, TextDeadlineReportFormatter(sink: BufferedOutput(), colour: Terminal.usesColour), run, bar)
            case .csv:
                try render(header, CSVDeadlineReportFormatter(sink: BufferedOutput()), run, bar)
            case .json:
                try render(header, JSONDeadlineReportFormatter(sink: BufferedOutput()), run, bar)
            case .html:
                try render(header, HTMLDeadlineReportFormatter(sink: BufferedOutput()), run, bar)
            case .email:
                try email(run, header: header, staff: try StaffStore(session.connection).list(), bar)
            }
        }
    }

    /// Streams the report through one formatter to standard output.
    func render<F: DeadlineReportFormatter>(
        _ header: DeadlineReportHeader, _ formatter: F, _ run: DeadlineReportRun, _ bar: ProgressLine
    ) throws
    where F.Sink == BufferedOutput {
        var formatter = formatter
        formatter.begin(header)
        try run.stream(progress: { bar.update($0, of: nil) }) { formatter.write($0) }
        formatter.finish()
        bar.finish()
        var out = formatter.sink
        out.flush()
    }

    /// The report as an RFC 5322 message to the active supervisors: text and HTML as
    /// alternatives, the CSV attached. The three renderings stream into private temporary
    /// files and the message is written from them, so memory stays flat however long it is.
    func email(_ run: DeadlineReportRun, header: DeadlineReportHeader, staff: [StaffMember], _ bar: ProgressLine)
        throws
    {
        let (report, context) = (run.report, run.context)
        let supervisors = staff.filter { $0.active && $0.roles.contains(.supervisor) && $0.email != nil }
        guard !supervisors.isEmpty else {
            throw CLIFailure(
                status: .failure,
                description:
                    "no active supervisor has an email address, so the report has no one to go to; give one with 'redress staff add LOGIN --role supervisor --email ADDRESS'"
            )
        }
        let folder = try PrivateFolder()
        defer { folder.remove() }
        let files = (text: folder.file("report.txt"), html: folder.file("report.html"), csv: folder.file("report.csv"))
        var text = TextDeadlineReportFormatter(sink: try folder.output(files.text))
        var html = HTMLDeadlineReportFormatter(sink: try folder.output(files.html))
        var csv = CSVDeadlineReportFormatter(sink: try folder.output(files.csv))
        var tally = DeadlineTally()
        text.begin(header)
        html.begin(header)
        csv.begin(header)
        try run.stream(progress: { bar.update($0, of: nil) }) { row in
            text.write(row)
            html.write(row)
            csv.write(row)
            tally.add(row)
        }
        text.finish()
        html.finish()
        csv.finish()
        bar.finish()
        for var sink in [text.sink, html.sink, csv.sink] {
            sink.close()
            if sink.failed {
                throw CLIFailure(
                    status: .failure,
                    description:
                        "the report could not be written to a temporary file in \(folder.path); check the space left there (TMPDIR)"
                )
            }
        }

        let settings = context.settings
        let totals = tally.totals
        var subject =
            "Deadline report \(report.asOf.iso): \(totals[.newlyBreached]) newly breached, \(totals[.overdue]) overdue, "
        subject += "\(totals[.dueSoon]) due soon, \(totals[.paused]) paused, \(totals[.nonCompliance]) non-compliant"
        if let assignee { subject += " (\(assignee))" }
        var headers = MIMEHeaders()
        do {
            let now = Date()
            try headers.append("From", mailboxes: [Mailbox(parsing: settings.sender)])
            try headers.append(
                "To", mailboxes: supervisors.map { try Mailbox(name: $0.displayName, address: $0.email!) })
            try headers.append("Subject", text: subject)
            try headers.append("Date", date: now, timeZone: context.calendar.timeZone)
            let stamp = String(Int(now.timeIntervalSince1970))
            try headers.append(
                "Message-ID",
                messageIDs: [MessageID(left: "deadline-report.\(report.asOf.iso).\(stamp)", right: settings.mailDomain)]
            )
            try headers.append("Auto-Submitted", token: "auto-generated")
        } catch {
            throw CLIFailure(
                status: .failure,
                description:
                    "the report's email headers cannot be written (\(error)); check the office sender and mail domain with 'redress office show' and the supervisors' addresses with 'redress staff list'"
            )
        }
        var out = BufferedOutput()
        try MIMEMessage.write(
            headers: headers, body: .plainText(files.text), alternatives: [.html(files.html)],
            attachments: [
                try MIMEFileAttachment(
                    filename: "deadlines-\(report.asOf.iso).csv", mediaType: "text/csv", file: files.csv)
            ],
            boundarySeed: "deadline-report \(report.asOf.iso)"
        ) { out.write($0) }
        out.flush()
    }
}

/// A temporary folder only its owner can read (reports name people), removed when done.
struct PrivateFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/redress-report.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIFailure(
                status: .failure,
                description:
                    "a temporary folder for the report cannot be made in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))"
            )
        }
        path = String(cString: made)
    }

    func file(_ name: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(name) }

    /// A buffered output to a new file of this folder.
    func output(_ file: URL) throws -> BufferedOutput {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CLIFailure(
                status: .failure, description: "\(file.path) cannot be written: \(String(cString: strerror(errno)))")
        }
        return BufferedOutput(descriptor: descriptor)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
