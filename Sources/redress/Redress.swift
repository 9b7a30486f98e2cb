import ArgumentParser
import Foundation
import RedressCore
import RedressStore

@main
struct Redress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redress",
        abstract: "Ombudsman complaint and remedy case tracker.",
        discussion: """
            With no database configured (--database, REDRESS_DATABASE_URL or libpq's PG* \
            variables), commands use the local cluster that 'redress local start' makes.
            Exit codes: 0 success, 1 failure, 2 usage, 3 not found, 4 refused by the rules, \
            5 conflict (retry), 6 database unreachable.
            """,
        version: "redress \(release) (database schema \(Migration.embedded.map(\.version).max() ?? 0))",
        subcommands: [
            LocalCommand.self, DBCommand.self, OfficeCommand.self, StaffCommand.self, CalendarCommand.self,
            PolicyCommand.self, CaseCommand.self, PartyCommand.self, PersonCommand.self, RespondentCommand.self,
            CategoryCommand.self,
            MediationCommand.self, ArbitrationCommand.self, InvestigationCommand.self, ReviewCommand.self,
            RemedyCommand.self,
            NoticesCommand.self, MailCommand.self, AuditCommand.self,
            SweepCommand.self, RetentionCommand.self, ReportCommand.self, DemoCommand.self,
            Serve.self,
        ]
    )

    /// The release `redress --version` names, beside the newest migration it carries.
    static let release = "0.4.1"

    static func main() {
        do {
            var command = try parseAsRoot(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            terminate(with: error)
        }
    }

    /// `redress --database URL case show X` means the same as
    /// `redress case show X --database URL`: options given before the
    /// subcommand are moved after it, where the commands declare them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        let global = ["--database", "--read-database", "--data-dir"]
        var hoisted: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            if global.contains(first), rest.count >= 2 {
                hoisted += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if global.contains(where: { first.hasPrefix($0 + "=") }) {
                hoisted.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) + hoisted
    }
}
