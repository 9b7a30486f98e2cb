import ArgumentParser
import RedressCore
import RedressStore

struct CaseInfoReceived: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info-received", abstract: "Record the complainant's answer: the paused clocks resume.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Where the case goes next (default: back to triage or investigation).") var to:
        CaseState?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The received message that answers (see 'case show'): the clocks resume at its arrival, not now.",
            valueName: "number"))
    var fromMail: Int?

    func validate() throws {
        if fromMail != nil, options.at != nil {
            throw ValidationError("Give --from-mail or --at, not both: the message's arrival is the time.")
        }
    }

    func run() throws {
        try runCaseChange(options, database: database) { store, actor, at, version in
            let instant = try fromMail.map { try MailStore(store.connection).arrival(of: $0, on: reference) } ?? at
            return try store.informationReceived(
                reference: reference, to: to, actor: actor, at: instant, expectVersion: version)
        }
    }
}
