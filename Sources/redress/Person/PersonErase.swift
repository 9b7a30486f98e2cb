import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct PersonErase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person's data across cases now, on their request (supervisor, ombudsperson).",
        discussion: """
            A complainant's cases are anonymised whole; a representative is erased from each case, \
            which stays. Refused, with nothing written, when any of their cases is open, on legal \
            hold or closed less than the statutory minimum ago.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var key: PersonKeyOptions
    @Option(name: .long, help: "Why (the request), for the audit log.") var reason: String

    func run() throws {
        let person: RetentionStore.Person =
            if let email = key.email {
                .email(email)
            } else if let phone = key.phone {
                .phone(phone)
            } else {
                .name(key.name ?? "")
            }
        let session = try Session.open(database)
        defer { session.close() }
        let done = try session.transaction {
            try RetentionStore($0).erase(person, reason: reason, actor: session.actor, at: Date())
        }
        for item in done { printText("\(item.reference)  \(item.role)  \(item.action)") }
        printText("erased from \(done.count) \(done.count == 1 ? "case" : "cases")")
    }
}
