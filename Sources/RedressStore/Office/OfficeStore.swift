public import Foundation
public import Postgres
public import RedressCore
import RedressNotices

/// Reads and changes the office settings.
public struct OfficeStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The settings.
    public func settings() throws -> OfficeSettings {
        try settings(lockSQL: "")
    }

    /// The office's clock, from its settings alone: for reading a time or a date, without the
    /// holidays and policies that `OfficeContext` loads.
    public func clock() throws -> OfficeClock {
        try OfficeClock(timeZone: settings().timeZone)
    }

    func settings(lockSQL: String) throws -> OfficeSettings {
        let rows = try connection.query(
            """
            SELECT name, reference_prefix, time_zone, week_mask, default_language, sender, mail_domain, templates_dir,
                earliest_event_date, postal_address, mail_opens_intake, document_size_limit, web_address
            FROM office\(unsafeSQL: lockSQL)
            """)
        guard let row = rows.first else { throw StoreError.schemaMissing }
        return OfficeSettings(
            name: try row.decode(String.self, at: 0), referencePrefix: try row.decode(String.self, at: 1),
            timeZone: try row.decode(String.self, at: 2), weekMask: try row.decode(String.self, at: 3),
            defaultLanguage: try row.decode(String.self, at: 4), sender: try row.decode(String.self, at: 5),
            mailDomain: try row.decode(String.self, at: 6), templatesDir: try row.decode(String?.self, at: 7),
            earliestEventDate: try row.decode(LocalDate.self, at: 8),
            postalAddress: try row.decode(String?.self, at: 9),
            mailOpensIntake: try row.decode(Bool.self, at: 10), documentSizeLimit: try row.decode(Int.self, at: 11),
            webAddress: try row.decode(String?.self, at: 12)
        )
    }

    /// The outcome of a settings change.
    public struct Update: Sendable {
        /// The settings after the change.
        public var settings: OfficeSettings
        /// Running clocks whose due date moved (a new week mask).
        public var moved: [MovedDueDate]
    }

    /// Applies `changes` as `actor`, validating each value; a new week mask recomputes every
    /// running clock. Call inside a transaction.
    public func update(_ changes: OfficeChanges, actor: Actor, at instant: Date) throws -> Update {
        try actor.require(.manageOffice)
        let context = try OfficeContext.load(connection, lock: .exclusive)
        var settings = context.settings
        if let zone = changes.timeZone {
            _ = try WorkCalendar(timeZone: zone)
            settings.timeZone = zone
        }
        if let mask = changes.weekMask {
            settings.weekMask = try WeekMask(parsing: mask).formatted
        }
        if let prefix = changes.referencePrefix {
            guard prefix.range(of: "^[A-Z][A-Z0-9]{0,9}$", options: .regularExpression) != nil else {
                throw StoreError.invalid(
                    "\"\(prefix)\" is not a reference prefix; use 1 to 10 capital letters or digits starting with a letter, such as HRC."
                )
            }
            settings.referencePrefix = prefix
        }
        if let language = changes.defaultLanguage {
            guard language.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil else {
                throw StoreError.invalid(
                    "\"\(language)\" is not a language code; use a two- or three-letter ISO 639 code such as en or ko.")
            }
            settings.defaultLanguage = language
        }
        for (label, value) in [("name", changes.name), ("sender", changes.sender), ("mail domain", changes.mailDomain)]
        {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw StoreError.invalid("The office \(label) cannot be blank; give a value.")
            }
        }
        if let name = changes.name { settings.name = name }
        if let sender = changes.sender { settings.sender = sender }
        if let domain = changes.mailDomain { settings.mailDomain = domain }
        if let folder = changes.templatesDir {
            if !folder.isEmpty { try TemplateSource.checkOverrideDirectory(folder) }
            settings.templatesDir = folder.isEmpty ? nil : folder
        }
        if let earliest = changes.earliestEventDate {
            guard OfficeSettings.earliestEventDates.contains(earliest) else {
                throw StoreError.invalid(
                    "The earliest event date \(earliest.iso) is not between \(OfficeSettings.earliestEventDates.lowerBound.iso) and \(OfficeSettings.earliestEventDates.upperBound.iso).",
                    hint: .give(["earliest_event_date"]))
            }
            settings.earliestEventDate = earliest
        }
        if let address = changes.postalAddress {
            try TextField.check(
                "office postal address", address, limit: IntakeValidator.maximumFieldLength, lines: true)
            settings.postalAddress = address.isBlankText ? nil : address
        }
        if let opens = changes.mailOpensIntake { settings.mailOpensIntake = opens }
        if let limit = changes.documentSizeLimit {
            guard limit > 0 else {
                throw StoreError.invalid(
                    "The document size limit must be at least 1 byte; give a size such as 25MiB.",
                    hint: .give(["document_size_limit"]))
            }
            settings.documentSizeLimit = limit
        }
        if let address = changes.webAddress {
            let trimmed = address.trimmingSpaces()
            guard trimmed.isEmpty || Self.isWebAddress(trimmed) else {
                throw StoreError.invalid(
                    "The web address \"\(address)\" is not an address such as https://complaints.example.org.",
                    hint: .give(["web_address"]))
            }
            var stored = trimmed
            while stored.hasSuffix("/") { stored.removeLast() }
            settings.webAddress = stored.isEmpty ? nil : stored
        }
        try connection.execute(
            """
            UPDATE office SET name = \(settings.name), reference_prefix = \(settings.referencePrefix),
                time_zone = \(settings.timeZone), week_mask = \(settings.weekMask),
                default_language = \(settings.defaultLanguage), sender = \(settings.sender),
                mail_domain = \(settings.mailDomain), templates_dir = \(settings.templatesDir),
                earliest_event_date = \(settings.earliestEventDate), postal_address = \(settings.postalAddress),
                mail_opens_intake = \(settings.mailOpensIntake), document_size_limit = \(settings.documentSizeLimit),
                web_address = \(settings.webAddress),
                updated_at = now()
            """)
        var moved: [MovedDueDate] = []
        if settings.weekMask != context.settings.weekMask {
            let calendar = try WorkCalendar(
                timeZone: context.calendar.timeZoneIdentifier, weekMask: WeekMask(parsing: settings.weekMask),
                holidays: context.calendar.holidays)
            moved = try ClockRecomputation(connection: connection).recompute(
                calendar: calendar, touching: nil, actor: actor, at: instant,
                cause: "week mask changed to \(settings.weekMask)")
        }
        var data: [String: JSONValue] = [:]
        let before = try encodeSettings(context.settings)
        let after = try encodeSettings(settings)
        for (key, value) in after where before[key] != value {
            data[key] = ["from": before[key] ?? .null, "to": value]
        }
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "office_changed", data: ["changes": .object(data)])
        return Update(settings: settings, moved: moved)
    }

    private func encodeSettings(_ settings: OfficeSettings) throws -> [String: JSONValue] {
        let data = try JSONEncoder().encode(settings)
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: data) else { return [:] }
        return object
    }

    /// Whether `text` is an http or https address with a host and no spaces (what the
    /// database's `office_web_address_is_a_web_address` checks too).
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let parts = URLComponents(string: text),
            parts.scheme == "http" || parts.scheme == "https",
            let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil
        else { return false }
        return true
    }
}
