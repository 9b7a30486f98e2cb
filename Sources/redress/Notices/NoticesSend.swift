import ArgumentParser
import Foundation
import Glibc
import RedressCore
import RedressNotices
import RedressStore

struct NoticesSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Pipe each pending email notice to a command, such as 'sendmail -t -i'.",
        discussion: """
            Each message goes to the standard input of '/bin/sh -c COMMAND', with REDRESS_NOTICE_ID, \
            REDRESS_MESSAGE_ID, REDRESS_CASE_REFERENCE and REDRESS_RECIPIENT set. A notice is marked sent \
            only when the command exits 0; otherwise its error is recorded and it is tried again later, \
            waiting 5 minutes, then 10, 20, … up to 6 hours, until --max-attempts, when it is marked failed. \
            Several senders may run at once: none sends a notice another has taken. Letters (the post \
            channel) are left for 'notices export --letters DIR'. Exits 1 when a notice was not sent.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The command each message is piped to.", valueName: "command")) var via:
        String
    @Option(name: .long, help: "At most this many notices in this run.") var limit: Int?
    @Option(name: .long, help: "Attempts before a notice is marked failed.") var maxAttempts: Int = NoticeRetryPolicy
        .standard.maximumAttempts
    @Option(
        name: .long,
        help: ArgumentHelp("Seconds one delivery may take before the command is killed.", valueName: "seconds"))
    var timeout: Int = 120
    @Flag(name: .long, help: "Also send notices whose next attempt is not due yet (after fixing the mail set-up).")
    var retryNow = false

    func validate() throws {
        if via.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--via needs a command, e.g. --via '/usr/sbin/sendmail -t -i'.")
        }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of notices, 1 or more.") }
        if maxAttempts < 1 { throw ValidationError("--max-attempts takes a number of attempts, 1 or more.") }
        if timeout < 1 { throw ValidationError("--timeout takes a number of seconds, 1 or more.") }
    }

    func run() throws {
        // A command that stops reading must not kill us: its exit status tells.
        signal(SIGPIPE, SIG_IGN)
        let session = try Session.open(database)
        defer { session.close() }
        // Delivery claims notices on the primary; a standby could not record a single send.
        try session.requirePrimary()
        try NoticeStore.requireSender(session.actor)
        var policy = NoticeRetryPolicy.standard
        policy.maximumAttempts = maxAttempts
        let pipe = CommandPipe(command: via, timeout: TimeInterval(timeout))
        let run = NoticeDelivery(
            connection: session.connection, channel: .email, limit: limit, retryNow: retryNow, policy: policy)
        let summary = try run.run(report: { report($0, $1, verb: "sent", policy: policy) }) { notice, rendered in
            let result = try pipe.run(
                input: Array(rendered.text.utf8),
                environment: [
                    "REDRESS_NOTICE_ID": String(notice.id),
                    "REDRESS_MESSAGE_ID": rendered.messageID ?? "",
                    "REDRESS_CASE_REFERENCE": notice.reference ?? "",
                    "REDRESS_RECIPIENT": notice.recipient ?? "",
                ])
            guard result.succeeded else { throw NoticeDeliveryFailure(result.failure) }
        }
        print("notices: " + summary.line(verb: "sent"))
        let letters = try NoticeStore(session.connection).pendingCount(channel: .post)
        if letters > 0 {
            printErr(
                "\(letters) pending \(letters == 1 ? "letter goes" : "letters go") by post: print them with 'redress notices export --letters DIR'."
            )
        }
        if summary.retrying + summary.failed > 0 {
            let count = summary.retrying + summary.failed
            throw CLIFailure(
                status: .failure,
                description:
                    "\(count) \(count == 1 ? "notice was" : "notices were") not sent; the lines above say why, and 'redress notices list --state pending' shows them"
            )
        }
    }
}
