public import Foundation
import Glibc
public import Postgres

/// The private PostgreSQL cluster Redress uses when no database is configured:
/// initdb + pg_ctl from the installed server, a Unix socket in the data
/// folder, no TCP. As root, the server runs as the `postgres` system user.
public struct LocalCluster: Sendable {
    public var dataDirectory: URL
    public var databaseName = "redress"

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// `$XDG_DATA_HOME/redress/postgres`, else `~/.local/share/redress/postgres`;
    /// for root, whose home the `postgres` user cannot enter, `/var/lib/redress/postgres`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("redress/postgres")
        }
        if getuid() == 0 { return URL(fileURLWithPath: "/var/lib/redress/postgres") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/redress/postgres")
    }

    /// How to reach the cluster's database: through its socket folder.
    public var configuration: PostgresConfiguration {
        PostgresConfiguration(parameters: [("host", dataDirectory.path), ("dbname", databaseName)])
    }

    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    /// True when the server answers on the socket.
    public var isRunning: Bool {
        (try? run(tool: "pg_ctl", ["-D", dataDirectory.path, "status"], asServerUser: true)) != nil
    }

    /// Creates (once) and starts the cluster, then creates the database.
    /// Returns what it did, for people to read.
    public func start() throws -> [String] {
        var done: [String] = []
        let asRoot = getuid() == 0
        if !isInitialized {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
            if asRoot {
                try run(tool: "/bin/chown", ["postgres:postgres", dataDirectory.path], asServerUser: false)
                guard (try? run(tool: "/usr/bin/test", ["-w", dataDirectory.path], asServerUser: true)) != nil else {
                    throw LocalClusterError.unreachableDirectory(dataDirectory.path)
                }
            }
            // The superuser takes the name of whoever runs this, so peer
            // authentication lets them in by their login.
            try run(
                tool: "initdb",
                [
                    "-D", dataDirectory.path, "-U", Self.currentUser, "--auth-local=peer", "--auth-host=reject",
                    "-E", "UTF8", "--locale=C.UTF-8",
                ], asServerUser: true)
            // Ends with a line break, so that a setting an operator appends starts a line of its own.
            let settings = """

                # Redress: a private cluster, reached through its socket only.
                listen_addresses = ''
                unix_socket_directories = '\(dataDirectory.path)'
                unix_socket_permissions = 0700

                """
            let conf = dataDirectory.appendingPathComponent("postgresql.conf")
            let handle = try FileHandle(forWritingTo: conf)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(settings.utf8))
            try handle.close()
            done.append("created a PostgreSQL cluster in \(dataDirectory.path)")
        }
        if !isRunning {
            try startServer()
            done.append("started PostgreSQL (log: \(dataDirectory.path)/server.log)")
        }
        let admin = try PostgresConnection.connect(
            PostgresConfiguration(parameters: [("host", dataDirectory.path), ("dbname", "postgres")]))
        defer { admin.close() }
        let exists = try admin.query("SELECT 1 FROM pg_database WHERE datname = \(databaseName)").count > 0
        if !exists {
            try admin.execute("CREATE DATABASE \(identifier: databaseName)")
            done.append("created database \(databaseName)")
        }
        return done
    }

    /// Starts the server and waits until it takes connections. When it does not start, the
    /// error ends with the last lines of its log, which say why (pg_ctl only says to look).
    func startServer() throws {
        let log = dataDirectory.appendingPathComponent("server.log")
        do {
            try run(
                tool: "pg_ctl", ["-D", dataDirectory.path, "-l", log.path, "-w", "-t", "60", "start"],
                asServerUser: true)
        } catch LocalClusterError.toolFailed(let tool, let output) {
            let tail = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(5)
            throw LocalClusterError.toolFailed(
                tool: tool, output: ([output] + tail.map { "  \($0)" }).joined(separator: "\n"))
        }
    }

    /// Stops the server if it runs.
    public func stop() throws -> Bool {
        guard isInitialized, isRunning else { return false }
        try run(tool: "pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "stop"], asServerUser: true)
        return true
    }

    static var currentUser: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "postgres" }
        return String(cString: name)
    }

    /// The folder with initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, else PATH.
    static func serverBinDirectory() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(folder)/initdb") {
            return String(folder)
        }
        return nil
    }

    /// Runs a server program, as the `postgres` user when we are root.
    @discardableResult
    func run(tool: String, _ arguments: [String], asServerUser: Bool) throws -> String {
        var executable = tool
        if !tool.hasPrefix("/") {
            guard let bin = Self.serverBinDirectory() else { throw LocalClusterError.serverNotInstalled }
            executable = "\(bin)/\(tool)"
        }
        var argv = [executable] + arguments
        if asServerUser, getuid() == 0 {
            argv = ["/sbin/runuser", "-u", "postgres", "--"] + argv
        }
        // Output goes to a file, not a pipe: the server that pg_ctl starts
        // would hold a pipe open. posix_spawn and waitpid rather than
        // Foundation's Process, which can wait forever for a child whose
        // grandchild (the postmaster) lives on.
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("redress-\(UUID().uuidString).log").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw LocalClusterError.toolFailed(tool: tool, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedCleanly = status & 0x7f == 0 && (status >> 8) & 0xff == 0
        guard exitedCleanly else {
            throw LocalClusterError.toolFailed(tool: tool, output: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return text
    }
}

public enum LocalClusterError: Error, Sendable, CustomStringConvertible {
    case serverNotInstalled
    case unreachableDirectory(String)
    case toolFailed(tool: String, output: String)
    case standby(String)

    public var description: String {
        switch self {
        case .serverNotInstalled:
            return
                "the PostgreSQL server programs (initdb, pg_ctl) are not installed: run 'apt-get install -y postgresql' (Debian) and try again"
        case let .unreachableDirectory(path):
            return "the postgres system user cannot write to \(path): choose another folder with --data-dir"
        case let .standby(sentence):
            return sentence
        case let .toolFailed(tool, output):
            let lastLine = output.split(separator: "\n").last.map(String.init) ?? output
            return "\(tool) failed: \(lastLine)"
        }
    }
}
