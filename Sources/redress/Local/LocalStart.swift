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

    func run() throws {
        let cluster = clusterOptions.cluster
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
