import ArgumentParser
import Foundation
import RedressStore

struct LocalStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say whether the local cluster runs, and which database commands will use."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let cluster = ClusterOptions(dataDir: database.dataDir).cluster
        var state = !cluster.isInitialized ? "not created" : cluster.isRunning ? "running" : "stopped"
        if cluster.isInitialized, cluster.isStandby { state += ", a standby" }
        print("local cluster: \(cluster.dataDirectory.path) (\(state))")
        print("commands use: \(database.target.summary)")
    }
}
