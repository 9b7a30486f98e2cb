import ArgumentParser
import RedressCore
import RedressStore

struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff and their roles.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let members = try StaffStore(session.connection).list()
        if format == .json { return try printJSON(members) }
        printTable(
            header: ["LOGIN", "NAME", "EMAIL", "ROLES", "ACTIVE"],
            rows: members.map {
                [
                    $0.login, $0.displayName ?? "", $0.email ?? "", $0.roles.map(\.rawValue).joined(separator: ","),
                    $0.active ? "yes" : "no",
                ]
            })
    }
}
