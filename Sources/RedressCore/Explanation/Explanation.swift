public import Foundation

/// How a clock's due date was worked out, step by step, for `redress case explain`.
///
/// It names the start event and instant, the local start date in the office time zone, the
/// rule and policy version, the calendar, every weekend day and named holiday skipped in the
/// counted span, every pause (with what it added) and extension, and the resulting due date.
///
/// A triage clock for a complaint that reached a Gwangju office at 01:00 on a Saturday,
/// paused while awaiting information and extended by a supervisor:
///
/// ```swift
/// var clock = Policy.default.makeClock(kind: .triage, startInstant: receivedAt, calendar: gwangju)
/// try clock.pause(from: LocalDate(iso: "2026-03-09")!, reason: "awaiting_info")
/// try clock.resume(on: LocalDate(iso: "2026-03-11")!)
/// try Policy.default.grantExtension(to: &clock, amount: 5, reason: "the respondent's records arrived late",
///                                   by: [.supervisor], login: "mlee", on: LocalDate(iso: "2026-03-16")!,
///                                   consent: false, calendar: gwangju)
/// print(clock.explain(on: gwangju, asOf: LocalDate(iso: "2026-03-20")!).render())
/// ```
///
/// prints
///
/// ```text
/// Clock:      triage: 10 working days, policy version 1
/// Started:    complaint received at 2026-02-27T16:00:00Z
/// Local date: 2026-02-28 (Saturday, 01:00) in Asia/Seoul
/// Calendar:   working days Mon-Fri; holidays from Gwangju and KR national
/// Counting:   working days from 2026-03-03 (the first working day after 2026-02-28)
/// Skipped:    2026-02-28 Saturday  weekend
///             2026-03-01 Sunday    weekend; Independence Movement Day (KR national)
///             2026-03-02 Monday    Substitute holiday for Independence Movement Day (KR national)
///             2026-03-07 Saturday  weekend
///             2026-03-08 Sunday    weekend
///             2026-03-14 Saturday  weekend
///             2026-03-15 Sunday    weekend
///             2026-03-21 Saturday  weekend
///             2026-03-22 Sunday    weekend
/// Pauses:     2026-03-09, resumed 2026-03-11 (awaiting_info): +2 working days
/// Extensions: 2026-03-16 +5 working days approved by mlee (supervisor): the respondent's records arrived late
/// Due:        busday_offset(2026-02-28, 10 + 5 + 2 = 17, roll='forward') = 2026-03-26 (Thursday)
/// Status:     running on 2026-03-20
/// ```
///
/// The start rolls from Saturday 28 February past Independence Movement Day (a Sunday) and
/// its substitute Monday to Tuesday 3 March; ten working days reach 17 March; the pause held
/// 9 and 10 March and the extension adds five more: Thursday 26 March. The `Explanation`
/// value carries the same facts as fields, and encodes to JSON with snake_case keys.
public struct Explanation: Sendable, Hashable {
    /// The clock kind.
    public var kind: ClockKind
    /// The remedy scale, for remedy clocks.
    public var remedyScale: RemedyScale?
    /// The event that started the clock ("complaint received").
    public var startEvent: String
    /// The instant of that event.
    public var startInstant: Date
    /// The office time zone in which the start date was taken.
    public var timeZone: String
    /// The office-local date of the start event.
    public var startDate: LocalDate
    /// The office-local time of day of the start event, `HH:MM`.
    public var startLocalTime: String
    /// The day counting starts from: the first working day on or after the start date for a
    /// working-day clock, the start date itself otherwise.
    public var countedFrom: LocalDate
    /// The allowance the clock started with.
    public var allowance: Allowance
    /// Whether that allowance is the urgent profile's.
    public var urgent: Bool
    /// The policy version the clock runs under.
    public var policyVersion: Int
    /// Each time the clock was moved to another policy version, oldest first (the caller adds
    /// them from the audit log; a clock alone does not know them).
    public var rebases: [ClockRebase] = []
    /// The office's working days of the week.
    public var weekMask: WeekMask
    /// The names of the office's holiday calendars.
    public var calendars: [String]
    /// Every weekend day and holiday skipped in the counted span: from the start date to the due
    /// date for a working-day clock; the days the final roll forward passed over otherwise.
    public var skipped: [DayOff]
    /// Every pause, with the time it added.
    public var pauses: [PauseEffect]
    /// Every extension.
    public var extensions: [Clock.Extension]
    /// The time all closed pauses added, in the pause unit.
    public var pausedTotal: Int
    /// For calendar-day and month clocks, the date reached before rolling forward to a working day.
    public var unrolledDate: LocalDate?
    /// The due date, or `nil` while a pause is open.
    public var dueDate: LocalDate?
    /// The date the clock ended, if it has.
    public var endedOn: LocalDate?
    /// The date the status was taken on, if one was asked for.
    public var asOf: LocalDate?
    /// The status on `asOf`, if one was asked for.
    public var status: ClockStatus?

