import ArgumentParser
import RedressCore
import RedressStore

struct RemedyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a remedy item to a decided case; prints its number.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "What kind of remedy (apology, financial, policy_change, …).") var kind: RemedyKind
    @Option(name: .long, help: "What exactly is to be done.") var description: String
    @Option(name: .customLong("class"), help: "personal, learning or complaint_handling (default: by kind).")
    var remedyClass: RemedyClass?
    @Option(name: .long, help: "The policy rule for its clock: personal, service or systemic (default: by kind).")
    var scale: RemedyScale?
    @Option(name: .long, help: "For a financial remedy: the amount, at most two decimals.") var amount: String?
    @Option(name: .long, help: "For a financial remedy: the ISO 4217 currency code.") var currency: String?
    @Option(
        name: .long,
        help: ArgumentHelp("A due date set by hand instead of the policy's (YYYY-MM-DD).", valueName: "date")) var due:
        String?
    @Option(name: .long, help: "The body responsible (default: the case's respondent).") var body: String?
    @Flag(name: .long, help: "Record it as already accepted (agreed with the respondent); its clock starts.")
    var accepted = false
    @Option(name: .long, help: ArgumentHelp("The number of an item this one replaces.", valueName: "n")) var supersedes:
        Int?

    func run() throws {
        let money: Money?
        switch (amount, currency) {
        case let (amount?, currency?): money = try Money(amount: amount, currency: currency)
        case (nil, nil): money = nil
        default: throw ValidationError("Give both --amount and --currency for a financial remedy.")
        }
        let spec = try RemedySpec(
            kind: kind, text: description, remedyClass: remedyClass, scale: scale, amount: money,
            dueOn: try due.map(parseDate), body: body)
        var number = 0
        try runCaseChange(options, database: database, quiet: true) {
            let added = try RemedyStore($0.connection).add(
                reference: reference, spec: spec, accepted: accepted, supersedes: supersedes,
                actor: $1, at: $2, expectVersion: $3)
            number = added.number
            return added.change
        }
        if options.format != .json { print(number) }
    }
}
