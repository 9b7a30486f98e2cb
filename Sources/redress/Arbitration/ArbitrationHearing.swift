import ArgumentParser
import RedressCore
import RedressStore

struct ArbitrationHearing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearing", abstract: "Record a hearing and send the hearing notice.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("When the hearing is held (default: --at).", valueName: "time")) var time:
        String?
    @Option(name: .long, help: "Where it is held, or the link to join.") var place: String

    func run() throws {
        try runCaseChange(options, database: database) { store, actor, at, version in
            let heldAt = try time.map { try eventInstant($0, office: OfficeStore(store.connection)) } ?? at
            return try ArbitrationStore(store.connection).addHearing(
                reference: reference, heldAt: heldAt, place: place, actor: actor, at: at, expectVersion: version)
        }
    }
}