    /// The effect of one pause on the due date.
    public struct PauseEffect: Sendable, Hashable, Codable {
        /// The pause.
        public var pause: Clock.Pause
        /// The time it added (working days for working-day clocks, days otherwise); for an open
        /// pause, the time so far up to `asOf` (zero without one).
        public var added: Int
        /// The unit of `added`.
        public var unit: AllowanceUnit

        /// Makes a pause effect.
        public init(pause: Clock.Pause, added: Int, unit: AllowanceUnit) {
            self.pause = pause
            self.added = added
            self.unit = unit
        }
    }

    /// Works out the explanation of `clock` on `calendar`, with its status on `asOf` if given.
    public init(clock: Clock, calendar: WorkCalendar, asOf: LocalDate? = nil) {
        kind = clock.kind
        remedyScale = clock.remedyScale
        startEvent = clock.kind.startEvent
        startInstant = clock.startInstant
        timeZone = calendar.timeZoneIdentifier
        startDate = clock.startDate
        startLocalTime = Explanation.localTime(clock.startInstant, in: calendar.timeZone)
        allowance = clock.allowance
        urgent = clock.urgent
        policyVersion = clock.policyVersion
        weekMask = calendar.weekMask
        calendars = calendar.calendarNames
        extensions = clock.extensions
        endedOn = clock.endedOn
        self.asOf = asOf
        status = asOf.map { clock.status(asOf: $0, calendar: calendar) }
        let pauseUnit = clock.allowance.unit.pauseUnit
        pauses = clock.pauses.map { pause in
            let end = pause.to ?? asOf ?? pause.from
            return PauseEffect(
                pause: pause, added: clock.added(by: pause, endingOn: end, calendar: calendar), unit: pauseUnit)
        }
        pausedTotal = clock.pausedDays(on: calendar)
        let due = clock.dueDate(on: calendar)
        dueDate = due
        switch clock.allowance.unit {
        case .workingDays:
            countedFrom = calendar.rollForward(clock.startDate)
            unrolledDate = nil
            // While paused, show what has been skipped up to the pause.
            let end = due.map { $0 + 1 } ?? clock.openPause?.from ?? clock.startDate
            skipped = calendar.nonWorkingDays(from: clock.startDate, to: end)
        case .calendarDays, .months:
            countedFrom = clock.startDate
            if let due {
                let base =
                    clock.allowance.unit == .months
                    ? clock.startDate.adding(months: clock.totalAllowance) + pausedTotal
                    : clock.startDate + (clock.totalAllowance + pausedTotal)
                unrolledDate = base
                skipped = calendar.nonWorkingDays(from: base, to: due)
            } else {
                unrolledDate = nil
                skipped = []
            }
        }
    }

