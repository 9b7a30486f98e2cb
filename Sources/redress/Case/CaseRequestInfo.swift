import ArgumentParser
import RedressCore
import RedressStore

struct CaseRequestInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-info",
        abstract: "Ask the complainant for information: stage clocks pause, info_response starts.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "What is asked for: it goes into the letter, so it is required.") var what: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.requestInformation(reference: reference, requested: what, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
