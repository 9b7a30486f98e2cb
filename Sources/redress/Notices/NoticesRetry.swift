import ArgumentParser
import Foundation
import RedressStore

struct NoticesRetry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Put a failed notice back in the queue, due at once (audited on its case).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The notice id.") var id: Int

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let notice = try session.transaction { try NoticeStore($0).retry(id: id, actor: session.actor, at: Date()) }
        print("notice \(notice.id) pending again")
    }
}
