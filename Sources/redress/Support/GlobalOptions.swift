import ArgumentParser
import Postgres
import RedressStore

/// Options every command that reaches the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "PostgreSQL URL or conninfo (default: libpq's PG* variables, then the local cluster).", valueName: "url"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Folder of the local cluster (default: $XDG_DATA_HOME/redress/postgres).", valueName: "dir"))
    var dataDir: String?

    var target: DatabaseTarget { DatabaseTarget.resolve(url: database, dataDirectory: dataDir) }

    func connect() throws -> PostgresConnection { try target.connect() }
}
