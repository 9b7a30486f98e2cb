import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// The SQL of the statistics must count working days, due dates and met/late/breached exactly
/// as RedressCore does. These tests draw random offices and clocks from a fixed seed, judge
/// each clock with `Clock` in Swift and with `StatisticsClockQuery` in PostgreSQL, and compare.
/// The selections of the query (`.ended`, `.respondentLiveAtEnd`) must pick the same rows as
/// filtering the full one.
@Suite("Statistics SQL agrees with RedressCore")
struct StatisticsCalendarTests {
    /// SplitMix64, so every run draws the same cases.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static func randomCalendar(_ rng: inout Generator) throws -> WorkCalendar {
        let masks: [UInt8] = [0b0011111, 0b1001111, 0b0111111, 0b0011011, UInt8(rng.int(1...127))]
        let mask = try WeekMask(bits: masks[rng.int(0...masks.count - 1)])
        let density = rng.int(0...25)
        var holidays: [Holiday] = []
        var day = date("2025-06-01")
        while day < date("2029-12-31") {
            if rng.int(0...99) < density {
                holidays.append(Holiday(date: day, name: "Day \(day.iso)", calendar: rng.chance(50) ? "A" : "B"))
            }
            day = day + 1
        }
        return try WorkCalendar(timeZone: "UTC", weekMask: mask, holidays: holidays)
    }

    /// A clock with random history, made through `Clock`'s own mutators so its facts are valid.
    static func randomClock(_ rng: inout Generator, kind: ClockKind) -> Clock {
        let unit = [AllowanceUnit.workingDays, .workingDays, .calendarDays, .months][rng.int(0...3)]
        let amount: Int
        switch unit {
        case .workingDays: amount = rng.int(0...40)
        case .calendarDays: amount = rng.int(0...60)
        case .months: amount = rng.int(1...12)
        }
        let start = date("2026-01-01") + rng.int(0...400)
        var clock = Clock(
            kind: kind, startInstant: Date(timeIntervalSince1970: 0), startDate: start,
            allowance: Allowance(amount, unit), policyVersion: 1)
        var cursor = start
        for _ in 0..<rng.int(0...3) {
            cursor = cursor + rng.int(0...20)
            try! clock.pause(from: cursor, reason: ["awaiting_info", "on_hold", "mediation"][rng.int(0...2)])
            if rng.chance(80) {
                cursor = cursor + rng.int(0...25)
                try! clock.resume(on: cursor)
            } else {
                break
            }
        }
        for _ in 0..<rng.int(0...2) {
            let onDate = start + rng.int(0...60)
            clock.extensions.append(
                Clock.Extension(
                    amount: rng.int(1...10), reason: "more time", approverRole: .supervisor,
                    approvedBy: "lead", onDate: onDate))
        }
        clock.extensions.sort { $0.onDate < $1.onDate }
        if rng.chance(55) {
            try! clock.end(on: max(cursor, start) + rng.int(0...90))
        } else if rng.chance(10) {
            try! clock.cancel(on: max(cursor, start) + rng.int(0...90))
        }
        return clock
    }

    /// Loads the clocks into temporary tables shaped like `clock`, `clock_pause` and `clock_extension`.
    static func load(_ clocks: [Clock], on connection: PostgresConnection) throws {
        try connection.execute(
            unsafeSQL: """
                CREATE TEMP TABLE IF NOT EXISTS t_clock (id bigint, case_id bigint, kind text, allowance_unit text,
                    allowance_amount integer, start_date date, ended_on date, cancelled_on date);
                CREATE TEMP TABLE IF NOT EXISTS t_pause (clock_id bigint, from_date date, to_date date);
                CREATE TEMP TABLE IF NOT EXISTS t_extension (clock_id bigint, amount integer, on_date date);
                TRUNCATE t_clock, t_pause, t_extension;
                """)
        try connection.copyFrom("COPY t_clock FROM STDIN") { writer in
            for (id, clock) in clocks.enumerated() {
                try writer.write([
                    String(id), String(id), clock.kind.rawValue, clock.allowance.unit.rawValue,
                    String(clock.allowance.amount),
                    clock.startDate.iso, clock.endedOn?.iso, clock.cancelledOn?.iso,
                ])
            }
        }
        try connection.copyFrom("COPY t_pause FROM STDIN") { writer in
            for (id, clock) in clocks.enumerated() {
                for pause in clock.pauses { try writer.write([String(id), pause.from.iso, pause.to?.iso]) }
            }
        }
        try connection.copyFrom("COPY t_extension FROM STDIN") { writer in
            for (id, clock) in clocks.enumerated() {
                for grant in clock.extensions {
                    try writer.write([String(id), String(grant.amount), grant.onDate.iso])
                }
            }
        }
    }

    struct Judged: Equatable, CustomStringConvertible {
        var dueDate: String?
        var netWorkingDays: Int?
        var met: Bool?
        var breached: Bool
        var nonCompliance: Bool
        var description: String {
            "due \(dueDate ?? "nil") net \(netWorkingDays.map(String.init) ?? "nil") met \(met.map(String.init) ?? "nil") breached \(breached) nc \(nonCompliance)"
        }
    }

    /// What RedressCore says of `clock` at the end of `period`, or nil when the query should leave it out.
    static func expected(_ clock: Clock, period: StatisticsPeriod, calendar: WorkCalendar, lastTableDay: LocalDate)
        -> Judged?
    {
        let end = period.to
        guard clock.startDate <= end else { return nil }
        if let cancelled = clock.cancelledOn, cancelled <= end { return nil }
        if let ended = clock.endedOn, ended < period.from { return nil }
        let view = clock.snapshot(asOf: end)
        let status = clock.status(asOf: end, calendar: calendar)
        var due: LocalDate?
        if let ended = view.endedOn {
            due = view.dueDate(on: calendar, resumingOn: ended)
        } else {
            due = view.dueDate(on: calendar)
        }
        // The tables stop at `lastTableDay`; the query cannot name a due date after it.
        if let date = due, date > lastTableDay { due = nil }
        var judged = Judged(
            dueDate: due?.iso, netWorkingDays: nil, met: nil, breached: status == .breached, nonCompliance: false)
        if let ended = view.endedOn {
            let paused = view.pauses.reduce(0) { $0 + calendar.busdayCount(from: $1.from, to: $1.to!) }
            judged.netWorkingDays = calendar.busdayCount(from: view.startDate, to: ended) - paused
            judged.met = status == .met
        }
        if status == .breached, let date = view.dueDate(on: calendar) {
            judged.nonCompliance = end >= calendar.busdayOffset(date, Escalation.nonComplianceAfterWorkingDays)
        }
        return judged
    }

    @Test func busdayCountAndOffsetMatch() throws {
        var rng = Generator(state: 20260101)
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { connection in
                for round in 0..<12 {
                    let calendar = try Self.randomCalendar(&rng)
                    let first = Self.date("2025-06-01")
                    let last = Self.date("2029-12-31")
                    let days = StatisticsCalendar(calendar, from: first, through: last)
                    var pairs: [(LocalDate, LocalDate, Int)] = []
                    for _ in 0..<200 {
                        let a = first + rng.int(0...1200)
                        pairs.append((a, a + rng.int(0...200), rng.int(0...60)))
                    }
                    typealias C = StatisticsCalendar
                    let rows = try connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT \(C.ordinal("p.b::date")) - \(C.ordinal("p.a::date")), \(C.rolled("p.a::date"))::text,
                                       \(C.workingDay(C.ordinal("p.a::date") + " + p.n::integer"))::text
                                FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS p(a, b, n, position)
                                ORDER BY p.position
                                """,
                            binds: days.binds + [
                                PostgresBind(PostgresTextArray(pairs.map { $0.0.iso })),
                                PostgresBind(PostgresTextArray(pairs.map { $0.1.iso })),
                                PostgresBind(PostgresTextArray(pairs.map { String($0.2) })),
                            ]))
                    #expect(rows.count == pairs.count)
                    for (index, row) in rows.enumerated() {
                        let (a, b, n) = pairs[index]
                        let offset = calendar.busdayOffset(a, n)
                        #expect(
                            try row.decode(Int.self, at: 0) == calendar.busdayCount(from: a, to: b),
                            "round \(round): busday_count(\(a), \(b))")
                        #expect(
                            try row.decode(String.self, at: 1) == calendar.rollForward(a).iso,
                            "round \(round): roll forward \(a)")
                        #expect(
                            try row.decode(String?.self, at: 2) == (offset <= last ? offset.iso : nil),
                            "round \(round): busday_offset(\(a), \(n))")
                    }
                }
            }
        }
    }

    @Test func clocksAreJudgedAlike() throws {
        var rng = Generator(state: 42)
        var compared = 0
        var ended = 0
        var breached = 0
        var late = 0
        var nonCompliance = 0
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { connection in
                for round in 0..<25 {
                    let calendar = try Self.randomCalendar(&rng)
                    let kinds: [ClockKind] = [.triage, .investigation, .respondentReply, .remedy, .mediation]
                    let clocks = (0..<120).map { _ in Self.randomClock(&rng, kind: kinds[rng.int(0...kinds.count - 1)])
                    }
                    let from = Self.date("2026-01-01") + rng.int(0...200)
                    let period = try StatisticsPeriod(from: from, to: from + rng.int(0...400))
                    // Some rounds stop the tables soon after the period, to check dates past them.
                    let last = rng.chance(30) ? period.to + 40 : Self.date("2029-12-31")
                    let days = StatisticsCalendar(calendar, from: Self.date("2025-12-01"), through: last)
                    try Self.load(clocks, on: connection)
                    var query: PostgresQuery =
                        "SELECT q.id, q.due_date::text, q.net_working_days, q.met, q.breached_at_end, q.non_compliance_at_end FROM ("
                    query.append(
                        StatisticsClockQuery.clocks(
                            in: period, calendar: days, clock: "t_clock", pause: "t_pause", extensions: "t_extension"))
                    query.append(") q ORDER BY q.id")
                    var seen = Set<Int>()
                    for row in try connection.query(query) {
                        let id = try row.decode(Int.self, at: 0)
                        seen.insert(id)
                        let sql = Judged(
                            dueDate: try row.decode(String?.self, at: 1),
                            netWorkingDays: try row.decode(Int?.self, at: 2),
                            met: try row.decode(Bool?.self, at: 3),
                            breached: try row.decode(Bool?.self, at: 4) ?? false,
                            nonCompliance: try row.decode(Bool?.self, at: 5) ?? false)
                        guard
                            let swift = Self.expected(
                                clocks[id], period: period, calendar: calendar, lastTableDay: last)
                        else {
                            Issue.record("round \(round): clock \(id) should be left out: \(clocks[id])")
                            continue
                        }
                        #expect(
                            sql == swift,
                            "round \(round), clock \(id), period \(period): SQL \(sql) vs Swift \(swift); \(clocks[id])"
                        )
                        compared += 1
                        if swift.met != nil { ended += 1 }
                        if swift.met == false { late += 1 }
                        if swift.breached { breached += 1 }
                        if swift.nonCompliance { nonCompliance += 1 }
                    }
                    var ended = Set<Int>()
                    var respondentLive = Set<Int>()
                    for id in seen {
                        let judged = Self.expected(clocks[id], period: period, calendar: calendar, lastTableDay: last)
                        if judged?.met != nil {
                            ended.insert(id)
                        } else if clocks[id].kind.isRespondentClock {
                            respondentLive.insert(id)
                        }
                    }
                    for (selection, wanted) in [
                        (StatisticsClockQuery.Selection.ended, ended), (.respondentLiveAtEnd, respondentLive),
                    ] {
                        var narrowed: PostgresQuery = "SELECT q.id FROM ("
                        narrowed.append(
                            StatisticsClockQuery.clocks(
                                in: period, calendar: days, selection: selection,
                                clock: "t_clock", pause: "t_pause", extensions: "t_extension"))
                        narrowed.append(") q")
                        let ids = Set(try connection.query(narrowed).map { try $0.decode(Int.self, at: 0) })
                        #expect(ids == wanted, "round \(round): selection \(selection)")
                    }
                    for (id, clock) in clocks.enumerated() where !seen.contains(id) {
                        #expect(
                            Self.expected(clock, period: period, calendar: calendar, lastTableDay: last) == nil,
                            "round \(round): clock \(id) is missing from the query")
                    }
                }
            }
        }
        // The draw must reach every verdict, or the comparison proves little.
        #expect(compared > 1000)
        #expect(ended > 200)
        #expect(late > 20)
        #expect(breached > 20)
        #expect(nonCompliance > 5)
    }
}
