import ArgumentParser
import RedressCore

/// Options of every command that records an event on a case.
struct ChangeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "When it happened: YYYY-MM-DD (that date at 12:00 office time), YYYY-MM-DDTHH:MM (office time) or an instant with Z or an offset (default: now).",
            valueName: "time"))
    var at: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Refuse (exit 5) unless the case is still at this version, as 'case show' printed it.", valueName: "n"))
    var expectVersion: Int?

    @Option(name: .long, help: "Print 'text' (a line) or 'json' (the whole case).")
    var format: OutputFormat = .text
}
