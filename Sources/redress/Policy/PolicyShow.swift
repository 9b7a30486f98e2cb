import ArgumentParser
import RedressCore
import RedressStore

struct PolicyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the policy in force (or a version).")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The version in force on this date (default: today).", valueName: "date"))
    var on: String?
    @Option(name: .long, help: "This version number.") var version: Int?
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let set = try PolicyStore(session.connection).policySet()
        let policy = try version.map { try set.requirePolicy(version: $0) } ?? set.inForce(on: try session.date(on))
        if format == .json { return try printJSON(policy) }
        print(
            "policy version \(policy.version), in force from \(policy.effectiveFrom.iso); urgent profile \(policy.urgentPercent)%; at most \(policy.maxInfoRequests) information requests; filing limit \(policy.filingLimit); review within \(policy.reviewWindow) of a decision"
        )
        let kept = RetentionSchedule.Class.allCases.map { "\($0.rawValue) \(policy.retention.years[$0] ?? 0)" }
        print(
            "retention in years after closing: \(kept.joined(separator: ", ")); statutory minimum \(policy.retention.statutoryMinimumYears)"
        )
        printTable(
            header: ["CLOCK", "ALLOWANCE", "EXTENSION", "CAP"],
            rows: policy.rules.map { rule in
                let name = rule.remedyScale.map { "\(rule.kind) (\($0))" } ?? rule.kind.rawValue
                let ext =
                    rule.extensionRule.map { e in
                        "\(e.approver)" + (e.maxPerGrant.map { ", up to \(rule.allowance.unit.phrase($0))" } ?? "")
                            + ", at most \(e.maxGrants)"
                    } ?? "-"
                return [name, rule.allowance.description, ext, rule.capAllowance?.description ?? "-"]
            })
    }
}
