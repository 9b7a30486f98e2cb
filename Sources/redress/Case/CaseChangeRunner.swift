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
    let change = try session.transaction { try body(CaseStore($0), session.actor, at, options.expectVersion) }
    if options.format == .json {
        let context = try OfficeContext.load(session.connection)
        let calendar = context.calendar
        let showIdentity = session.actor.maySeeIdentity(assignee: change.record.assignee)
        let asOf = LocalDate(instant: at, in: calendar.timeZone)
        var document = CaseDocument(change.record, calendar: calendar, asOf: asOf, showIdentity: showIdentity)
        document.resolution = try ResolutionSections.load(session.connection, record: change.record, actor: session.actor, context: context, asOf: asOf)
        try printJSON(document)
        return
    }
    if quiet { return }
    var parts = ["\(change.record.reference) \(change.record.state.rawValue), version \(change.record.version)"]
    let effects = change.effects
    for (label, kinds) in [("started", effects.started), ("met", effects.met), ("paused", effects.paused), ("resumed", effects.resumed),
                           ("cancelled", effects.cancelled), ("extended", effects.extended)] where !kinds.isEmpty {
        parts.append("\(label) \(kinds.map(\.rawValue).joined(separator: ", "))")
    }
    if !change.notices.isEmpty { parts.append("queued \(change.notices.joined(separator: ", "))") }
    print(parts.joined(separator: "; "))
}

