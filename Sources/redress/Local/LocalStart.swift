import ArgumentParser
import Foundation
import Postgres
import RedressStore

struct LocalStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Create if needed, start and migrate the local cluster."
    )

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Make --data-dir (a new folder) a streaming standby of the local cluster in this folder.",
            valueName: "dir"))
    var standbyOf: String?

    @Flag(name: .long, help: "With --standby-of: the primary waits for this standby to confirm each commit.")
    var synchronous = false

    func validate() throws {
        if synchronous, standbyOf == nil { throw ValidationError("--synchronous goes with --standby-of DIR.") }
        if standbyOf != nil, clusterOptions.dataDir == nil {
            throw ValidationError("--standby-of needs --data-dir: the new folder the standby goes in.")
        }
    }

    func run() throws {
        let cluster = clusterOptions.cluster
        if let standbyOf {
            let primary = LocalCluster(dataDirectory: URL(fileURLWithPath: standbyOf))
            for line in try cluster.startStandby(of: primary, synchronous: synchronous) { printErr(line) }
            print(
                "the standby in \(cluster.dataDirectory.path) streams from \(primary.dataDirectory.path), database \(cluster.databaseName)"
            )
            return
        }
        if cluster.isStandby {
            // A standby cannot be migrated: it replays what the primary does.
            for line in try cluster.start() { printErr(line) }
            print("the local standby is running in \(cluster.dataDirectory.path), database \(cluster.databaseName)")
            return
        }
        for line in try cluster.start() { printErr(line) }
        let connection = try PostgresConnection.connect(cluster.configuration)
        defer { connection.close() }
        let applied = try Migrator().migrate(connection)
        if !applied.isEmpty { printErr("applied \(applied.count) migration(s)") }
        print("the local cluster is running in \(cluster.dataDirectory.path), database \(cluster.databaseName)")
    }
}

/// The `--data-dir` of the `local` commands.
struct ClusterOptions: ParsableArguments {
    init() {}
    init(dataDir: String?) { self.dataDir = dataDir }

    @Option(
        name: .long,
        help: ArgumentHelp("Folder of the cluster (default: $XDG_DATA_HOME/redress/postgres).", valueName: "dir"))
    var dataDir: String?

    var cluster: LocalCluster {
        LocalCluster(dataDirectory: dataDir.map { URL(fileURLWithPath: $0) } ?? LocalCluster.defaultDirectory())
    }
}
