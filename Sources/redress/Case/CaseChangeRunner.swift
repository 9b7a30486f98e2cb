import Foundation
import RedressCore
import RedressStore

/// Runs one case change in one transaction and prints what it did: a line for people (unless
/// `quiet`, for commands that print an identifier of their own), or the whole case with
/// `--format json`.
func runCaseChange(
    _ options: ChangeOptions, database: DatabaseOptions, quiet: Bool = false,
    _ body: (CaseStore, Actor, Date, Int?) throws -> CaseChange
) throws {
    let session = try Session.open(database)
    defer { session.close() }
    let at = try session.instant(options.at)
    let (change, document) = try session.transaction { connection in
        let store = CaseStore(connection)
        let change = try body(store, session.actor, at, options.expectVersion)
        let document =
            options.format == .json ? try store.document(of: change.record, actor: session.actor, at: at) : nil
        return (change, document)
    }
    if let document {
        try printJSON(document)
        return
    }
    if quiet { return }
    var parts = ["\(change.record.reference) \(change.record.state.rawValue), version \(change.record.version)"]
    let effects = change.effects
    for (label, kinds) in [
        ("started", effects.started), ("met", effects.met), ("paused", effects.paused), ("resumed", effects.resumed),
        ("cancelled", effects.cancelled), ("extended", effects.extended), ("re-based", effects.rebased),
    ] where !kinds.isEmpty {
        parts.append("\(label) \(kinds.map(\.rawValue).joined(separator: ", "))")
    }
    if !change.notices.isEmpty { parts.append("queued \(change.notices.joined(separator: ", "))") }
    print(parts.joined(separator: "; "))
}
