import ArgumentParser
import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore

struct ReportDeadlines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "The nightly deadline report: newly breached, overdue, due soon, paused and non-compliant, by assignee.",
        discussion: """
            Everything comes from what was recorded on or before the report date, so a report \
            --as-of a past date is the same however much happened since. Rows stream from the \
            database: memory does not grow with the number of cases (the email format holds its \
            three renderings in memory). --format email writes a complete message to the \
            supervisors for 'sendmail -t -i': plain text and HTML, with the CSV attached.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, html, email
    }

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The report date (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Due soon: within this many working days.", valueName: "n")) var within: Int = DeadlineReport.defaultWithinWorkingDays
    @Option(name: .long, help: ArgumentHelp("Only the cases of this staff login.", valueName: "login")) var assignee: String?
    @Option(name: .long, help: "Print 'text', 'csv', 'json', 'html' or 'email'.") var format: Format = .text

    func validate() throws {
        guard (0...DeadlineReport.maximumWithinWorkingDays).contains(within) else {
            throw ValidationError("--within takes a number of working days from 0 to \(DeadlineReport.maximumWithinWorkingDays); \(within) is not one.")
        }
    }

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let date = try session.date(asOf)
        if let assignee, try StaffStore(session.connection).member(assignee) == nil { throw StoreError.staffNotFound(assignee) }
        let context = try OfficeContext.load(session.connection)
        let report = try DeadlineReport(asOf: date, withinWorkingDays: within, calendar: context.calendar)
        let header = DeadlineReportHeader(office: context.settings.name, report: report, assignee: assignee)
        let query = DeadlineReportQuery(connection: session.connection, context: context)
        let bar = ProgressLine("report \(date.iso)")
        defer { bar.finish() }
        switch format {
        case .text:
            try render(TextDeadlineReportFormatter(sink: BufferedStandardOutput(), colour: Terminal.usesColour), report, header, query, bar)
        case .csv:
            try render(CSVDeadlineReportFormatter(sink: BufferedStandardOutput()), report, header, query, bar)
        case .json:
            try render(JSONDeadlineReportFormatter(sink: BufferedStandardOutput()), report, header, query, bar)
        case .html:
            try render(HTMLDeadlineReportFormatter(sink: BufferedStandardOutput()), report, header, query, bar)
        case .email:
            let message = try email(report, header, query, context: context, bar)
            bar.finish()
            var out = BufferedStandardOutput()
            out.write(message)
            out.flush()
        }
    }

    /// Streams the report through one formatter to standard output.
    func render<F: DeadlineReportFormatter>(_ formatter: F, _ report: DeadlineReport, _ header: DeadlineReportHeader,
                                            _ query: DeadlineReportQuery, _ bar: ProgressLine) throws where F.Sink == BufferedStandardOutput {
        var formatter = formatter
        formatter.begin(header)
        try query.stream(report, assignee: assignee, progress: { bar.update($0, of: nil) }) { formatter.write($0) }
        formatter.finish()
        bar.finish()
        var out = formatter.sink
        out.flush()
    }

    /// The report as an RFC 5322 message to the active supervisors: text and HTML as
    /// alternatives, the CSV attached.
    func email(_ report: DeadlineReport, _ header: DeadlineReportHeader, _ query: DeadlineReportQuery,
               context: OfficeContext, _ bar: ProgressLine) throws -> String {
        let supervisors = try StaffStore(query.connection).list().filter { $0.active && $0.roles.contains(.supervisor) && $0.email != nil }
        guard !supervisors.isEmpty else {
            throw CLIFailure(status: .failure, description: "no active supervisor has an email address, so the report has no one to go to; give one with 'redress staff add LOGIN --role supervisor --email ADDRESS'")
        }
        var text = TextDeadlineReportFormatter(sink: "")
        var html = HTMLDeadlineReportFormatter(sink: "")
        var csv = CSVDeadlineReportFormatter(sink: "")
        var tally = DeadlineTally()
        text.begin(header)
        html.begin(header)
        csv.begin(header)
        try query.stream(report, assignee: assignee, progress: { bar.update($0, of: nil) }) { row in
            text.write(row)
            html.write(row)
            csv.write(row)
            tally.add(row)
        }
        text.finish()
        html.finish()
        csv.finish()

        let settings = context.settings
        let totals = tally.totals
        var subject = "Deadline report \(report.asOf.iso): \(totals[.newlyBreached]) newly breached, \(totals[.overdue]) overdue, "
        subject += "\(totals[.dueSoon]) due soon, \(totals[.paused]) paused, \(totals[.nonCompliance]) non-compliant"
        if let assignee { subject += " (\(assignee))" }
        var headers = MIMEHeaders()
        do {
            let now = Date()
            try headers.append("From", mailboxes: [Mailbox(parsing: settings.sender)])
            try headers.append("To", mailboxes: supervisors.map { try Mailbox(name: $0.displayName, address: $0.email!) })
            try headers.append("Subject", text: subject)
            try headers.append("Date", date: now, timeZone: context.calendar.timeZone)
            let stamp = String(Int(now.timeIntervalSince1970))
            try headers.append("Message-ID", messageIDs: [MessageID(left: "deadline-report.\(report.asOf.iso).\(stamp)", right: settings.mailDomain)])
            try headers.append("Auto-Submitted", token: "auto-generated")
        } catch {
            throw CLIFailure(status: .failure, description: "the report's email headers cannot be written (\(error)); check the office sender and mail domain with 'redress office show' and the supervisors' addresses with 'redress staff list'")
        }
        let message = MIMEMessage(
            headers: headers,
            body: .plainText(text.sink),
            alternatives: [.html(html.sink)],
            attachments: [try MIMEAttachment(filename: "deadlines-\(report.asOf.iso).csv", mediaType: "text/csv", text: csv.sink)],
            boundarySeed: "deadline-report \(report.asOf.iso)")
        return message.text
    }
}
