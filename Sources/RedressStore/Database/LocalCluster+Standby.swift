public import Foundation
import Glibc
import Postgres

/// A streaming standby of a local cluster, for trying replication on one machine: made with
/// `pg_basebackup` through the primary's socket, fed through a replication slot, on a socket
/// folder of its own (its data folder).
extension LocalCluster {
    /// The database role the standby streams as: the server's own login, which peer
    /// authentication on the primary's socket lets in (`postgres` when we are root, since the
    /// server then runs as that system user).
    static var replicationUser: String { getuid() == 0 ? "postgres" : currentUser }

    /// The replication slot (and `cluster_name`, which the standby reports as its
    /// `application_name`) of a standby in `folder`: `redress_` and the folder's name, in the
    /// letters a slot name may hold.
    public static func standbyName(for folder: URL) -> String {
        let name = folder.standardizedFileURL.lastPathComponent.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "_"
        }
        return String(("redress_" + String(name)).prefix(63))
    }

    /// Whether the cluster is a standby (it has `standby.signal`).
    public var isStandby: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("standby.signal").path)
    }

    /// Makes this (new, empty) cluster a streaming standby of `primary` and starts it. With
    /// `synchronous`, the primary waits for this standby to confirm each commit
    /// (`synchronous_standby_names`, `synchronous_commit = on`). Returns what it did.
    public func startStandby(of primary: LocalCluster, synchronous: Bool) throws -> [String] {
        var done: [String] = []
        let path = dataDirectory.standardizedFileURL.path
        guard path != primary.dataDirectory.standardizedFileURL.path else {
            throw LocalClusterError.standby("a cluster cannot be a standby of itself: give --data-dir a new folder")
        }
        if isInitialized {
            guard isStandby else {
                throw LocalClusterError.standby(
                    "\(path) holds a cluster that is not a standby: give --data-dir a new folder")
            }
            if !isRunning { try startServer() }
            done.append("the standby in \(path) is running")
            return done
        }
        guard primary.isInitialized, primary.isRunning else {
            throw LocalClusterError.standby(
                "the primary in \(primary.dataDirectory.path) is not running: start it with 'redress local start --data-dir \(primary.dataDirectory.path)'"
            )
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard existing.isEmpty else {
            throw LocalClusterError.standby("\(path) is not empty: give --data-dir a new folder for the standby")
        }
        let name = Self.standbyName(for: dataDirectory)
        let admin = try PostgresConnection.connect(
            PostgresConfiguration(parameters: [("host", primary.dataDirectory.path), ("dbname", "postgres")]))
        defer { admin.close() }
        let user = Self.replicationUser
        if try admin.query("SELECT 1 FROM pg_roles WHERE rolname = \(user)").count == 0 {
            try admin.execute("CREATE ROLE \(identifier: user) LOGIN REPLICATION")
        }
        let slotExists = try admin.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = \(name)").count > 0
        if slotExists {
            // A slot left by an earlier standby in this folder, now gone: start afresh.
            try admin.execute("SELECT pg_drop_replication_slot(\(name))")
        }

        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        if getuid() == 0 {
            try run(tool: "/bin/chown", ["postgres:postgres", path], asServerUser: false)
        }
        chmod(path, 0o700)
        try run(
            tool: "pg_basebackup",
            [
                "-D", path, "-h", primary.dataDirectory.path, "-U", user, "-X", "stream", "-C", "-S", name, "-R",
                "--checkpoint=fast", "--no-password",
            ], asServerUser: true)
        done.append("copied the primary \(primary.dataDirectory.path) into \(path) (replication slot \(name))")
        // The copy carries the primary's settings: its own socket folder and name come last, so they win.
        let settings = """

            # Redress: a standby of \(primary.dataDirectory.path), reached through its own socket.
            unix_socket_directories = '\(path)'
            cluster_name = '\(name)'
            hot_standby = on
            hot_standby_feedback = on

            """
        let conf = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: conf)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
        // The primary's socket folder is its data folder: the copy carries its socket lock
        // files (and its log), which would stop the standby from starting.
        let copied = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in copied where name.hasPrefix(".s.PGSQL.") || name == "server.log" || name == "postmaster.pid" {
            try? FileManager.default.removeItem(at: dataDirectory.appendingPathComponent(name))
        }
        try startServer()
        done.append("started the standby (log: \(path)/server.log)")
        if synchronous {
            // The name holds only letters, digits and underscores (`standbyName`).
            try admin.execute("ALTER SYSTEM SET synchronous_standby_names = '\(unsafeSQL: name)'")
            try admin.execute("ALTER SYSTEM SET synchronous_commit = 'on'")
            try admin.execute("SELECT pg_reload_conf()")
            done.append("the primary now waits for this standby to confirm every commit (synchronous_standby_names)")
        }
        return done
    }

    /// Promotes a standby to a primary that accepts writes, waiting until it does.
    public func promote() throws {
        guard isInitialized else {
            throw LocalClusterError.standby("there is no cluster in \(dataDirectory.path)")
        }
        guard isStandby else {
            throw LocalClusterError.standby("the cluster in \(dataDirectory.path) is not a standby: nothing to promote")
        }
        guard isRunning else {
            throw LocalClusterError.standby(
                "the standby in \(dataDirectory.path) is not running: start it with 'redress local start --data-dir \(dataDirectory.path)'"
            )
        }
        try run(tool: "pg_ctl", ["-D", dataDirectory.path, "-w", "-t", "60", "promote"], asServerUser: true)
    }
}
