import Foundation
import Postgres
import RedressCore

/// Writes clocks back: new clocks, changed facts (end, cancellation, pauses, extensions, a
/// re-base) and the results RedressCore computes from them (due date, status, paused days).
struct ClockWriter {
    let connection: PostgresConnection

    /// The stored results of a clock: what `clock.due_date`, `clock.status` and
    /// `clock.paused_days` hold, as of `asOf`.
    static func results(of clock: Clock, calendar: WorkCalendar, asOf: LocalDate) -> (
        due: LocalDate?, status: ClockStatus, pausedDays: Int
    ) {
        let status = clock.status(asOf: max(asOf, clock.endedOn ?? asOf, clock.cancelledOn ?? asOf), calendar: calendar)
        let due: LocalDate?
        if let ended = clock.endedOn {
            due = clock.dueDate(on: calendar, resumingOn: ended)
        } else if clock.cancelled {
            due = clock.isPaused ? nil : clock.dueDate(on: calendar)
        } else {
            due = clock.dueDate(on: calendar)
        }
        return (due, status, clock.pausedDays(on: calendar, asOf: clock.endedOn ?? clock.cancelledOn ?? asOf))
    }

    /// Saves every new or changed clock of `record`, statuses as of `asOf`. Changed clocks are
    /// written first: a clock that ends makes room for its successor (one live clock of a kind
    /// and subject, `clock_one_live_per_kind_and_subject`).
    func save(_ clocks: inout [StoredClock], caseID: Int, calendar: WorkCalendar, asOf: LocalDate) throws {
        for index in clocks.indices where clocks[index].isDirty {
            guard let id = clocks[index].id else { continue }
            let clock = clocks[index].clock
            let result = Self.results(of: clock, calendar: calendar, asOf: asOf)
            try connection.execute(
                """
                UPDATE clock SET ended_on = \(clock.endedOn), cancelled_on = \(clock.cancelled ? clock.cancelledOn ?? asOf : nil),
                    allowance_amount = \(clock.allowance.amount), allowance_unit = \(clock.allowance.unit.rawValue),
                    policy_version = \(clock.policyVersion), urgent = \(clock.urgent),
                    status = \(result.status.rawValue), due_date = \(result.due), paused_days = \(result.pausedDays), updated_at = now()
                WHERE id = \(id)
                """)
        }
        try insertNew(&clocks, caseID: caseID, calendar: calendar, asOf: asOf)
        for index in clocks.indices where clocks[index].isDirty {
            let clock = clocks[index].clock
            let id = clocks[index].id!
            let saved = clocks[index].savedPauses
            for (position, pause) in clock.pauses.enumerated() {
                if position < saved.count {
                    if saved[position].to != pause.to {
                        try connection.execute(
                            """
                            UPDATE clock_pause SET to_date = \(pause.to) WHERE clock_id = \(id) AND position = \(position + 1)
                            """)
                    }
                } else {
                    try connection.execute(
                        """
                        INSERT INTO clock_pause (clock_id, position, from_date, to_date, cause, reason)
                        VALUES (\(id), \(position + 1), \(pause.from), \(pause.to), \(clocks[index].pauseCauses[position]), \(pause.reason))
                        """)
                }
            }
            for (position, grant) in clock.extensions.enumerated() where position >= clocks[index].savedExtensionCount {
                try connection.execute(
                    """
                    INSERT INTO clock_extension (clock_id, grant_number, amount, reason, approver_role, approved_by, on_date, with_consent)
                    VALUES (\(id), \(position + 1), \(grant.amount), \(grant.reason), \(grant.approverRole.rawValue),
                        \(grant.approvedBy), \(grant.onDate), \(grant.withConsent))
                    """)
            }
            clocks[index].savedPauses = clock.pauses
            clocks[index].savedExtensionCount = clock.extensions.count
            clocks[index].isDirty = false
        }
    }

    /// Inserts the clocks that have no row yet, all in one statement (a case opens with two,
    /// while the year's reference counter is locked), and gives each its id.
    private func insertNew(_ clocks: inout [StoredClock], caseID: Int, calendar: WorkCalendar, asOf: LocalDate) throws {
        let new = clocks.indices.filter { clocks[$0].id == nil }
        guard !new.isEmpty else { return }
        var insert: PostgresQuery = """
            INSERT INTO clock (case_id, subject, kind, remedy_scale, start_at, start_date, allowance_amount, allowance_unit,
                policy_version, urgent, ended_on, cancelled_on, status, due_date, paused_days)
            VALUES
            """
        for (position, index) in new.enumerated() {
            let clock = clocks[index].clock
            let result = Self.results(of: clock, calendar: calendar, asOf: asOf)
            insert.append(position == 0 ? " " : ", ")
            insert.append(
                """
                (\(caseID), \(clocks[index].subject), \(clock.kind.rawValue), \(clock.remedyScale?.rawValue), \(clock.startInstant),
                \(clock.startDate), \(clock.allowance.amount), \(clock.allowance.unit.rawValue), \(clock.policyVersion), \(clock.urgent),
                \(clock.endedOn), \(clock.cancelled ? clock.cancelledOn ?? asOf : nil), \(result.status.rawValue),
                \(result.due), \(result.pausedDays))
                """)
        }
        insert.append(" RETURNING id")
        // PostgreSQL returns the rows of an INSERT … VALUES in the order of its VALUES list.
        let ids = try connection.query(insert).map { try $0.decode(Int.self, at: 0) }
        guard ids.count == new.count else {
            throw PostgresError(kind: .client, message: "\(new.count) clocks inserted, \(ids.count) ids returned")
        }
        for (index, id) in zip(new, ids) { clocks[index].id = id }
    }
}

/// The JSON shape in which clock rows are read (see `CaseStore.clockJSON`).
struct ClockRow: Decodable {
    var id: Int
    var subject: Int?
    var kind: ClockKind
    var remedy_scale: RemedyScale?
    var start_epoch: Double
    var start_date: LocalDate
    var amount: Int
    var unit: AllowanceUnit
    var policy_version: Int
    var urgent: Bool
    var ended_on: LocalDate?
    var cancelled_on: LocalDate?
    var pauses: [PauseRow]
    var extensions: [Clock.Extension]

    struct PauseRow: Decodable {
        var from: LocalDate
        var to: LocalDate?
        var cause: String
        var reason: String
    }

    var stored: StoredClock {
        let clock = Clock(
            kind: kind, remedyScale: remedy_scale, startInstant: Date(timeIntervalSince1970: start_epoch),
            startDate: start_date,
            allowance: Allowance(amount, unit), policyVersion: policy_version, urgent: urgent,
            pauses: pauses.map { Clock.Pause(from: $0.from, to: $0.to, reason: $0.reason) }, extensions: extensions,
            endedOn: ended_on, cancelled: cancelled_on != nil, cancelledOn: cancelled_on)
        return StoredClock(id: id, clock: clock, pauseCauses: pauses.map(\.cause), subject: subject)
    }
}
