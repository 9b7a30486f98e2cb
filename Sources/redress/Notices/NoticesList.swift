public import ArgumentParser
import Foundation
import RedressCore
import RedressStore

extension NoticeState: ExpressibleByArgument {}

struct NoticesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List notices, oldest first.",
        discussion:
            "A notice to the complainant or their representative shows no address: it is read from the case when the notice is rendered, by staff who may see the complainant's identity."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Only notices in this state: pending, sent, failed or cancelled.") var state:
        NoticeState?
    @Option(name: .customLong("case"), help: ArgumentHelp("Only the notices of this case.", valueName: "reference"))
    var reference: String?
    @Option(name: .long, help: "At most this many notices.") var limit: Int?
    @Option(name: .long, help: "Print 'table', 'json' or 'csv'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let notices = try session.transaction {
            try NoticeStore($0).list(
                NoticeFilter(state: state, reference: reference, limit: limit), actor: session.actor, at: Date())
        }
        if format == .json { return try printJSON(notices) }
        let header = [
            "id", "case", "kind", "audience", "channel", "language", "state", "attempts", "recipient",
            "next_attempt_at", "sent_at", "last_error",
        ]
        let rows = notices.map { notice in
            [
                String(notice.id), notice.reference ?? "", notice.kind, notice.audience.rawValue,
                notice.channel.rawValue, notice.language,
                notice.state.rawValue, String(notice.attempts), notice.recipient ?? "",
                notice.state == .pending ? notice.nextAttemptAt.formatted(.iso8601) : "",
                notice.sentAt?.formatted(.iso8601) ?? "",
                notice.lastError ?? "",
            ]
        }
        if format == .csv { return try printCSV(header: header, rows: rows) }
        printTable(header: header.map { $0.uppercased() }, rows: rows)
    }
}
