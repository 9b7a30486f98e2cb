import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CategoryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a rights category (admin).",
        discussion: "Example: redress category add public_safety 'Public safety' --kind basic_service")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Its code: lower-case letters, digits and underscores.") var code: String
    @Argument(help: "Its name.") var name: String
    @Option(name: .long, help: "gwangju_principle, basic_service or other.") var kind = "other"

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let category = try session.transaction {
            try CategoryStore($0).add(code: code, name: name, kind: kind, actor: session.actor, at: Date())
        }
        print("added \(category.code)")
    }
}
