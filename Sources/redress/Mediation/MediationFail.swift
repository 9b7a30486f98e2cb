import ArgumentParser
import RedressCore
import RedressStore

struct MediationFail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fail", abstract: "Record that the mediation failed (or was withdrawn).",
        discussion:
            "With --then investigation the case moves on to investigation. With --then arbitration it waits in mediation for both parties' consent ('redress arbitration consent'), the second of which takes it to arbitration."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why it failed.") var reason: String?
    @Option(
        name: .long, help: ArgumentHelp("Where the case goes next: investigation or arbitration.", valueName: "state"))
    var then: CaseState?
    @Flag(name: .long, help: "The mediation was withdrawn rather than failed.") var withdrawn = false

    func run() throws {
        try runCaseChange(options, database: database) {
            try MediationStore($0.connection).fail(
                reference: reference, withdrawn: withdrawn, reason: reason, then: then, actor: $1, at: $2,
                expectVersion: $3)
        }
    }
}
