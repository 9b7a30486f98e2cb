import ArgumentParser
import Foundation
import RedressStore

struct LocalStop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the local cluster.")

    @OptionGroup var clusterOptions: ClusterOptions

    func run() throws {
        let cluster = clusterOptions.cluster
        print(
            try cluster.stop()
                ? "stopped the local cluster in \(cluster.dataDirectory.path)"
                : "the local cluster in \(cluster.dataDirectory.path) was not running")
    }
}
