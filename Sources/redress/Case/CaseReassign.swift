import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseReassign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign",
        abstract: "Move a staff member's open cases to another, each assignment audited (supervisor, ombudsperson).")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "The staff login whose open cases move.") var from: String
    @Option(name: .long, help: "The staff login they go to.") var to: String
    @Option(name: .long, help: "Only cases in this state.") var state: CaseState?
    @Option(name: .long, help: "Only cases against this respondent body.") var respondent: String?
    @Option(name: .long, help: "Only cases in this rights category.") var category: String?
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let references = try session.transaction {
            try CaseStore($0).reassign(
                from: from, to: to, state: state, respondent: respondent, category: category, actor: session.actor,
                at: Date())
        }
        if format == .json { return try printJSON(Reassigned(from: from, to: to, cases: references)) }
        printText(reassignedLine(references, from: from, to: to))
    }
}

/// `case reassign --format json`: the two logins and the references moved.
private struct Reassigned: Encodable {
    var from: String
    var to: String
    var cases: [String]
}

/// One line for people: how many cases went from one login to another, and which.
func reassignedLine(_ references: [String], from: String, to: String) -> String {
    let count = "\(references.count) open \(references.count == 1 ? "case" : "cases")"
    return "\(count) reassigned from \(from) to \(to)"
        + (references.isEmpty ? "" : ": " + references.joined(separator: ", "))
}
