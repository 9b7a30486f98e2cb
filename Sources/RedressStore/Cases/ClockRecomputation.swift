import Foundation
import Postgres
import RedressCore

/// Recomputes stored due dates after the calendar changed (a holiday added or removed, a new
/// week mask), recording each moved case in its history and queueing corrected notices.
struct ClockRecomputation {
    let connection: PostgresConnection

    /// Recomputes the live clocks that a change on the dates in `touching` can move (all live
    /// clocks when nil) on `calendar`; returns the clocks whose due date moved.
    func recompute(
        calendar: WorkCalendar, touching dates: ClosedRange<LocalDate>?, actor: Actor, at instant: Date, cause: String
    ) throws -> [MovedDueDate] {
        var query: PostgresQuery = """
            SELECT k.case_id, c.reference, k.due_date, \(unsafeSQL: CaseStore.clockJSON)
            FROM clock k JOIN complaint_case c ON c.id = k.case_id
            WHERE k.status IN ('running', 'paused', 'breached')
            """
        if let dates {
            // A clock that started after the change or fell due before it cannot move.
            query.append(
                " AND k.start_date <= \(dates.upperBound) AND (k.due_date IS NULL OR k.due_date >= \(dates.lowerBound))"
            )
        }
        query.append(" ORDER BY c.reference, k.id")
        let asOf = calendar.localDate(of: instant)
        var moved: [MovedDueDate] = []
        // Each case whose clocks changed, and what moved.
        var byCase: [(caseID: Int, moves: [MovedDueDate])] = []
        let decoder = JSONDecoder()
        for row in try connection.query(query) {
            let caseID = try row.decode(Int.self, at: 0)
            let reference = try row.decode(String.self, at: 1)
            let oldDue = try row.decode(LocalDate?.self, at: 2)
            let clockRow = try decoder.decode(ClockRow.self, from: Data(try row.decode(String.self, at: 3).utf8))
            let clock = clockRow.stored.clock
            let result = ClockWriter.results(of: clock, calendar: calendar, asOf: asOf)
            let changed = try connection.execute(
                """
                UPDATE clock SET due_date = \(result.due), status = \(result.status.rawValue), paused_days = \(result.pausedDays), updated_at = now()
                WHERE id = \(clockRow.id) AND (due_date IS DISTINCT FROM \(result.due) OR status <> \(result.status.rawValue) OR paused_days <> \(result.pausedDays))
                """)
            guard changed > 0 else { continue }
            // Every case whose clocks changed is audited; those whose due dates moved hear of it.
            if byCase.last?.caseID != caseID { byCase.append((caseID, [])) }
            guard result.due != oldDue else { continue }
            let move = MovedDueDate(reference: reference, clock: clock.kind, from: oldDue, to: result.due)
            moved.append(move)
            byCase[byCase.count - 1].moves.append(move)
        }
        let log = AuditLog(connection)
        let outbox = Outbox(connection)
        let store = CaseStore(connection)
        var context = try OfficeContext.load(connection)
        context.calendar = calendar
        for entry in byCase {
            guard !entry.moves.isEmpty else {
                // Only a stored status or count of paused days was out of date.
                try log.record(
                    caseID: entry.caseID, actor: actor.login, at: instant, kind: "clocks_recomputed",
                    data: ["cause": .string(cause)])
                continue
            }
            guard var record = try store.load(where: "cc.id = \(entry.caseID)") else { continue }
            let unacknowledged = record.state == .received
            let changes: [[String: JSONValue]] = entry.moves.map {
                ["clock": .string($0.clock.rawValue), "from": .text($0.from?.iso), "to": .text($0.to?.iso)]
            }
            // A complainant not yet acknowledged hears the dates in the acknowledgement. Otherwise
            // a correction still waiting to go out is replaced by one that tells what changed
            // since the last letter that went: none, when the dates are back where they were.
            let replaced = unacknowledged ? [] : try replacePendingCorrections(of: entry.caseID)
            // The next update's date is no news to the complainant: the letter is that update.
            let letter = Self.coalesced(replaced.map(\.clocks) + [changes]).filter {
                $0["clock"] != JSONValue.string(ClockKind.complainantUpdate.rawValue)
            }
            var event: [String: JSONValue] = ["cause": .string(cause), "clocks": .array(changes.map(JSONValue.object))]
            if !replaced.isEmpty { event["replaced_notices"] = .array(replaced.map { .int($0.id) }) }
            try log.record(
                caseID: entry.caseID, actor: actor.login, at: instant, kind: "due_dates_moved", data: event)
            guard !unacknowledged, !letter.isEmpty else { continue }
            // The first complainant, and the representative if there is one, hear of it.
            let data: [String: JSONValue] = ["cause": .string(cause), "clocks": .array(letter.map(JSONValue.object))]
            for notice in store.complainantNotices(record, kind: "corrected_due_dates", data: data) {
                try outbox.queue(caseID: entry.caseID, notice)
            }
            try store.complainantUpdated(&record, at: instant, asOf: asOf, context: context)
        }
        return moved
    }

    /// Cancels the case's corrections that have not gone out; returns their ids and clock
    /// changes, oldest first. The case's audit row of the recomputation records them.
    func replacePendingCorrections(of caseID: Int) throws -> [(id: Int, clocks: [[String: JSONValue]])] {
        try connection.query(
            """
            UPDATE notice SET state = 'cancelled'
            WHERE case_id = \(caseID) AND kind = 'corrected_due_dates' AND state = 'pending'
            RETURNING id, coalesce(data -> 'clocks', '[]')::text
            """
        ).map { row in
            let clocks = try JSONDecoder().decode(
                [[String: JSONValue]].self, from: Data(try row.decode(String.self, at: 1).utf8))
            return (try row.decode(Int.self, at: 0), clocks)
        }.sorted { $0.id < $1.id }
    }

    /// The clock changes of successive letters as one: each clock from where the first letter
    /// found it to where the last one left it, and none that ends where it began.
    static func coalesced(_ letters: [[[String: JSONValue]]]) -> [[String: JSONValue]] {
        var order: [String] = []
        var span: [String: (from: JSONValue, to: JSONValue)] = [:]
        for change in letters.joined() {
            guard let clock = change["clock"]?.stringValue else { continue }
            let from = change["from"] ?? .null
            let to = change["to"] ?? .null
            if let known = span[clock] {
                span[clock] = (known.from, to)
            } else {
                order.append(clock)
                span[clock] = (from, to)
            }
        }
        return order.compactMap { clock in
            guard let change = span[clock], change.from != change.to else { return nil }
            return ["clock": .string(clock), "from": change.from, "to": change.to]
        }
    }
}
