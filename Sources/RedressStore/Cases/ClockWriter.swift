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

    /// Saves every new or changed clock of one case, statuses as of `asOf`.
    func save(_ clocks: inout [StoredClock], caseID: Int, calendar: WorkCalendar, asOf: LocalDate) throws {
        var cases = [(caseID: caseID, clocks: clocks)]
        try save(&cases, calendar: calendar, asOf: asOf)
        clocks = cases[0].clocks
    }

    /// Saves every new or changed clock of each case of `cases`, statuses as of `asOf`, in at
    /// most six statements however many cases there are. Changed clocks are written first: a
    /// clock that ends makes room for its successor (one live clock of a kind and subject,
    /// `clock_one_live_per_kind_and_subject`).
    func save(_ cases: inout [(caseID: Int, clocks: [StoredClock])], calendar: WorkCalendar, asOf: LocalDate) throws {
        var changed = ClockColumns()
        var new = ClockColumns()
        var newCount = 0
        for c in cases.indices {
            for index in cases[c].clocks.indices where cases[c].clocks[index].id == nil { newCount += 1 }
        }
        var newIDs = [Int]().makeIterator()
        if newCount > 0 {
            newIDs = try connection.query("SELECT nextval('clock_id_seq') FROM generate_series(1, \(newCount))").map {
                try $0.decode(Int.self, at: 0)
            }.makeIterator()
        }
        var pauseEnds = (clock: [String?](), position: [String?](), to: [String?]())
        var pauses = PauseColumns()
        var extensions = ExtensionColumns()
        for c in cases.indices {
            let caseID = cases[c].caseID
            for index in cases[c].clocks.indices {
                let stored = cases[c].clocks[index]
                guard stored.isDirty || stored.id == nil else { continue }
                let result = Self.results(of: stored.clock, calendar: calendar, asOf: asOf)
                if let id = stored.id {
                    changed.append(id: id, caseID: caseID, stored, result, asOf: asOf)
                } else {
                    let id = newIDs.next()!
                    cases[c].clocks[index].id = id
                    new.append(id: id, caseID: caseID, stored, result, asOf: asOf)
                }
                let id = cases[c].clocks[index].id!
                let saved = stored.savedPauses
                for (position, pause) in stored.clock.pauses.enumerated() {
                    if position < saved.count {
                        if saved[position].to != pause.to {
                            pauseEnds.clock.append(String(id))
                            pauseEnds.position.append(String(position + 1))
                            pauseEnds.to.append(pause.to?.iso)
                        }
                    } else {
                        pauses.append(
                            clock: id, position: position + 1, pause, cause: stored.pauseCauses[position])
                    }
                }
                for (position, grant) in stored.clock.extensions.enumerated()
                where position >= stored.savedExtensionCount {
                    extensions.append(clock: id, number: position + 1, grant)
                }
                cases[c].clocks[index].savedPauses = stored.clock.pauses
                cases[c].clocks[index].savedExtensionCount = stored.clock.extensions.count
                cases[c].clocks[index].isDirty = false
            }
        }
        if !changed.id.isEmpty {
            try connection.execute(
                """
                UPDATE clock k SET ended_on = u.ended_on, cancelled_on = u.cancelled_on,
                    allowance_amount = u.amount, allowance_unit = u.unit, policy_version = u.version, urgent = u.urgent,
                    status = u.status, due_date = u.due, paused_days = u.paused, updated_at = now()
                FROM \(changed.unnest) AS u(\(unsafeSQL: ClockColumns.names))
                WHERE k.id = u.id
                """)
        }
        if !new.id.isEmpty {
            try connection.execute(
                """
                INSERT INTO clock (id, case_id, subject, kind, remedy_scale, start_at, start_date, allowance_amount,
                    allowance_unit, policy_version, urgent, ended_on, cancelled_on, status, due_date, paused_days)
                SELECT id, case_id, subject, kind, scale, start_at, start_date, amount, unit, version, urgent, ended_on,
                    cancelled_on, status, due, paused
                FROM \(new.unnest) AS u(\(unsafeSQL: ClockColumns.names))
                ORDER BY id
                """)
        }
        if !pauseEnds.clock.isEmpty {
            try connection.execute(
                """
                UPDATE clock_pause p SET to_date = u.to_date
                FROM unnest(\(PostgresTextArray(pauseEnds.clock))::bigint[], \(PostgresTextArray(pauseEnds.position))::int[],
                    \(PostgresTextArray(pauseEnds.to))::date[]) AS u(clock_id, position, to_date)
                WHERE p.clock_id = u.clock_id AND p.position = u.position
                """)
        }
        if !pauses.clock.isEmpty {
            try connection.execute(
                """
                INSERT INTO clock_pause (clock_id, position, from_date, to_date, cause, reason)
                SELECT * FROM unnest(\(PostgresTextArray(pauses.clock))::bigint[], \(PostgresTextArray(pauses.position))::int[],
                    \(PostgresTextArray(pauses.from))::date[], \(PostgresTextArray(pauses.to))::date[],
                    \(PostgresTextArray(pauses.cause))::text[], \(PostgresTextArray(pauses.reason))::text[])
                """)
        }
        if !extensions.clock.isEmpty {
            try connection.execute(
                """
                INSERT INTO clock_extension (clock_id, grant_number, amount, reason, approver_role, approved_by, on_date, with_consent)
                SELECT * FROM unnest(\(PostgresTextArray(extensions.clock))::bigint[], \(PostgresTextArray(extensions.number))::int[],
                    \(PostgresTextArray(extensions.amount))::int[], \(PostgresTextArray(extensions.reason))::text[],
                    \(PostgresTextArray(extensions.role))::text[], \(PostgresTextArray(extensions.by))::text[],
                    \(PostgresTextArray(extensions.on))::date[], \(PostgresTextArray(extensions.consent))::boolean[])
                """)
        }
    }
}

