import ArgumentParser
import RedressCore
import RedressStore

struct StaffRecuse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recuse",
        abstract:
            "Recuse a staff member from every case against a respondent body, or lift that recusal (supervisor, ombudsperson)."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The staff login.") var login: String
    @Option(name: .long, help: "The respondent body, named as on its cases.") var respondent: String
    @Option(name: .long, help: "Why (kept in the audit log).") var reason: String
    @Option(
        name: .long,
        help: ArgumentHelp("Give the login's open cases against the body to this login first.", valueName: "login"))
    var reassignTo: String?
    @Flag(name: .long, help: "Lift the recusal instead.") var lift = false
    @Option(name: .long, help: "Print 'text' or 'json' (the recusal).") var format: OutputFormat = .text

    func run() throws {
        try runRecusal(
            database: database, login: login, scope: .respondent(respondent), reason: reason, reassignTo: reassignTo,
            lift: lift, format: format)
    }
}
