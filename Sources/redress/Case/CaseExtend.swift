import ArgumentParser
import RedressCore
import RedressStore

struct CaseExtend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend a running clock (approved by the role the policy names) and queue the letter.",
        discussion: "--amount counts in the clock's own unit: working days, calendar days or months.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The clock to extend.") var clock: ClockKind
    @Option(name: .long, help: "How much to add, in the clock's unit.") var amount: Int?
    /// The option's first name, from when every clock counted days; scripts may still use it.
    @Option(name: .long, help: .hidden) var days: Int?
    @Option(name: .long, help: "Why; the letter to the complainant quotes it.") var reason: String
    @Flag(name: .long, help: "The consent the rule asks for is recorded.") var consent = false

    func validate() throws {
        switch (amount, days) {
        case (nil, nil): throw ValidationError("Missing expected argument '--amount <amount>'")
        case (.some, .some): throw ValidationError("--days is the old name of --amount; give one of them")
        default: break
        }
    }

    func run() throws {
        let amount = amount ?? days!
        try runCaseChange(options, database: database) {
            try $0.extend(
                reference: reference, kind: clock, amount: amount, reason: reason, consent: consent, actor: $1, at: $2,
                expectVersion: $3)
        }
    }
}
