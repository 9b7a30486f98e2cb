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
        var byCase: [(caseID: Int, reference: String, language: String?, moves: [MovedDueDate])] = []
        let decoder = JSONDecoder()
        for row in try connection.query(query) {
            let caseID = try row.decode(Int.self, at: 0)
            let reference = try row.decode(String.self, at: 1)
            let oldDue = try row.decode(LocalDate?.self, at: 2)
            let clockRow = try decoder.decode(ClockRow.self, from: Data(try row.decode(String.self, at: 3).utf8))
            let clock = clockRow.stored.clock
            let result = ClockWriter.results(of: clock, calendar: calendar, asOf: asOf)
            try connection.execute(
                """
                UPDATE clock SET due_date = \(result.due), status = \(result.status.rawValue), paused_days = \(result.pausedDays), updated_at = now()
                WHERE id = \(clockRow.id) AND (due_date IS DISTINCT FROM \(result.due) OR status <> \(result.status.rawValue) OR paused_days <> \(result.pausedDays))
                """)
            guard result.due != oldDue else { continue }
            let move = MovedDueDate(reference: reference, clock: clock.kind, from: oldDue, to: result.due)
            moved.append(move)
            if byCase.last?.caseID == caseID {
                byCase[byCase.count - 1].moves.append(move)
            } else {
                byCase.append((caseID, reference, nil, [move]))
            }
        }
        let log = AuditLog(connection)
        let outbox = Outbox(connection)
        for entry in byCase {
            let changes: [JSONValue] = entry.moves.map {
                ["clock": .string($0.clock.rawValue), "from": .text($0.from?.iso), "to": .text($0.to?.iso)]
            }
            try log.record(
                caseID: entry.caseID, actor: actor.login, at: instant, kind: "due_dates_moved",
                data: ["cause": .string(cause), "clocks": .array(changes)])
            // The first complainant, and the representative if there is one, hear of it.
            var complainant: NoticeContact?
            var representative: NoticeContact?
            var caseLanguage = ""
            for row in try connection.query(
                """
                SELECT p.role, p.email, p.language, p.contact_preference, c.language FROM complaint_case c
                JOIN party p ON p.case_id = c.id AND ((p.role = 'complainant' AND p.position = 1) OR p.role = 'representative')
                WHERE c.id = \(entry.caseID)
                ORDER BY p.role
                """)
            {
                let contact = NoticeContact(
                    email: try row.decode(String?.self, at: 1),
                    prefersPost: try row.decode(String?.self, at: 3) == ContactPreference.post.rawValue,
                    language: try row.decode(String?.self, at: 2))
                if try row.decode(String.self, at: 0) == "representative" {
                    representative = contact
                } else {
                    complainant = contact
                }
                caseLanguage = try row.decode(String.self, at: 4)
            }
            let data: [String: JSONValue] = ["cause": .string(cause), "clocks": .array(changes)]
            for address in NoticeRouting.complainantAddresses(
                complainant: complainant, representative: representative, caseLanguage: caseLanguage)
            {
                try outbox.queue(
                    caseID: entry.caseID, NoticeRequest(kind: "corrected_due_dates", address: address, data: data))
            }
        }
        return moved
    }
}
