import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct PolicySet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Add a policy version with a changed rule, in force from a date (admin).",
        discussion:
            "Example: redress policy set --clock triage --allowance 12 --effective 2027-01-01. Running clocks keep the version they were made under (see 'policy rebase'). An effective date before today needs --backdate --reason, which the audit log records."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "The clock whose rule changes.") var clock: ClockKind?
    @Option(name: .long, help: "For remedy clocks: personal, service or systemic.") var scale: RemedyScale?
    @Option(name: .long, help: "The new allowance, in the rule's unit.") var allowance: Int?
    @Option(name: .long, help: "The allowance's unit: working_days, calendar_days or months.") var unit: AllowanceUnit?
    @Option(name: .long, help: "The cap (allowance plus extensions) before consent is needed.") var cap: Int?
    @Option(name: .long, help: "The urgent profile's share of each allowance, in percent.") var urgentPercent: Int?
    @Option(name: .long, help: "How many information requests a case may make.") var maxInfoRequests: Int?
    @Option(name: .long, help: "Working days after a decision within which its review may be asked for.")
    var reviewWindow: Int?
    @Option(
        name: .long,
        help: "A retention class whose period changes: out_of_jurisdiction, not_upheld, upheld_or_remedied or other.")
    var retention: RetentionSchedule.Class?
    @Option(name: .long, help: "With --retention: years its personal data is kept after closing.") var years: Int?
    @Option(name: .long, help: "Years after closing within which nothing may be anonymised or erased.")
    var statutoryMinimum: Int?
    @Option(name: .long, help: ArgumentHelp("The first date the version applies to new clocks.", valueName: "date"))
    var effective: String
    @Flag(name: .long, help: "The effective date is in the past, on purpose.") var backdate = false
    @Option(name: .long, help: "Why the version is backdated (with --backdate); the audit log records it.")
    var reason: String?

    func validate() throws {
        if backdate, reason == nil { throw ValidationError("--backdate needs --reason: say why, for the audit log") }
        if !backdate, reason != nil { throw ValidationError("--reason goes with --backdate; leave it out otherwise") }
        if (retention == nil) != (years == nil) {
            throw ValidationError("--retention and --years go together: name the class and its years")
        }
    }

    func run() throws {
        let date = try parseDate(effective)
        let change = PolicyStore.RuleChange(
            kind: clock, remedyScale: scale, allowance: allowance, unit: unit,
            cap: cap.map { .some($0) }, urgentPercent: urgentPercent, maxInfoRequests: maxInfoRequests,
            reviewWindowDays: reviewWindow, retentionClass: retention, retentionYears: years,
            statutoryMinimumYears: statutoryMinimum)
        let session = try Session.open(database)
        defer { session.close() }
        let policy = try session.transaction {
            try PolicyStore($0).setVersion(
                change, effective: date, backdateReason: reason, actor: session.actor, at: .now)
        }
        print("policy version \(policy.version) in force from \(policy.effectiveFrom.iso)")
    }
}
