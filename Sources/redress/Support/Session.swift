import Foundation
import Postgres
import RedressCore
import RedressStore

/// A command's connection and the staff member it acts as (the connected login).
///
/// A session for a command that only reads (`open(_:reading:)`) may be on a standby: a
/// transaction there that must write (reading a confidential case writes its audit row) is
/// run again on the primary, so nothing is lost and nothing is refused.
final class Session {
    private(set) var connection: PostgresConnection
    let actor: Actor
    let settings: OfficeSettings
    private let options: DatabaseOptions
    /// Whether the connection is to a hot standby.
    private(set) var onStandby: Bool

    private init(
        connection: PostgresConnection, actor: Actor, settings: OfficeSettings, options: DatabaseOptions,
        onStandby: Bool
    ) {
        self.connection = connection
        self.actor = actor
        self.settings = settings
        self.options = options
        self.onStandby = onStandby
    }

    /// Connects and looks the login up on the staff. With `reading`, the command only reads
    /// and may use the read database (`--read-database`, `REDRESS_READ_DATABASE_URL`).
    static func open(_ options: DatabaseOptions, reading: Bool = false) throws -> Session {
        let connection = try reading ? options.connectForReading() : options.connect()
        do {
            let actor = try StaffStore(connection).currentActor()
            let settings = try OfficeStore(connection).settings()
            let onStandby = try reading && connection.isInHotStandby()
            return Session(
                connection: connection, actor: actor, settings: settings, options: options, onStandby: onStandby)
        } catch {
            connection.close()
            throw error
        }
    }

    /// Refuses a standby before a command that takes the primary's advisory locks (the sweep,
    /// notice delivery) does anything.
    func requirePrimary() throws {
        if try connection.isInHotStandby() {
            throw CLIFailure(status: .databaseUnreachable, description: StoreError.standbySentence)
        }
    }

    /// Seconds the standby this session reads from is behind its primary; nil on a primary.
    func standbyReplayLag() throws -> Double? {
        onStandby ? try connection.standbyReplayLag() : nil
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
        do {
            return try connection.withStoreTransaction(body)
        } catch let error as PostgresError where onStandby && error.sqlState == "25006" {
            // The standby refused a write this read needs (an audit row): the primary does it.
            let primary = try options.connect()
            connection.close()
            connection = primary
            onStandby = false
            return try connection.withStoreTransaction(body)
        }
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
