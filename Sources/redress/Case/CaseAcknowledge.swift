import ArgumentParser
import RedressCore
import RedressStore

struct CaseAcknowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge", abstract: "Acknowledge a complaint: received → triage.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.acknowledge(reference: reference, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
