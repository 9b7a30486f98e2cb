import ArgumentParser
import RedressCore
import RedressStore

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute the audit log's hash chain; exit 1 naming the first bad row.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.verifyAudit)
        let result = try AuditLog(session.connection).verify()
        if let bad = result.firstBad {
            throw CLIFailure(status: .failure, description: "the audit log is broken at row \(bad.id): \(bad.reason)")
        }
        print("audit log intact: \(result.checked) \(result.checked == 1 ? "row" : "rows") verified")
    }
}