    /// The explanation as text for people: one labelled line per fact, a line per skipped day,
    /// pause and extension, and the due date with the arithmetic that produced it.
    public func render() -> String {
        var lines: [String] = []
        func line(_ label: String, _ text: String) {
            let padded = label.isEmpty ? "" : label + ":"
            lines.append(padded.padded(to: 12) + text)
        }
        let name = remedyScale.map { "\(kind) (\($0))" } ?? kind.rawValue
        let profile = urgent ? "urgent profile, " : ""
        line("Clock", "\(name): \(allowance), \(profile)policy version \(policyVersion)")
        for (index, rebase) in rebases.enumerated() {
            line(
                index == 0 ? "Re-based" : "",
                "\(rebase.on.iso) from policy version \(rebase.fromVersion) to \(rebase.toVersion) by \(rebase.by): \(rebase.reason)"
            )
        }
        line("Started", "\(startEvent) at \(Explanation.isoInstant(startInstant))")
        line("Local date", "\(startDate.iso) (\(Explanation.weekdayName(startDate)), \(startLocalTime)) in \(timeZone)")
        let holidayText =
            calendars.isEmpty ? "no holiday calendar" : "holidays from \(calendars.joinedAsList(conjunction: "and"))"
        line("Calendar", "working days \(weekMask.formatted); \(holidayText)")
        switch allowance.unit {
        case .workingDays:
            let note =
                countedFrom == startDate
                ? "the start date, a working day" : "the first working day after \(startDate.iso)"
            line("Counting", "working days from \(countedFrom.iso) (\(note))")
        case .calendarDays:
            line(
                "Counting",
                "calendar days from \(startDate.iso); weekends and holidays count, except where the last day falls")
        case .months:
            line(
                "Counting", "months from \(startDate.iso), clamped to the end of a shorter month, then days for pauses")
        }
        if skipped.isEmpty {
            line("Skipped", "nothing")
        } else {
            for (index, day) in skipped.enumerated() {
                var reasons: [String] = day.isWeekend ? ["weekend"] : []
                reasons += day.holidays.map { "\($0.name) (\($0.calendar))" }
                let dayName = Explanation.weekdayName(day.date).padded(to: 9)
                line(index == 0 ? "Skipped" : "", "\(day.date.iso) \(dayName) \(reasons.joined(separator: "; "))")
            }
        }
        if pauses.isEmpty {
            line("Pauses", "none")
        } else {
            for (index, effect) in pauses.enumerated() {
                let pause = effect.pause
                let text: String
                if let end = pause.to {
                    text =
                        "\(pause.from.iso), resumed \(end.iso) (\(pause.reason)): +\(effect.unit.phrase(effect.added))"
                } else if let asOf {
                    text =
                        "\(pause.from.iso), still open (\(pause.reason)): \(effect.unit.phrase(effect.added)) so far on \(asOf.iso)"
                } else {
                    text = "\(pause.from.iso), still open (\(pause.reason))"
                }
                line(index == 0 ? "Pauses" : "", text)
            }
        }
        if extensions.isEmpty {
            line("Extensions", "none")
        } else {
            for (index, grant) in extensions.enumerated() {
                let consent = grant.withConsent ? ", with consent" : ""
                line(
                    index == 0 ? "Extensions" : "",
                    "\(grant.onDate.iso) +\(allowance.unit.phrase(grant.amount)) approved by \(grant.approvedBy) (\(grant.approverRole))\(consent): \(grant.reason)"
                )
            }
        }
        let extra = extensions.reduce(0) { $0 + $1.amount }
        if let due = dueDate {
            let dueText = "\(due.iso) (\(Explanation.weekdayName(due)))"
            switch allowance.unit {
            case .workingDays:
                let total = allowance.amount + extra + pausedTotal
                line(
                    "Due",
                    "busday_offset(\(startDate.iso), \(allowance.amount) + \(extra) + \(pausedTotal) = \(total), roll='forward') = \(dueText)"
                )
            case .calendarDays:
                let total = allowance.amount + extra + pausedTotal
                let base = unrolledDate ?? due
                let roll = base == due ? "a working day" : "rolled forward to \(dueText)"
                line(
                    "Due",
                    "\(startDate.iso) + (\(allowance.amount) + \(extra) + \(pausedTotal) = \(total) days) = \(base.iso), \(roll)"
                )
                if base == due { line("", "due \(dueText)") }
            case .months:
                let months = allowance.amount + extra
                let base = unrolledDate ?? due
                let monthDate = startDate.adding(months: months)
                let roll = base == due ? "a working day" : "rolled forward to \(dueText)"
                line(
                    "Due",
                    "\(startDate.iso) + \(AllowanceUnit.months.phrase(months)) = \(monthDate.iso), + \(pausedTotal) paused days = \(base.iso), \(roll)"
                )
                if base == due { line("", "due \(dueText)") }
            }
        } else {
            line("Due", "none while paused; the clock resumes with the time paused added")
        }
        if let ended = endedOn { line("Ended", ended.iso) }
        if let asOf, let status { line("Status", "\(status) on \(asOf.iso)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The English name of the date's weekday.
    static func weekdayName(_ date: LocalDate) -> String {
        WeekMask.fullNames[date.weekday - 1]
    }

    /// The local time of day of `instant` in `zone`, `HH:MM`.
    static func localTime(_ instant: Date, in zone: TimeZone) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60))"
    }

    /// The instant in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    static func isoInstant(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(LocalDate(dayNumber: days).iso)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}

extension Explanation: CustomStringConvertible {
    public var description: String { render() }
}

extension Explanation: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind
        case remedyScale = "remedy_scale"
        case startEvent = "start_event"
        case startInstant = "start_instant"
        case timeZone = "time_zone"
        case startDate = "start_date"
        case startLocalTime = "start_local_time"
        case countedFrom = "counted_from"
        case allowance
        case urgent
        case policyVersion = "policy_version"
        case rebases
        case weekMask = "week_mask"
        case calendars
        case skipped
        case pauses
        case extensions
        case pausedTotal = "paused_total"
        case unrolledDate = "unrolled_date"
        case dueDate = "due_date"
        case endedOn = "ended_on"
        case asOf = "as_of"
        case status
    }
}
