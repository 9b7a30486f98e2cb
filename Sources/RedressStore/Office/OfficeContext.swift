public import Foundation
public import Postgres
public import RedressCore

/// What every clock computation needs, read once per command: the office settings, its
/// working calendar (time zone, week mask, every holiday) and every policy version.
public struct OfficeContext: Sendable {
    public var settings: OfficeSettings
    public var calendar: WorkCalendar
    public var policies: PolicySet

    /// How a transaction holds the office row while it works.
    public enum Lock: Sendable {
        /// No lock: for reads.
        case none
        /// `FOR KEY SHARE`: case changes, so that the calendar, policy and settings cannot
        /// change under them; many may hold it at once.
        case share
        /// `FOR UPDATE`: changes to the calendar, policy or settings, which wait for case changes.
        case exclusive
    }

    /// Reads the office, its calendar and policies.
    public static func load(_ connection: PostgresConnection, lock: Lock = .none) throws -> OfficeContext {
        let lockSQL: String
        switch lock {
        case .none: lockSQL = ""
        case .share: lockSQL = " FOR KEY SHARE"
        case .exclusive: lockSQL = " FOR UPDATE"
        }
        let settings = try OfficeStore(connection).settings(lockSQL: lockSQL)
        let holidays = try CalendarStore(connection).holidays()
        let calendar = try WorkCalendar(
            timeZone: settings.timeZone, weekMask: WeekMask(parsing: settings.weekMask), holidays: holidays)
        let policies = try PolicyStore(connection).policySet()
        return OfficeContext(settings: settings, calendar: calendar, policies: policies)
    }

    /// The office time zone and the date it is there ("today at the office").
    public var clock: OfficeClock {
        calendar.clock
    }

    /// Refuses the time of an event that cannot have happened: after now (with a few minutes'
    /// skew) or before the office's earliest event date.
    public func checkEventTime(_ instant: Date, now: Date = Date()) throws {
        try EventTime.checkPlausible(instant, now: now, earliest: settings.earliestEventDate, clock: clock)
    }

    /// The office-local date of an instant.
    public func localDate(_ instant: Date) -> LocalDate {
        clock.date(at: instant)
    }
}
