import ArgumentParser
import RedressCore
import RedressStore

struct CasePause: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Pause the case's running stage clocks (or one clock).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why the clocks stop.") var reason: String
    @Option(name: .long, help: "Pause only this clock.") var clock: ClockKind?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.pause(reference: reference, kind: clock, reason: reason, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
