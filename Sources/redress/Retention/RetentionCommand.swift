import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Anonymise closed cases whose retention period has ended.",
        subcommands: [RetentionRun.self])
}

struct RetentionRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Anonymise every closed case past its retention date and on no legal hold (supervisor, ombudsperson).",
        discussion: """
            Run it every night beside the sweep (see ops/cron/redress). The retention schedule is the \
            policy version's in force on the date. Each case is anonymised once, in transactions of \
            a few hundred cases; a run stopped at any point and run again does the rest. --dry-run \
            lists the cases that are due and writes nothing.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(
        name: .long,
        help: ArgumentHelp("Judge retention as of this date, not after today (default: today).", valueName: "date"))
    var asOf: String?
    @Flag(name: .long, help: "List the cases that are due; write nothing.") var dryRun = false
    @Option(name: .long, help: .hidden) var batchSize: Int = RetentionStore.defaultBatchSize

    func run() throws {
        if batchSize < 1 { throw ValidationError("--batch-size takes a number of cases, 1 or more.") }
        let session = try Session.open(database)
        defer { session.close() }
        if !dryRun { try session.requirePrimary() }
        let today = try session.clock.today
        let date = try session.date(asOf)
        if date > today {
            throw CLIFailure(
                status: .usage,
                description:
                    "The date \(date.iso) is after today, \(today.iso); retention is judged as of today or an earlier date."
            )
        }
        var out = BufferedOutput()
        let summary = try RetentionStore(session.connection).run(
            asOf: date, dryRun: dryRun, batchSize: batchSize, actor: session.actor,
            waiting: { printErr("redress: another retention run is going on; waiting for it to finish") },
            due: { item in
                guard dryRun else { return }
                out.write(
                    "\(item.reference)  \(item.retentionClass.rawValue)  closed \(item.closedOn.iso)  kept until \(item.retainedUntil.iso)\n"
                )
            })
        let verb = summary.dryRun ? "would anonymise" : "anonymised"
        out.write(
            "retention as of \(summary.asOf.iso) under policy version \(summary.policyVersion)\(summary.dryRun ? " (dry run, nothing written)" : ""): \(grouped(summary.checked)) closed cases checked; \(verb) \(grouped(summary.anonymised)) \(summary.anonymised == 1 ? "case" : "cases"); \(grouped(summary.onHold)) on legal hold\n"
        )
        out.flush()
    }
}
