import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CategoryRetire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Retire a rights category: old cases keep it, new intake and corrections are refused it (admin).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The category's code.") var code: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let category = try session.transaction {
            try CategoryStore($0).retire(code: code, actor: session.actor, at: Date())
        }
        print("\(category.code) retired; \(category.cases) \(category.cases == 1 ? "case keeps" : "cases keep") it")
    }
}
