import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct MailShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Show one received message: where it was filed or why it waits, its header fields, text and attachments.",
        discussion: """
            --raw writes the message's stored bytes exactly (an attachment over the size limit \
            is left out of them, a note in its place). A message of a confidential case, or of no \
            case, is shown only to those who may see who complained.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The message's number (see 'mail list').") var number: Int
    @Flag(name: .long, help: "Write the stored bytes of the message to stdout, exactly.") var raw = false
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        if raw {
            try session.transaction { connection in
                try MailStore(connection).raw(number: number, actor: session.actor, at: Date()) {
                    try FileHandle.standardOutput.write(contentsOf: Data($0))
                }
            }
            return
        }
        let detail = try session.transaction {
            try MailStore($0).show(number: number, actor: session.actor, at: Date())
        }
        if format == .json { return try printJSON(detail) }
        let clock = try session.clock
        var lines: [String] = []
        var heading = "Message \(detail.number) (\(detail.kind)), \(detail.state)"
        if let reference = detail.reference { heading += " on \(reference) by \(detail.matchedBy ?? "hand")" }
        if let notice = detail.notice { heading += " (notice \(notice))" }
        lines.append(heading)
        lines.append("Received:    \(clock.localTime(at: detail.receivedAt)) by \(detail.receivedBy)")
        if let filedAt = detail.filedAt {
            lines.append("Filed:       \(clock.localTime(at: filedAt)) by \(detail.filedBy ?? "")")
        }
        lines.append(
            "Stored:      \(DocumentStore.describe(detail.size)) (\(detail.size) bytes), SHA-256 \(detail.sha256)")
        if let problem = detail.problem { lines.append("Problem:     \(problem)") }
        for header in detail.headers {
            lines.append(
                (header.name + ":").padding(toLength: max(13, header.name.count + 2), withPad: " ", startingAt: 0)
                    + header.value)
        }
        printText(lines.joined(separator: "\n"))
        if !detail.attachments.isEmpty {
            printText("\nAttachments:")
            printTable(
                header: ["NAME", "TYPE", "SIZE", "SHA-256", "KEPT"],
                rows: detail.attachments.map {
                    [
                        $0.filename ?? "(no name)", $0.type, DocumentStore.describe($0.size), $0.sha256 ?? "-",
                        $0.refused ? "refused: over the size limit" : $0.document.map { "document \($0)" } ?? "-",
                    ]
                })
        }
        if let text = detail.text, !text.isEmpty {
            printText("\nText:\n" + text)
        }
    }
}
