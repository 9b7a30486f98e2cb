import ArgumentParser
import Foundation
import RedressStore

struct LocalPromote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Promote a local standby to a primary that accepts writes.",
        discussion: """
            Stop the old primary first, or make sure it is dead and stays so: two primaries that \
            both accept writes is the split brain this command cannot prevent.
            """)

    @OptionGroup var clusterOptions: ClusterOptions

    func run() throws {
        let cluster = clusterOptions.cluster
        try cluster.promote()
        print("promoted the standby in \(cluster.dataDirectory.path): it accepts writes now")
    }
}
