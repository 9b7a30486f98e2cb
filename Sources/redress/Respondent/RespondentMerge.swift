import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct RespondentMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge one respondent body into another (admin).",
        discussion: """
            Example: redress respondent merge 'Gwangju Transit' INTO 'Gwangju Metropolitan Transit'. \
            The first body's cases (and so its statistics) and remedies move to the second, each case \
            with its audit row; its name and aliases become the second's aliases.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The body to merge.") var name: String
    @Argument(help: "The word INTO.") var into: String
    @Argument(help: "The body it is merged into.") var target: String

    func validate() throws {
        guard into.lowercased() == "into" else {
            throw ValidationError("Write the merge as: respondent merge A INTO B.")
        }
    }

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let merge = try session.transaction {
            try RespondentStore($0).merge(name, into: target, actor: session.actor, at: Date())
        }
        print(
            "merged into \(merge.into.body.name): \(merge.moved.count) \(merge.moved.count == 1 ? "case" : "cases") moved"
        )
        for reference in merge.moved { print(reference) }
    }
}
