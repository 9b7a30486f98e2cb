import ArgumentParser
import RedressCore
import RedressStore

struct CaseInfoReceived: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info-received", abstract: "Record the complainant's answer: the paused clocks resume.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Where the case goes next (default: back to triage or investigation).") var to:
        CaseState?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.informationReceived(reference: reference, to: to, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
