import ArgumentParser
import RedressCore
import RedressStore

struct CaseExtend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Extend a running clock (approved by the role the policy names) and queue the letter.",
        discussion: "--days counts in the clock's own unit: working days, calendar days or months.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The clock to extend.") var clock: ClockKind
    @Option(name: .long, help: "How much to add, in the clock's unit.") var days: Int
    @Option(name: .long, help: "Why; the letter to the complainant quotes it.") var reason: String
    @Flag(name: .long, help: "The consent the rule asks for is recorded.") var consent = false

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.extend(reference: reference, kind: clock, amount: days, reason: reason, consent: consent, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
