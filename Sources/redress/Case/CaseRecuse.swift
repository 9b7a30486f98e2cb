import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseRecuse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recuse",
        abstract:
            "Recuse a staff member from a case for a conflict of interest, or lift that recusal (supervisor, ombudsperson)."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The staff login.") var login: String
    @Option(name: .long, help: "Why (kept in the case's history).") var reason: String
    @Option(
        name: .long,
        help: ArgumentHelp("Give the case to this login first, when it is the recused login's.", valueName: "login"))
    var reassignTo: String?
    @Flag(name: .long, help: "Lift the recusal instead.") var lift = false
    @Option(name: .long, help: "Print 'text' or 'json' (the recusal).") var format: OutputFormat = .text

    func run() throws {
        try runRecusal(
            database: database, login: login, scope: .reference(reference), reason: reason, reassignTo: reassignTo,
            lift: lift, format: format)
    }
}

/// Records or lifts a recusal in one transaction and prints what it did.
func runRecusal(
    database: DatabaseOptions, login: String, scope: Recusal.Scope, reason: String, reassignTo: String?, lift: Bool,
    format: OutputFormat
) throws {
    if lift, reassignTo != nil {
        throw CLIFailure(status: .usage, description: "A lifted recusal reassigns nothing; leave out --reassign-to.")
    }
    let session = try Session.open(database)
    defer { session.close() }
    let (recusal, reassigned) = try session.transaction { connection -> (Recusal, [String]) in
        let store = RecusalStore(connection)
        if lift {
            return (try store.lift(login: login, from: scope, reason: reason, actor: session.actor, at: Date()), [])
        }
        let recorded = try store.recuse(
            login: login, from: scope, reason: reason, reassignTo: reassignTo, actor: session.actor, at: Date())
        return (recorded.recusal, recorded.reassigned)
    }
    if format == .json { return try printJSON(recusal) }
    if let reassignTo, !reassigned.isEmpty { printText(reassignedLine(reassigned, from: login, to: reassignTo)) }
    printText("\(login) \(lift ? "no longer recused" : "recused") from \(scope.label)")
}
