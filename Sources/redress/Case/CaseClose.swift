import ArgumentParser
import RedressCore
import RedressStore

struct CaseClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a case with an outcome; every running clock stops.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The outcome code.") var outcome: Outcome
    @Option(name: .long, help: "Why (needed for withdrawn and transferred).") var reason: String?
    @Option(name: .long, help: "The original case (needed for duplicate, unless linked already).") var original: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.close(
                reference: reference, outcome: outcome, reason: reason, original: original, actor: $1, at: $2,
                expectVersion: $3)
        }
    }
}
