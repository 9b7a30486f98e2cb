import ArgumentParser
import RedressCore
import RedressStore

struct CaseResume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Resume the clocks paused by hand.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Resume only this clock.") var clock: ClockKind?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.resume(reference: reference, kind: clock, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
