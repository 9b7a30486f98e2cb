import ArgumentParser
import RedressCore
import RedressStore

struct MediationSession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record a mediation session: time, place or link, mediator.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("When the session is held (default: --at).", valueName: "time")) var time:
        String?
    @Option(name: .long, help: "Where it is held, or the link to join.") var place: String
    @Option(name: .long, help: ArgumentHelp("The mediator's staff login.", valueName: "login")) var mediator: String

    func run() throws {
        try runCaseChange(options, database: database) { store, actor, at, version in
            let heldAt = try time.map { try eventInstant($0, office: OfficeStore(store.connection)) } ?? at
            return try MediationStore(store.connection).addSession(
                reference: reference, heldAt: heldAt, place: place, mediator: mediator,
                actor: actor, at: at, expectVersion: version)
        }
    }
}
