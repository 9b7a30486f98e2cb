import ArgumentParser
import RedressCore
import RedressStore

struct CaseLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Link a case to another: its original, a related case, or the same issue.",
        discussion: """
            --as duplicate: REF is a duplicate of OTHER, its original. --as related: the cases concern \
            related matters. --as same-issue: the cases are about one systemic issue, which 'report stats \
            --by issue' counts together. 'case show' lists links both ways.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The other case's reference.") var other: String
    @Option(name: .customLong("as"), help: "duplicate, related or same-issue.") var kind: CaseLinkKind

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.link(reference: reference, to: other, as: kind, actor: $1, at: $2, expectVersion: $3)
        }
    }
}

struct CaseUnlink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink", abstract: "End a case's link to another (the history keeps it).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The other case's reference.") var other: String
    @Option(name: .customLong("as"), help: "Only the link of this kind (default: every link between them).")
    var kind: CaseLinkKind?

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.unlink(reference: reference, from: other, kind: kind, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
