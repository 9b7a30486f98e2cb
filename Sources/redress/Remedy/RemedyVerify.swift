import ArgumentParser
import RedressCore
import RedressStore

struct RemedyVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record the office's verdict on a remedy item: verified, partial or not implemented.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The item's number.") var number: Int
    @Option(name: .long, help: "verified (default), partial or not_implemented.") var result: Verdict = .verified
    @Option(name: .long, help: "Why (needed for not_implemented).") var reason: String?

    enum Verdict: String, ExpressibleByArgument, CaseIterable {
        case verified, partial
        case notImplemented = "not_implemented"

        var action: RemedyAction {
            switch self {
            case .verified: return .verify
            case .partial: return .verifyPartial
            case .notImplemented: return .notImplemented
            }
        }
    }

    func run() throws {
        try runCaseChange(options, database: database) {
            try RemedyStore($0.connection).verify(
                reference: reference, number: number, result: result.action, reason: reason,
                actor: $1, at: $2, expectVersion: $3)
        }
    }
}
