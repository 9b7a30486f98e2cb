import ArgumentParser
import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Mark breaches and take the escalation steps that are due, each once per clock.",
        discussion: """
            Run it every night (see ops/cron/redress). Each step of the escalation ladder happens \
            once per clock however often the sweep runs; a second sweep started meanwhile waits \
            for the first. --as-of a past date judges every clock as it stood that day. Prints one \
            summary line; with --dry-run, also each step it would take, and writes nothing.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("Judge the clocks as of this date (default: today).", valueName: "date"))
    var asOf: String?
    @Flag(name: .long, help: "Print what would be done; write nothing.") var dryRun = false
    @Option(name: .long, help: .hidden) var batchSize: Int = Sweep.defaultBatchSize

    func run() throws {
        if batchSize < 1 { throw ValidationError("--batch-size takes a number of steps, 1 or more.") }
        let session = try Session.open(database)
        defer { session.close() }
        // The sweep's advisory lock means something only on the primary: a standby's locks
        // are its own, and it cannot write the steps anyway.
        if !dryRun { try session.requirePrimary() }
        try session.actor.require(dryRun ? .read : .workCase)
        let date = try session.date(asOf)
        let writer = try database.connect()
        defer { writer.close() }
        let context = try OfficeContext.load(session.connection)
        let sweep = Sweep(reader: session.connection, writer: writer, context: context) { step in
            NoticeKind.notices(for: step).map { (kind: $0.kind.rawValue, audience: $0.audience) }
        }
        let bar = ProgressLine("sweep \(date.iso)")
        var out = BufferedOutput()
        let summary: SweepSummary
        do {
            summary = try sweep.run(
                SweepOptions(asOf: date, dryRun: dryRun, batchSize: batchSize),
                countTotal: Terminal.showsProgress,
                waiting: { printErr("redress: another sweep is running; waiting for it to finish") },
                progress: { bar.update($0, of: $1) },
                planned: { step in
                    guard dryRun else { return }
                    let notices = step.notices.map { "\($0.kind) (\($0.audience))" }.joined(separator: ", ")
                    out.write(
                        "\(step.reference)  \(step.clock.rawValue)  \(step.step.rawValue)  due \(step.dueOn.iso)  -> \(notices.isEmpty ? "no notice" : notices)\n"
                    )
                })
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        out.write(Self.line(summary) + "\n")
        out.flush()
    }

    /// "sweep as of 2026-03-16: 412,345 clocks checked; 1,234 steps taken on 987 cases (…); …".
    static func line(_ summary: SweepSummary) -> String {
        let verb = summary.dryRun ? "would take" : "took"
        let steps = EscalationStep.allCases.compactMap { step in
            summary.steps[step].map { "\($0) \(step.rawValue)" }
        }
        var text = "sweep as of \(summary.asOf.iso)\(summary.dryRun ? " (dry run, nothing written)" : ""): "
        text += "\(grouped(summary.clocksChecked)) clocks checked; \(verb) \(grouped(summary.stepsTaken)) "
        text += summary.stepsTaken == 1 ? "step" : "steps"
        text += " on \(grouped(summary.casesEscalated)) \(summary.casesEscalated == 1 ? "case" : "cases")"
        if !steps.isEmpty { text += " (" + steps.joined(separator: ", ") + ")" }
        text +=
            summary.dryRun
            ? "; \(grouped(summary.noticesQueued)) notices to queue before recipients"
            : "; \(grouped(summary.noticesQueued)) notices queued"
        text += "; \(grouped(summary.clocksMarkedBreached)) clocks \(summary.dryRun ? "to mark" : "marked") breached"
        text += String(format: "; %.1f s", summary.seconds)
        return text
    }
}
