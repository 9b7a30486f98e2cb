import ArgumentParser
import RedressCore
import RedressStore

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log's hash chain; list every row that does not fit it and exit 1 if any.",
        discussion: """
            Each row's hash is recomputed from its content and its link checked against the \
            stored hash of the row before, so an altered row is listed once and the rows after it \
            are still checked. One line per row that does not fit, the first \
            \(AuditChainCheck.defaultLimit) listed and the rest counted; when all fit, the last \
            line names the head: the last row and its hash. \
            --expect-head takes a head hash kept outside the database (from 'redress report \
            deadlines' or an earlier verify) and passes only if the chain recomputed from the \
            first row's content reaches it at some row: a log rewritten before that row is found \
            even when every stored hash was recomputed to match.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(
        name: .long,
        help: ArgumentHelp("A head hash kept outside the database: 64 hexadecimal digits.", valueName: "hash"))
    var expectHead: String?

    func validate() throws {
        if let expectHead, AuditChainHead.hash(parsing: expectHead) == nil {
            throw ValidationError(
                "--expect-head \"\(expectHead)\" is not a head hash; give the 64 hexadecimal digits printed after 'sha256' by 'redress report deadlines' or 'redress audit verify'."
            )
        }
    }

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.verifyAudit)
        let result = try AuditLog(session.connection).verify(expectHead: expectHead)
        for finding in result.findings { print(finding) }
        if result.unlisted > 0 {
            print("… and \(result.unlisted) more \(result.unlisted == 1 ? "row" : "rows") that do not fit the chain")
        }
        if result.findingCount == 0 {
            let rows = "\(result.checked) \(result.checked == 1 ? "row" : "rows")"
            let head = result.head.map { "; head row \($0.row) sha256 \($0.hash)" } ?? ""
            print("audit log intact: \(rows) verified\(head)")
        }
        switch result.keptHead {
        case let .reached(row)?:
            print("kept head reached at row \(row): the log up to row \(row) is as it was when that head was kept")
        case let .notReached(hash)?:
            print(
                "kept head \(hash) not reached: no row's hash, recomputed from the first row's content on, is that hash"
            )
        case nil:
            break
        }
        if result.isIntact { return }
        throw CLIFailure(status: .failure, description: Self.summary(of: result))
    }

    /// The sentence on stderr for a log that does not verify.
    static func summary(of result: AuditVerification) -> String {
        var parts: [String] = []
        if let first = result.findings.first {
            let count = result.findingCount
            parts.append(
                "the audit log is broken at row \(first.row)"
                    + (count > 1 ? " and \(count - 1) more \(count == 2 ? "place" : "places")" : "")
                    + ", each listed on standard output")
        }
        if case .notReached = result.keptHead {
            parts.append(
                result.findingCount == 0
                    ? "the audit log was rewritten before the point whose head hash you kept: no row's recomputed hash is that hash, though the stored hashes agree with one another"
                    : "no row's recomputed hash is the head hash you kept, so the log was also changed before the point where it was kept"
            )
        }
        return parts.joined(separator: "; ")
    }
}
