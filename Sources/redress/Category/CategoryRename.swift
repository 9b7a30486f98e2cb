import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CategoryRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Give a rights category another name; its code stays (admin).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The category's code.") var code: String
    @Argument(help: "Its new name.") var name: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let category = try session.transaction {
            try CategoryStore($0).rename(code: code, to: name, actor: session.actor, at: Date())
        }
        print("\(category.code) is now called \(category.name)")
    }
}
