import Foundation
import Postgres
import RedressCore

/// How the sweep and the deadline report read clocks in bulk: the stored facts RedressCore
/// judges a clock by (start, allowance, pauses, extensions, end), in flat columns that decode
/// without JSON, because both read hundreds of thousands of clocks a night.
enum SweepClockColumns {
    /// The select list over `clock k`, in the order `clock(from:at:)` reads it from `offset`:
    /// kind, remedy scale, start instant and date, allowance, policy version, urgent, ended,
    /// cancelled, pauses (`from to|-` pairs), extensions (`amount on_date` pairs).
    static let select = """
        k.kind, k.remedy_scale, k.start_at, k.start_date, k.allowance_amount, k.allowance_unit, k.policy_version,
        k.urgent, k.ended_on, k.cancelled_on,
        (SELECT string_agg(p.from_date::text || ' ' || coalesce(p.to_date::text, '-'), ',' ORDER BY p.position)
            FROM clock_pause p WHERE p.clock_id = k.id),
        (SELECT string_agg(x.amount::text || ' ' || x.on_date::text, ',' ORDER BY x.grant_number)
            FROM clock_extension x WHERE x.clock_id = k.id)
        """

    /// How many columns `select` has.
    static let count = 12

    /// The clocks live at the end of `date`: started by then, and not ended or cancelled by
    /// then (the `clock_live_until` index).
    static func live(on date: LocalDate) -> PostgresQuery {
        "coalesce(k.ended_on, k.cancelled_on, 'infinity'::date) > \(date) AND k.start_date <= \(date)"
    }

    /// The clock whose `select` columns start at `offset` of `row`.
    static func clock(from row: PostgresRow, at offset: Int) throws -> Clock {
        let kindText = try row.decode(String.self, at: offset)
        guard let kind = ClockKind(rawValue: kindText) else { throw SweepError.unreadableClock("kind \(kindText)") }
        let unitText = try row.decode(String.self, at: offset + 5)
        guard let unit = AllowanceUnit(rawValue: unitText) else { throw SweepError.unreadableClock("unit \(unitText)") }
        let cancelledOn = try row.decode(LocalDate?.self, at: offset + 9)
        return Clock(
            kind: kind,
            remedyScale: try row.decode(String?.self, at: offset + 1).flatMap(RemedyScale.init(rawValue:)),
            startInstant: try row.decode(Date.self, at: offset + 2),
            startDate: try row.decode(LocalDate.self, at: offset + 3),
            allowance: Allowance(try row.decode(Int.self, at: offset + 4), unit),
            policyVersion: try row.decode(Int.self, at: offset + 6),
            urgent: try row.decode(Bool.self, at: offset + 7),
            pauses: try pauses(try row.decode(String?.self, at: offset + 10)),
            extensions: try extensions(try row.decode(String?.self, at: offset + 11)),
            endedOn: try row.decode(LocalDate?.self, at: offset + 8),
            cancelled: cancelledOn != nil,
            cancelledOn: cancelledOn)
    }

    /// `2026-01-05 2026-01-09,2026-02-02 -`: pauses with their ends, `-` for an open one.
    static func pauses(_ text: String?) throws -> [Clock.Pause] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { pair in
            let parts = pair.split(separator: " ")
            guard parts.count == 2, let from = LocalDate(iso: String(parts[0])) else {
                throw SweepError.unreadableClock("pause \(pair)")
            }
            if parts[1] == "-" { return Clock.Pause(from: from, reason: "") }
            guard let to = LocalDate(iso: String(parts[1])) else { throw SweepError.unreadableClock("pause \(pair)") }
            return Clock.Pause(from: from, to: to, reason: "")
        }
    }

    /// `5 2026-01-12,30 2026-03-02`: extension amounts and approval dates, all a due date needs.
    static func extensions(_ text: String?) throws -> [Clock.Extension] {
        guard let text, !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { pair in
            let parts = pair.split(separator: " ")
            guard parts.count == 2, let amount = Int(parts[0]), let on = LocalDate(iso: String(parts[1])) else {
                throw SweepError.unreadableClock("extension \(pair)")
            }
            return Clock.Extension(amount: amount, reason: "", approverRole: .caseworker, approvedBy: "", onDate: on)
        }
    }
}
