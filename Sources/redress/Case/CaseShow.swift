import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case, its parties and its clocks.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference, e.g. HRC-2026-000042.")
    var reference: String
    @Option(name: .long, help: "Print 'text' or 'json'.")
    var format: OutputFormat = .text
    @Option(name: .long, help: ArgumentHelp("Take clock statuses as of this date (default: today).", valueName: "date"))
    var asOf: String?

    func run() throws {
        let session = try Session.open(database, reading: true)
        defer { session.close() }
        let asOfDate = try asOf.map(parseDate)
        let document = try session.transaction { connection in
            try CaseStore(connection).document(reference: reference, actor: session.actor, asOf: asOfDate, at: Date())
        }
        if format == .json {
            try printJSON(document)
            return
        }
        printText(CaseText.render(document))
        let more = document.resolution.map { ResolutionText.render($0, clock: document.officeClock) } ?? ""
        if !more.isEmpty { printText("\n" + more) }
    }
}

/// The text form of a case for people.
enum CaseText {
    static func render(_ d: CaseDocument) -> String {
        var lines: [String] = []
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(fieldLabel(label) + value)
        }
        field("Reference", "\(d.reference) (version \(d.version))")
        field("Status", d.status.rawValue + (d.outcome.map { " (\($0.rawValue))" } ?? ""))
        field("Received", "\(d.receivedOn.iso) via \(d.channel.rawValue)")
        field("Urgent", d.urgent ? "yes" : nil)
        field("Confidential", d.confidential ? "yes" : nil)
        field("Late filing", d.lateFiling ? "accepted: \(d.lateFilingReason ?? "")" : nil)
        for (index, party) in d.complainants.enumerated() {
            let contact = [party.email, party.phone].compactMap { $0 }.joined(separator: ", ")
            field(index == 0 ? "Complainant" : "", party.name + (contact.isEmpty ? "" : " <\(contact)>"))
        }
        field("Group size", d.groupSize.map(String.init))
        field("Representative", d.representative?.name)
        field("Respondent", d.respondent.name)
        field("Categories", d.categories.joined(separator: ", "))
        field("Assignee", d.assignee ?? "unassigned")
        for (index, link) in d.links.enumerated() {
            field(index == 0 ? "Links" : "", "\(link.kind.replacingOccurrences(of: "_", with: " ")) \(link.reference)")
        }
        field("Issue", d.issue.map { "\($0) (the first case linked as the same issue)" })
        if !d.possibleDuplicates.isEmpty {
            field(
                "Duplicate?",
                d.possibleDuplicates.joined(separator: ", ") + " (same respondent and complainant contact, not linked)")
        }
        field("Recused", d.recused.joined(separator: ", "))
        field("Summary", d.summary)
        lines.append("")
        var rows: [[String]] = []
        for clock in d.clocks {
            let extensions =
                clock.extensions.isEmpty ? "" : "+" + clock.extensions.map { String($0.amount) }.joined(separator: "+")
            rows.append([
                clock.label, clock.status.rawValue, clock.allowance.description + extensions,
                clock.startDate.iso, clock.dueDate?.iso ?? "paused", String(clock.pausedDays), clock.metDate?.iso ?? "",
            ])
        }
        lines.append(
            contentsOf: tableLines(
                header: ["CLOCK", "STATUS", "ALLOWANCE", "START", "DUE", "PAUSED", "MET"], rows: rows))
        if !d.notes.isEmpty { lines.append("") }
        for note in d.notes {
            field("Note", "\(d.officeClock.localTime(at: note.notedAt)) \(note.author): \(note.text)")
        }
        if !d.correspondence.isEmpty {
            lines.append("")
            lines.append("Correspondence:")
            for entry in d.correspondence { lines.append(contentsOf: correspondenceLines(entry, clock: d.officeClock)) }
        }
        return lines.joined(separator: "\n")
    }

    /// One item of correspondence: when, which way, what; a message's subject and new text
    /// and a contact's summary indented below it.
    static func correspondenceLines(_ entry: CorrespondenceEntry, clock: OfficeClock) -> [String] {
        let arrow = entry.direction == "in" ? "in " : "out"
        var head = "  \(clock.localTime(at: entry.at))  \(arrow)  \(entry.type)"
        if let number = entry.number { head += " \(number)" }
        head += ": \(entry.summary)"
        if entry.type == "notice", let state = entry.state {
            head += " [\(state)\(entry.error.map { ": \($0)" } ?? "")]"
        }
        if entry.possibleAnswer == true { head += " (possible answer)" }
        if let documents = entry.documents {
            head += "; documents \(documents.map(String.init).joined(separator: ", "))"
        }
        var lines = [head]
        if let from = entry.from { lines.append("      From: \(from)") }
        if let subject = entry.subject { lines.append("      Subject: \(subject)") }
        if let text = entry.text, !text.isEmpty {
            let shown = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(6)
            lines.append(contentsOf: shown.map { "      | " + $0 })
            if text.split(separator: "\n", omittingEmptySubsequences: false).count > 6 { lines.append("      | …") }
        }
        return lines
    }
}

/// The label column of a case's text form: "Reference:    ", or blanks under the label of a
/// field that runs on (a second complainant).
func fieldLabel(_ label: String) -> String {
    (label.isEmpty ? "" : label + ":").padding(toLength: 14, withPad: " ", startingAt: 0)
}

extension ClockDocument {
    /// The clock's kind, with the number of the remedy item or request it belongs to:
    /// "remedy #2".
    var label: String { subject.map { "\(kind.rawValue) #\($0)" } ?? kind.rawValue }
}

/// Aligned table lines.
func tableLines(header: [String], rows: [[String]]) -> [String] {
    // One cell, one line: a line break or control in the data must not forge rows.
    let rows = rows.map { $0.map { TerminalText.neutralised($0, keepingLines: false) } }
    var widths = header.map(\.count)
    for row in rows {
        for (index, cell) in row.enumerated() where index < widths.count {
            widths[index] = max(widths[index], cell.count)
        }
    }
    return ([header] + rows).map { cells in
        cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ")
    }
}
