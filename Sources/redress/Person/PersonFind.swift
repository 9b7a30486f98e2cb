import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct PersonFind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "List every case and role in which a person appears, among the cases whose parties you may see.",
        discussion: """
            Emails match whatever their case, phone numbers on their digits, names whatever their \
            case and spacing. Every search is in the audit log (the kind of key, not the key).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var person: PersonKeyOptions
    @Option(name: .long, help: "Print 'table' or 'json'.") var format: OutputFormat = .table

    func run() throws {
        let key = try person.key()
        let session = try Session.open(database)
        defer { session.close() }
        let found = try session.transaction { connection in
            try PersonStore(connection).find(key, actor: session.actor)
        }
        switch format {
        case .json: try printJSON(found)
        case .csv:
            try printCSV(
                header: ["reference", "role", "position", "state", "received_on", "respondent"],
                rows: found.map(Self.row))
        case .text, .table:
            if found.isEmpty {
                print("No case you may see has a person with that \(key.kind.rawValue).")
                return
            }
            printTable(
                header: ["REFERENCE", "ROLE", "POSITION", "STATE", "RECEIVED", "RESPONDENT"], rows: found.map(Self.row))
        }
    }

    static func row(_ appearance: PersonAppearance) -> [String] {
        [
            appearance.reference, appearance.role, appearance.position.map(String.init) ?? "", appearance.state,
            appearance.receivedOn.iso, appearance.respondent,
        ]
    }
}
