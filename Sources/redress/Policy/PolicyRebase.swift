import ArgumentParser
import RedressCore
import RedressStore

struct PolicyRebase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebase",
        abstract: "Move a running clock of a case to another policy version and recompute its due date (audited).",
        discussion:
            "Example: redress policy rebase HRC-2026-000042 --clock investigation --reason 'New statutory limit'. The version defaults to the one in force on the day (--at, default today); supervisors and the ombudsperson may re-base."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The clock to re-base (its latest).") var clock: ClockKind
    @Option(name: .long, help: "The policy version (default: the one in force on the day).") var to: Int?
    @Option(name: .long, help: "Why; the audit log and 'case explain' record it.") var reason: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.rebase(
                reference: reference, kind: clock, version: to, reason: reason, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
