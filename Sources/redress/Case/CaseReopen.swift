import ArgumentParser
import RedressCore
import RedressStore

struct CaseReopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a closed case into triage or investigation.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why it is reopened.") var reason: String
    @Option(name: .long, help: "triage (default) or investigation.") var to: CaseState = .triage

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.reopen(reference: reference, to: to, reason: reason, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
