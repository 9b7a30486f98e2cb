public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// How the due date of each clock of the case (or of its latest clock of `kind`) was worked
    /// out, with the status on `asOf` (default: today at the office; a clock that ended after
    /// it, on its last day) and every re-base of it the audit log records; with the clocks and
    /// the calendar they were explained on.
    public func explain(reference: String, kind: ClockKind?, actor: Actor, at instant: Date, asOf: LocalDate?)
        throws -> (reference: String, explanations: [Explanation], clocks: [Clock], calendar: WorkCalendar)
    {
        let (record, _) = try view(reference: reference, actor: actor, at: instant, purpose: "explain")
        let context = try OfficeContext.load(connection)
        var clocks = record.clocks
        if let kind {
            guard let latest = clocks.last(where: { $0.clock.kind == kind }) else {
                throw StoreError.clockNotFound(reference: record.reference, kind: kind)
            }
            clocks = [latest]
        }
        var rebases: [Int: [ClockRebase]] = [:]
        for row in try connection.query(
            """
            SELECT (data->>'clock_id')::bigint, occurred_at, actor, (data->>'from_version')::int,
                (data->>'to_version')::int, data->>'reason'
            FROM case_event WHERE case_id = \(record.id) AND kind = 'clock_rebased' ORDER BY id
            """)
        {
            let at = try row.decode(Date.self, at: 1)
            rebases[try row.decode(Int.self, at: 0), default: []].append(
                ClockRebase(
                    at: at, on: context.localDate(at), fromVersion: try row.decode(Int.self, at: 3),
                    toVersion: try row.decode(Int.self, at: 4), reason: try row.decode(String.self, at: 5),
                    by: try row.decode(String.self, at: 2)))
        }
        let day = asOf ?? context.clock.today
        let explanations = clocks.map { stored in
            var explanation = stored.clock.explain(on: context.calendar, asOf: max(day, stored.clock.endedOn ?? day))
            explanation.rebases = stored.id.flatMap { rebases[$0] } ?? []
            return explanation
        }
        return (record.reference, explanations, clocks.map(\.clock), context.calendar)
    }
}
