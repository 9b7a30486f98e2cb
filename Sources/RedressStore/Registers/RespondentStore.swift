public import Foundation
public import Postgres
public import RedressCore

/// The register of respondent bodies: one body per name, whatever its case and spacing, found
/// by its aliases (former names) too. Admins add, correct, rename and merge bodies; each change
/// writes its office audit row, and a merge one row for each case it moves, in the caller's
/// transaction.
public struct RespondentStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// A body of the register, its aliases, and how many cases name it.
    public struct Entry: Sendable, Hashable, Encodable {
        public var id: Int
        public var body: RespondentBody
        public var aliases: [String]
        public var cases: Int

        enum CodingKeys: String, CodingKey {
            case aliases, cases
        }

        public func encode(to encoder: any Encoder) throws {
            try body.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(aliases, forKey: .aliases)
            try container.encode(cases, forKey: .cases)
        }
    }

    /// What `update` changes: nil leaves a detail as it is, "" clears it.
    public struct Changes: Sendable, Hashable {
        public var email: String?
        public var postalAddress: String?
        public var headOfBodyName: String?
        public var headOfBodyEmail: String?
        public var headOfBodyPhone: String?
        public var headOfBodyPostalAddress: String?

        public init(
            email: String? = nil, postalAddress: String? = nil, headOfBodyName: String? = nil,
            headOfBodyEmail: String? = nil, headOfBodyPhone: String? = nil, headOfBodyPostalAddress: String? = nil
        ) {
            self.email = email
            self.postalAddress = postalAddress
            self.headOfBodyName = headOfBodyName
            self.headOfBodyEmail = headOfBodyEmail
            self.headOfBodyPhone = headOfBodyPhone
            self.headOfBodyPostalAddress = headOfBodyPostalAddress
        }

        public var isEmpty: Bool { self == Changes() }

        /// Each detail with its audit key and the body's key path.
        var details: [(key: String, value: String?, path: WritableKeyPath<RespondentBody, String?>)] {
            [
                ("email", email, \.email), ("postal_address", postalAddress, \.postalAddress),
                ("head_of_body_name", headOfBodyName, \.headOfBodyName),
                ("head_of_body_email", headOfBodyEmail, \.headOfBodyEmail),
                ("head_of_body_phone", headOfBodyPhone, \.headOfBodyPhone),
                ("head_of_body_postal_address", headOfBodyPostalAddress, \.headOfBodyPostalAddress),
            ]
        }
    }

    /// The result of a merge: the body the cases went to, and the cases moved.
    public struct Merge: Sendable {
        public var into: Entry
        public var moved: [String]
    }

    /// Every body of the register (merged ones left out), by name.
    public func list() throws -> [Entry] {
        try entries(where: "r.merged_into IS NULL")
    }

    /// The body `name` stands for, by its name or an alias, whatever the case and spacing.
    public func find(_ name: String) throws -> Entry? {
        try entries(where: "r.id = (SELECT respondent_named(\(name)))").first
    }

    /// The body `name` stands for, or `RegisterError.respondentNotFound`.
    public func require(_ name: String) throws -> Entry {
        guard let entry = try find(name) else { throw RegisterError.respondentNotFound(name) }
        return entry
    }

    func entries(where condition: PostgresQuery) throws -> [Entry] {
        var query: PostgresQuery = """
            SELECT r.id, \(unsafeSQL: RespondentBody.columns),
                (SELECT coalesce(jsonb_agg(a.alias ORDER BY a.id), '[]')::text FROM respondent_alias a WHERE a.body_id = r.id),
                (SELECT count(*) FROM complaint_case c WHERE c.respondent_id = r.id)
            FROM respondent_body r WHERE 
            """
        query.append(condition)
        query.append(" ORDER BY lower(r.name), r.id")
        return try connection.query(query).map { row in
            let (id, body) = try CaseStore.respondent(row)
            let aliases = try JSONDecoder().decode([String].self, from: Data(try row.decode(String.self, at: 8).utf8))
            return Entry(id: id, body: body, aliases: aliases, cases: try row.decode(Int.self, at: 9))
        }
    }

    /// Adds a body to the register; its name is kept with its spacing tidied. A name that is a
    /// body's or an alias already is `RegisterError.respondentExists`.
    public func add(_ body: RespondentBody, actor: Actor, at instant: Date) throws -> Entry {
        try actor.require(.manageOffice)
        let name = try normalisedName(body.name)
        if let existing = try find(name) {
            throw RegisterError.respondentExists(given: name, existing: existing.body.name)
        }
        var body = body
        body.name = name
        try Self.check(body)
        let id = try connection.query(
            """
            INSERT INTO respondent_body (name, email, head_of_body_name, head_of_body_email, postal_address,
                head_of_body_phone, head_of_body_postal_address)
            VALUES (\(name), \(body.email), \(body.headOfBodyName), \(body.headOfBodyEmail), \(body.postalAddress),
                \(body.headOfBodyPhone), \(body.headOfBodyPostalAddress))
            RETURNING id
            """
        ).first!.decode(Int.self, at: 0)
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "respondent_added",
            data: ["respondent": Self.json(body)])
        return Entry(id: id, body: body, aliases: [], cases: 0)
    }

    /// Corrects the contact details of the body `name` stands for, recording each detail before
    /// and after.
    public func update(_ name: String, _ changes: Changes, actor: Actor, at instant: Date) throws -> Entry {
        try actor.require(.manageOffice)
        guard !changes.isEmpty else { throw RegisterError.nothingToChange("respondent body") }
        var entry = try require(name)
        var diff: [String: JSONValue] = [:]
        for detail in changes.details {
            guard let given = detail.value else { continue }
            let value = given.isBlankText ? nil : given
            let before = entry.body[keyPath: detail.path]
            guard value != before else { continue }
            entry.body[keyPath: detail.path] = value
            diff[detail.key] = ["from": .text(before), "to": .text(value)]
        }
        guard !diff.isEmpty else { throw RegisterError.nothingToChange("respondent body \"\(entry.body.name)\"") }
        try Self.check(entry.body)
        let body = entry.body
        try connection.execute(
            """
            UPDATE respondent_body SET email = \(body.email), postal_address = \(body.postalAddress),
                head_of_body_name = \(body.headOfBodyName), head_of_body_email = \(body.headOfBodyEmail),
                head_of_body_phone = \(body.headOfBodyPhone), head_of_body_postal_address = \(body.headOfBodyPostalAddress),
                updated_at = now()
            WHERE id = \(entry.id)
            """)
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "respondent_changed",
            data: ["respondent": .string(body.name), "changes": .object(diff)])
        return entry
    }

    /// Renames the body `name` stands for; the old name stays as an alias, so intake by it still
    /// lands on the body.
    public func rename(_ name: String, to newName: String, actor: Actor, at instant: Date) throws -> Entry {
        try actor.require(.manageOffice)
        var entry = try require(name)
        let renamed = try normalisedName(newName)
        guard renamed != entry.body.name else {
            throw RegisterError.nothingToChange("respondent body \"\(entry.body.name)\"")
        }
        if let other = try find(renamed), other.id != entry.id {
            throw RegisterError.respondentExists(given: renamed, existing: other.body.name)
        }
        let old = entry.body.name
        try connection.execute(
            "UPDATE respondent_body SET name = \(renamed), updated_at = now() WHERE id = \(entry.id)")
        try addAlias(old, to: entry.id)
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "respondent_renamed",
            data: ["from": .string(old), "to": .string(renamed)])
        entry.body.name = renamed
        if !entry.aliases.contains(old) { entry.aliases.append(old) }
        return entry
    }

    /// Merges the body `name` stands for into the body `target` stands for: its cases and remedy
    /// items move, each case with a `respondent_merged` audit row, its aliases and name become
    /// the target's aliases, and the target takes the contact details it lacks.
    public func merge(_ name: String, into target: String, actor: Actor, at instant: Date) throws -> Merge {
        try actor.require(.manageOffice)
        let from = try require(name)
        var into = try require(target)
        guard from.id != into.id else { throw RegisterError.mergeIntoItself(from.body.name) }
        let moved = try connection.query(
            """
            UPDATE complaint_case SET respondent_id = \(into.id), version = version + 1, updated_at = now()
            WHERE respondent_id = \(from.id)
            RETURNING id, reference
            """
        ).map { (id: try $0.decode(Int.self, at: 0), reference: try $0.decode(String.self, at: 1)) }
        let remedyCases = try connection.query(
            "UPDATE remedy_item SET body_id = \(into.id) WHERE body_id = \(from.id) RETURNING case_id"
        ).map { try $0.decode(Int.self, at: 0) }
        let log = AuditLog(connection)
        let event: [String: JSONValue] = ["from": .string(from.body.name), "to": .string(into.body.name)]
        for caseID in Set(moved.map(\.id)).union(remedyCases).sorted() {
            try log.record(caseID: caseID, actor: actor.login, at: instant, kind: "respondent_merged", data: event)
        }
        try connection.execute(
            """
            UPDATE respondent_alias SET body_id = \(into.id) WHERE body_id = \(from.id)
            """)
        try addAlias(from.body.name, to: into.id)
        for detail in Changes().details where into.body[keyPath: detail.path] == nil {
            into.body[keyPath: detail.path] = from.body[keyPath: detail.path]
        }
        let body = into.body
        try connection.execute(
            """
            UPDATE respondent_body SET merged_into = \(into.id), updated_at = now() WHERE id = \(from.id)
            """)
        try connection.execute(
            """
            UPDATE respondent_body SET email = \(body.email), postal_address = \(body.postalAddress),
                head_of_body_name = \(body.headOfBodyName), head_of_body_email = \(body.headOfBodyEmail),
                head_of_body_phone = \(body.headOfBodyPhone), head_of_body_postal_address = \(body.headOfBodyPostalAddress),
                updated_at = now()
            WHERE id = \(into.id)
            """)
        try log.record(
            caseID: nil, actor: actor.login, at: instant, kind: "respondent_merged",
            data: event.merging(["cases": .array(moved.map { .string($0.reference) })]) { $1 })
        into.aliases += [from.body.name] + from.aliases
        into.cases += moved.count
        return Merge(into: into, moved: moved.map(\.reference))
    }

    func addAlias(_ alias: String, to body: Int) throws {
        try connection.execute(
            "INSERT INTO respondent_alias (body_id, alias) VALUES (\(body), \(alias)) ON CONFLICT (alias) DO UPDATE SET body_id = EXCLUDED.body_id"
        )
    }

    /// The name as the register keeps it: whitespace runs as one space, none at the ends.
    func normalisedName(_ name: String) throws -> String {
        try TextField.checkLine("respondent name", name, limit: Self.lineLimit)
        let normalised = try connection.query("SELECT respondent_name_normalised(\(name))").first!.decode(
            String.self, at: 0)
        guard !normalised.isEmpty else {
            throw StoreError.invalid("A respondent body needs a name; give one.", hint: .give(["name"]))
        }
        return normalised
    }

    /// The limit of a name or contact detail of the register.
    static let lineLimit = (characters: 500, bytes: 2_000)

    /// The body's name and details, for its audit row.
    static func json(_ body: RespondentBody) -> JSONValue {
        var object: [String: JSONValue] = ["name": .string(body.name)]
        for detail in Changes().details { object[detail.key] = .text(body[keyPath: detail.path]) }
        return .object(object)
    }

    static func check(_ body: RespondentBody) throws {
        for detail in Changes().details {
            if let value = body[keyPath: detail.path] {
                if detail.key.hasSuffix("email") { try IntakeValidator.checkEmailAddress(value) }
                try TextField.check(
                    detail.key.replacingOccurrences(of: "_", with: " "), value, limit: lineLimit,
                    lines: detail.key.hasSuffix("postal_address"))
            }
        }
    }
}
