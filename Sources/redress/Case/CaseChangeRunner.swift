import Foundation
import RedressCore
import RedressStore

/// Runs one case change in one transaction and prints what it did: a line for people (unless
/// `quiet`, for commands that print an identifier of their own), or the whole case with
/// `--format json`; warns when the due dates it started, resumed or extended reach a year with
/// no holidays loaded.
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
    let kinds = Set(change.effects.started + change.effects.resumed + change.effects.extended)
    let computed = change.record.clocks.filter { $0.isLive && kinds.contains($0.clock.kind) }.map(\.clock)
    // Read after the commit, so the change holds no lock meanwhile; a warning never fails the command.
    if !computed.isEmpty, let calendar = try? OfficeContext.load(session.connection).calendar {
        warnOfYearsWithoutHolidays(HolidayCoverage(reachedBy: computed, calendar: calendar).yearsWithoutHolidays)
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