/// Clock rows column by column, as text arrays a statement unnests.
private struct ClockColumns {
    static let names =
        "id, case_id, subject, kind, scale, start_at, start_date, amount, unit, version, urgent, ended_on, cancelled_on, status, due, paused"
    var id: [String?] = []
    var caseID: [String?] = []
    var subject: [String?] = []
    var kind: [String?] = []
    var scale: [String?] = []
    var startAt: [String?] = []
    var startDate: [String?] = []
    var amount: [String?] = []
    var unit: [String?] = []
    var version: [String?] = []
    var urgent: [String?] = []
    var endedOn: [String?] = []
    var cancelledOn: [String?] = []
    var status: [String?] = []
    var due: [String?] = []
    var paused: [String?] = []

    mutating func append(
        id: Int, caseID: Int, _ stored: StoredClock, _ result: (due: LocalDate?, status: ClockStatus, pausedDays: Int),
        asOf: LocalDate
    ) {
        let clock = stored.clock
        self.id.append(String(id))
        self.caseID.append(String(caseID))
        subject.append(stored.subject.map(String.init))
        kind.append(clock.kind.rawValue)
        scale.append(clock.remedyScale?.rawValue)
        startAt.append(clock.startInstant.postgresText)
        startDate.append(clock.startDate.iso)
        amount.append(String(clock.allowance.amount))
        unit.append(clock.allowance.unit.rawValue)
        version.append(String(clock.policyVersion))
        urgent.append(clock.urgent ? "t" : "f")
        endedOn.append(clock.endedOn?.iso)
        cancelledOn.append(clock.cancelled ? (clock.cancelledOn ?? asOf).iso : nil)
        status.append(result.status.rawValue)
        due.append(result.due?.iso)
        paused.append(String(result.pausedDays))
    }

    var unnest: PostgresQuery {
        """
        unnest(\(PostgresTextArray(id))::bigint[], \(PostgresTextArray(caseID))::bigint[], \(PostgresTextArray(subject))::bigint[],
            \(PostgresTextArray(kind))::text[], \(PostgresTextArray(scale))::text[], \(PostgresTextArray(startAt))::timestamptz[],
            \(PostgresTextArray(startDate))::date[], \(PostgresTextArray(amount))::int[], \(PostgresTextArray(unit))::text[],
            \(PostgresTextArray(version))::int[], \(PostgresTextArray(urgent))::boolean[], \(PostgresTextArray(endedOn))::date[],
            \(PostgresTextArray(cancelledOn))::date[], \(PostgresTextArray(status))::text[], \(PostgresTextArray(due))::date[],
            \(PostgresTextArray(paused))::int[])
        """
    }
}

/// New pause rows column by column.
private struct PauseColumns {
    var clock: [String?] = []
    var position: [String?] = []
    var from: [String?] = []
    var to: [String?] = []
    var cause: [String?] = []
    var reason: [String?] = []

    mutating func append(clock id: Int, position number: Int, _ pause: Clock.Pause, cause why: String) {
        clock.append(String(id))
        position.append(String(number))
        from.append(pause.from.iso)
        to.append(pause.to?.iso)
        cause.append(why)
        reason.append(pause.reason)
    }
}

/// New extension rows column by column.
private struct ExtensionColumns {
    var clock: [String?] = []
    var number: [String?] = []
    var amount: [String?] = []
    var reason: [String?] = []
    var role: [String?] = []
    var by: [String?] = []
    var on: [String?] = []
    var consent: [String?] = []

    mutating func append(clock id: Int, number grant: Int, _ extension: Clock.Extension) {
        clock.append(String(id))
        number.append(String(grant))
        amount.append(String(`extension`.amount))
        reason.append(`extension`.reason)
        role.append(`extension`.approverRole.rawValue)
        by.append(`extension`.approvedBy)
        on.append(`extension`.onDate.iso)
        consent.append(`extension`.withConsent ? "t" : "f")
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
