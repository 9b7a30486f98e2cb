import ArgumentParser
import RedressCore
import RedressStore

struct ReviewRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Record the complainant's request for review of the case's decision.",
        discussion:
            "--at is when the request reached the office. After the window only the ombudsperson accepts it, with --late-reason."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why the decision should be reviewed, as the request says.") var grounds: String
    @Option(name: .long, help: "complainant (default) or representative.") var by: ReviewRequester = .complainant
    @Option(name: .long, help: "Why a request after the window is accepted (ombudsperson only).")
    var lateReason: String?

    func run() throws {
        try runCaseChange(options, database: database) {
            try ReviewStore($0.connection).request(
                reference: reference, grounds: grounds, by: by, lateReason: lateReason, actor: $1, at: $2,
                expectVersion: $3)
        }
    }
}
