public import Foundation
public import Postgres
public import RedressCore

/// The staff register, and who the connected login is.
public struct StaffStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The staff member the connected login (`session_user`) is; throws when the login is not
    /// on the staff or is deactivated.
    public func currentActor() throws -> Actor {
        let login = try connection.query("SELECT session_user::text").first!.decode(String.self, at: 0)
        let row = try connection.query("SELECT login, display_name, email, roles, active FROM staff_for_session()")
            .first
        guard let member = try row.map(Self.decode) else { throw StoreError.notStaff(login: login) }
        guard member.active else { throw StoreError.inactiveStaff(login: login) }
        return member.actor
    }

    /// The member with `login`, active or not.
    public func member(_ login: String) throws -> StaffMember? {
        try connection.query(
            """
            SELECT login, display_name, email, roles, active FROM staff WHERE login = \(login)
            """
        ).first.map(Self.decode)
    }

    /// Every member, active first, by login.
    public func list() throws -> [StaffMember] {
        try connection.query(
            """
            SELECT login, display_name, email, roles, active FROM staff ORDER BY active DESC, login
            """
        ).map(Self.decode)
    }

    /// What adding a member did about the PostgreSQL side.
    public struct Added: Sendable {
        public var member: StaffMember
        /// Whether the login was made a member of `redress_staff` just now (or already was).
        public var granted: Bool
        /// When it could not be: the SQL a database administrator should run.
        public var advice: String?
    }

    /// Adds `login` with `roles` (or reactivates it with them), and grants it `redress_staff`
    /// when that PostgreSQL role exists. Call inside a transaction.
    public func add(login: String, roles: [Role], displayName: String?, email: String?, actor: Actor, at instant: Date)
        throws -> Added
    {
        try actor.require(.manageOffice)
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == login, !login.contains("\"") else {
            throw StoreError.invalid(
                "\"\(login)\" is not a PostgreSQL login name; give the login as PostgreSQL knows it.")
        }
        guard !roles.isEmpty else {
            throw StoreError.invalid("A staff member needs at least one role.", hint: .give(["role"]))
        }
        var unique: [Role] = []
        for role in roles where !unique.contains(role) { unique.append(role) }
        let rolesArray = PostgresTextArray(unique.map(\.rawValue))
        if let existing = try member(login) {
            guard !existing.active else { throw StoreError.staffExists(login) }
            try connection.execute(
                """
                UPDATE staff SET roles = \(rolesArray), active = true,
                    display_name = coalesce(\(displayName), display_name), email = coalesce(\(email), email), updated_at = now()
                WHERE login = \(login)
                """)
        } else {
            try connection.execute(
                """
                INSERT INTO staff (login, display_name, email, roles) VALUES (\(login), \(displayName), \(email), \(rolesArray))
                """)
        }
        let member = try member(login)!
        var granted = false
        var advice: String? = nil
        let quoted = "\"\(login)\""
        let roleExists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(login)").count > 0
        if roleExists {
            do {
                _ = try connection.withSavepoint("staff_grant") {
                    try connection.execute("GRANT redress_staff TO \(identifier: login)")
                }
                granted = true
            } catch let error as PostgresError {
                advice =
                    "PostgreSQL refused to grant redress_staff (\(error.message)); a database administrator should run: GRANT redress_staff TO \(quoted);"
            }
        } else {
            advice =
                "PostgreSQL has no login \(login) yet; a database administrator should run: CREATE ROLE \(quoted) LOGIN; GRANT redress_staff TO \(quoted);"
        }
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "staff_added",
            data: [
                "login": .string(login), "roles": .array(unique.map { .string($0.rawValue) }),
                "granted_redress_staff": .bool(granted),
            ])
        return Added(member: member, granted: granted, advice: advice)
    }

    /// Deactivates `login`: it keeps its history but can no longer act. Call inside a transaction.
    public func deactivate(login: String, actor: Actor, at instant: Date) throws {
        try actor.require(.manageOffice)
        guard let existing = try member(login) else { throw StoreError.staffNotFound(login) }
        guard existing.active else { return }
        if login == actor.login {
            throw StoreError.invalid("You cannot deactivate yourself; ask another admin.")
        }
        try connection.execute("UPDATE staff SET active = false, updated_at = now() WHERE login = \(login)")
        try AuditLog(connection).record(
            caseID: nil, actor: actor.login, at: instant, kind: "staff_deactivated", data: ["login": .string(login)])
    }

    static func decode(_ row: PostgresRow) throws -> StaffMember {
        let roleNames = try row.decode(PostgresTextArray.self, at: 3).elements.compactMap { $0 }
        return StaffMember(
            login: try row.decode(String.self, at: 0), displayName: try row.decode(String?.self, at: 1),
            email: try row.decode(String?.self, at: 2), roles: roleNames.compactMap(Role.init(rawValue:)),
            active: try row.decode(Bool.self, at: 4))
    }
}
