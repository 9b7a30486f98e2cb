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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where commands that only read may read (a standby; default: REDRESS_READ_DATABASE_URL, else the primary).",
            valueName: "url"))
    var readDatabase: String?

    var target: DatabaseTarget { DatabaseTarget.resolve(url: database, dataDirectory: dataDir) }

    /// The database `--read-database` or `REDRESS_READ_DATABASE_URL` names, if any.
    var readTarget: DatabaseTarget? {
        DatabaseTarget.resolveReading(url: readDatabase)
    }

    func connect() throws -> PostgresConnection { try target.connect() }

    /// A connection for a command that only reads: the read database when one is named and
    /// answers, the primary otherwise (with a line on stderr saying why).
    func connectForReading() throws -> PostgresConnection {
        guard let readTarget else { return try connect() }
        do {
            return try readTarget.connect()
        } catch {
            printErr("redress: the read database is unreachable (\(error.description)); reading from the primary")
            return try connect()
        }
    }
}
