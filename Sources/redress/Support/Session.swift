import Foundation
import Postgres
import RedressCore
import RedressStore

/// A command's connection and the staff member it acts as (the connected login).
struct Session {
    let connection: PostgresConnection
    let actor: Actor
    let settings: OfficeSettings

    /// Connects and looks the login up on the staff.
    static func open(_ options: DatabaseOptions) throws -> Session {
        let connection = try options.connect()
        do {
            let actor = try StaffStore(connection).currentActor()
            let settings = try OfficeStore(connection).settings()
            return Session(connection: connection, actor: actor, settings: settings)
        } catch {
            connection.close()
            throw error
        }
    }

    /// The office time zone and the date it is there; an unknown zone is an error, never GMT.
    var clock: OfficeClock {
        get throws { try OfficeClock(timeZone: settings.timeZone) }
    }

    /// The instant an option names (`--at`, `--received-at`), read in the office time zone;
    /// now when the option was not given.
    func instant(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        return try clock.instant(parsing: text)
    }

    /// A date option (`--as-of`, `--effective`): strict YYYY-MM-DD; today at the office when
    /// the option was not given and there is no other `fallback`.
    func date(_ text: String?, default fallback: LocalDate? = nil) throws -> LocalDate {
        guard let text else { return try fallback ?? clock.today }
        return try parseDate(text)
    }

    /// Runs `body` in one transaction with store errors translated.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try connection.withStoreTransaction(body)
    }

    func close() { connection.close() }
}

/// A strict `YYYY-MM-DD` date, or the calendar error that says why not.
func parseDate(_ text: String) throws -> LocalDate {
    if let date = LocalDate(iso: text) { return date }
    let parts = text.split(separator: "-")
    if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), text.count == 10 {
        throw CalendarError.invalidDate(text)
    }
    throw CalendarError.invalidInstant(text)
}
