import ArgumentParser
import Foundation
import RedressStore

struct NoticesCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Withdraw a pending or failed notice so it is never sent (audited on its case).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The notice id.") var id: Int

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let notice = try session.transaction { try NoticeStore($0).cancel(id: id, actor: session.actor, at: Date()) }
        print("notice \(notice.id) cancelled")
    }
}
