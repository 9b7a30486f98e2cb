import Foundation
import RedressCore
import RedressStore

/// Runs one case change in one transaction and prints what it did: a line for people, or the
/// whole case with `--format json`.
func runCaseChange(
    _ options: ChangeOptions, database: DatabaseOptions,
    _ body: (CaseStore, Actor, Date, Int?) throws -> CaseChange
) throws {
    let session = try Session.open(database)
    defer { session.close() }
    let at = try session.instant(options.at)
    let change = try session.transaction { try body(CaseStore($0), session.actor, at, options.expectVersion) }
    if options.format == .json {
        let calendar = try OfficeContext.load(session.connection).calendar
        var record = change.record
        let showIdentity = session.actor.maySeeIdentity(assignee: record.assignee)
        if !showIdentity { record.complainants = record.complainants.map(\.redacted) }
        try printJSON(CaseDocument(record, calendar: calendar, asOf: LocalDate(instant: at, in: calendar.timeZone), showIdentity: showIdentity))
        return
    }
    var parts = ["\(change.record.reference) \(change.record.state.rawValue), version \(change.record.version)"]
    let effects = change.effects
    for (label, kinds) in [("started", effects.started), ("met", effects.met), ("paused", effects.paused), ("resumed", effects.resumed),
                           ("cancelled", effects.cancelled), ("extended", effects.extended)] where !kinds.isEmpty {
        parts.append("\(label) \(kinds.map(\.rawValue).joined(separator: ", "))")
    }
    if !change.notices.isEmpty { parts.append("queued \(change.notices.joined(separator: ", "))") }
    print(parts.joined(separator: "; "))
}

