public import Foundation
public import Postgres
public import RedressCore

/// A rights category of the vocabulary, and how many cases have it.
public struct RightsCategory: Sendable, Hashable, Encodable {
    public var code: String
    public var name: String
    /// `gwangju_principle`, `basic_service` or `other`.
    public var kind: String
    /// When it was retired; nil while cases may take it.
    public var retiredAt: Date?
    public var cases: Int

    enum CodingKeys: String, CodingKey {
        case code, name, kind
        case retiredAt = "retired_at"
        case cases
    }
}

/// The rights categories as data: admins add, rename and retire them, each change with its
/// office audit row in the caller's transaction. A retired category stays on the cases that
/// have it and in statistics; no case takes it from then on.
public struct CategoryStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The kinds a category may be of.
    public static let kinds = ["gwangju_principle", "basic_service", "other"]

    /// Every category, retired ones included, as the vocabulary lists them.
    public func list() throws -> [RightsCategory] {
        try categories(where: "true")
    }

    /// The category with `code`, or `RegisterError.categoryNotFound`.
    public func require(_ code: String) throws -> RightsCategory {
        guard let category = try categories(where: "r.code = \(code)").first else {
            throw RegisterError.categoryNotFound(code)
        }
        return category
    }

    func categories(where condition: PostgresQuery) throws -> [RightsCategory] {
        var query: PostgresQuery = """
            SELECT r.code, r.name, r.kind, r.retired_at,
                (SELECT count(*) FROM case_category g WHERE g.category_code = r.code)
            FROM rights_category r WHERE 
            """
        query.append(condition)
        query.append(" ORDER BY r.kind DESC, r.code")
        return try connection.query(query).map {
            RightsCategory(
                code: try $0.decode(String.self, at: 0), name: try $0.decode(String.self, at: 1),
                kind: try $0.decode(String.self, at: 2), retiredAt: try $0.decode(Date?.self, at: 3),
                cases: try $0.decode(Int.self, at: 4))
        }
    }

    /// Throws `RegisterError.categoryRetired` for the first of `codes` that is retired; codes
    /// not in the vocabulary are left to the intake's check.
    public func requireCurrent(_ codes: [String]) throws {
        guard !codes.isEmpty else { return }
        if let retired = try connection.query(
            """
            SELECT code FROM rights_category
            WHERE code = ANY (\(PostgresTextArray(codes))::text[]) AND retired_at IS NOT NULL ORDER BY code LIMIT 1
            """
        ).first {
            throw RegisterError.categoryRetired(try retired.decode(String.self, at: 0))
        }
    }

    /// Adds a category with a snake_case `code`.
    public func add(code: String, name: String, kind: String, actor: Actor, at instant: Date) throws -> RightsCategory {
        try actor.require(.manageOffice)
        guard code.range(of: "^[a-z][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw StoreError.invalid(
                "\"\(code)\" is not a category code; use lower-case letters, digits and underscores, starting with a letter, such as public_transport.",
                hint: .give(["code"]))
        }
        guard Self.kinds.contains(kind) else {
            throw StoreError.invalid(
                "\"\(kind)\" is not a kind of category; use \(Self.kinds.joinedAsList(conjunction: "or")).",
                hint: .choose("kind", Self.kinds))
        }
        try checkName(name)
        if try !categories(where: "r.code = \(code)").isEmpty { throw RegisterError.categoryExists(code) }
        try connection.execute("INSERT INTO rights_category (code, name, kind) VALUES (\(code), \(name), \(kind))")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "category_added",
            data: ["code": .string(code), "name": .string(name), "kind": .string(kind)])
        return RightsCategory(code: code, name: name, kind: kind, retiredAt: nil, cases: 0)
    }

    /// Gives a category another name; its code, and so every case's, stays.
    public func rename(code: String, to name: String, actor: Actor, at instant: Date) throws -> RightsCategory {
        try actor.require(.manageOffice)
        var category = try require(code)
        try checkName(name)
        guard name != category.name else { throw RegisterError.nothingToChange("category \(code)") }
        try connection.execute("UPDATE rights_category SET name = \(name) WHERE code = \(code)")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "category_renamed",
            data: ["code": .string(code), "from": .string(category.name), "to": .string(name)])
        category.name = name
        return category
    }

    /// Retires a category: no case takes it from now on.
    public func retire(code: String, actor: Actor, at instant: Date) throws -> RightsCategory {
        try actor.require(.manageOffice)
        var category = try require(code)
        guard category.retiredAt == nil else { throw RegisterError.categoryRetired(code) }
        try connection.execute("UPDATE rights_category SET retired_at = \(instant) WHERE code = \(code)")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "category_retired",
            data: ["code": .string(code), "cases": .int(category.cases)])
        category.retiredAt = instant
        return category
    }

    func checkName(_ name: String) throws {
        guard !name.isBlankText else {
            throw StoreError.invalid("A rights category needs a name; give one.", hint: .give(["name"]))
        }
        try TextField.checkLine("category name", name, limit: RespondentStore.lineLimit)
    }
}
