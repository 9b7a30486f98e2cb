import ArgumentParser
import Foundation
import RedressNotices
import RedressStore

struct NoticesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a notice exactly as it goes out: the email message, or the letter.",
        discussion: """
            An email notice is printed as the RFC 5322 message that 'notices send' pipes to its command \
            (CRLF line endings); a letter as print-ready text. Rendering it again gives the same message, \
            Message-ID and Date included.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The notice id, as 'notices list' prints it.") var id: Int

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let rendered = try session.transaction { connection in
            let notice = try NoticeStore(connection).read(id: id, actor: session.actor, at: Date())
            return try NoticeComposer(connection).render(notice)
        }
        FileHandle.standardOutput.write(Data(rendered.text.utf8))
    }
}
