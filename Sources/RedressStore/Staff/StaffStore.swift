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

    /// How a login made by `add` signs in: by a password (only its verifier reaches the
    /// server), or by other means the cluster is set up for (peer, certificate).
    public enum Password: Sendable {
        case none
        case password(String)
    }

    /// What adding or deactivating a member did about the PostgreSQL side.
    public struct LoginChange: Sendable {
        /// Whether the PostgreSQL login was created just now.
        public var created = false
        /// Whether its membership of `redress_staff` is as it should be now.
        public var granted = false
        /// When it could not be made so: the SQL a database administrator should run.
        public var advice: String?
    }

    /// The time limits every staff login starts its sessions with, so that a forgotten
    /// transaction or a long lock wait ends by itself (a login may change them for its own
    /// session; the service sets limits of its own).
    static let loginSettings = [("idle_in_transaction_session_timeout", "60s"), ("lock_timeout", "10s")]

    /// Adds `login` with `roles` (or reactivates it with them) through the audited database
    /// function `staff_add`; creates the PostgreSQL login when it does not exist and the
    /// connected login may create roles, and grants it `redress_staff` with the staff time
    /// limits. Call inside a transaction.
    public func add(
        login: String, roles: [Role], displayName: String?, email: String?, password: Password = .none,
        actor: Actor, at instant: Date
    ) throws -> (member: StaffMember, login: LoginChange) {
        try actor.require(.manageOffice)
        let trimmed = login.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == login, login.utf8.count <= 63, !login.contains("\""), !login.hasPrefix("pg_")
        else {
            throw StoreError.invalid(
                "\"\(login)\" is not a PostgreSQL login name; give the login as PostgreSQL knows it.")
        }
        guard !roles.isEmpty else {
            throw StoreError.invalid("A staff member needs at least one role.", hint: .give(["role"]))
        }
        if let existing = try member(login), existing.active { throw StoreError.staffExists(login) }
        let exists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(login)").count > 0
        if exists, case .password = password {
            throw StoreError.invalid(
                "PostgreSQL has the login \(login) already, and staff add does not change a password; leave the password out, or ask a database administrator to change it."
            )
        }
        try connection.execute(
            "SELECT staff_add(\(login), \(Self.rolesArray(roles)), \(displayName), \(email), \(instant))")
        var change = LoginChange()
        let quoted = "\"\(login)\""
        let settings = Self.loginSettings.map { "ALTER ROLE \(quoted) SET \($0.0) = '\($0.1)'" }
        do {
            try connection.withSavepoint("staff_login") {
                if !exists {
                    guard try mayCreateRoles() else { throw LoginNotCreated() }
                    switch password {
                    case .none:
                        try connection.execute("CREATE ROLE \(identifier: login) LOGIN")
                    case let .password(text):
                        let verifier = try connection.passwordVerifier(for: text, user: login)
                        let statement = try connection.query(
                            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', \(login)::text, \(verifier)::text)"
                        ).first!.decode(String.self, at: 0)
                        try connection.execute(unsafeSQL: statement)
                    }
                }
                try connection.execute("GRANT redress_staff TO \(identifier: login)")
                for statement in settings { try connection.execute(unsafeSQL: statement) }
            }
            change.created = !exists
            change.granted = true
        } catch is LoginNotCreated {
            change.advice =
                "PostgreSQL has no login \(login) yet and this login may not create one; a database administrator should run: CREATE ROLE \(quoted) LOGIN; GRANT redress_staff TO \(quoted); \(settings.joined(separator: "; "));"
        } catch let error as PostgresError {
            change.advice =
                "PostgreSQL refused to set the login up (\(error.message)); a database administrator should run: GRANT redress_staff TO \(quoted); \(settings.joined(separator: "; "));"
        }
        return (try member(login)!, change)
    }

    /// Gives the active member `login` the roles `change` makes of its present ones, through
    /// the audited database function `staff_set_roles`. Call inside a transaction.
    public func changeRoles(login: String, actor: Actor, at instant: Date, _ change: ([Role]) -> [Role]) throws
        -> StaffMember
    {
        try actor.require(.manageOffice)
        guard var member = try member(login) else { throw StoreError.staffNotFound(login) }
        guard member.active else { throw StoreError.inactiveStaff(login: login) }
        let roles = Self.unique(change(member.roles))
        guard !roles.isEmpty else {
            throw StoreError.invalid(
                "A staff member needs at least one role; deactivate \(login) instead.",
                hint: .command("staff deactivate \(login)"))
        }
        if login == actor.login, !roles.contains(.admin) {
            throw StoreError.invalid("You cannot take the admin role from yourself; ask another admin.")
        }
        try connection.execute("SELECT staff_set_roles(\(login), \(Self.rolesArray(roles)), \(instant))")
        member.roles = roles
        return member
    }

    /// Deactivates `login` through the audited database function `staff_deactivate`, which
    /// revokes its tokens; then takes `redress_staff` from the login when the connected login
    /// may. It keeps its history but can no longer act or read. Its open cases go first to
    /// `successor`, one audited assignment each; without one, a login that holds open cases
    /// stays. Returns what happened to the login and the references reassigned. Call inside a
    /// transaction.
    public func deactivate(login: String, reassignTo successor: String? = nil, actor: Actor, at instant: Date) throws
        -> (login: LoginChange, reassigned: [String])
    {
        try actor.require(.manageOffice)
        guard let existing = try member(login) else { throw StoreError.staffNotFound(login) }
        var change = LoginChange()
        guard existing.active else { return (change, []) }
        if login == actor.login {
            throw StoreError.invalid("You cannot deactivate yourself; ask another admin.")
        }
        let cases = CaseStore(connection)
        var reassigned: [String] = []
        if let successor {
            reassigned = try cases.reassign(from: login, to: successor, actor: actor, at: instant)
        } else {
            let held = try cases.openCases(assignedTo: login)
            guard held.isEmpty else {
                throw StoreError.holdsOpenCases(
                    login: login, count: held.count, purpose: "before the login is deactivated")
            }
        }
        try connection.execute("SELECT staff_deactivate(\(login), \(instant))")
        let granted = try connection.query(
            """
            SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
            WHERE r.rolname = \(login) AND m.roleid = 'redress_staff'::regrole
            """)
        guard granted.count > 0 else { return (change, reassigned) }
        do {
            _ = try connection.withSavepoint("staff_revoke") {
                try connection.execute("REVOKE redress_staff FROM \(identifier: login)")
            }
        } catch let error as PostgresError {
            change.advice =
                "\(login) can no longer read or change anything, but PostgreSQL refused to take redress_staff from it (\(error.message)); a database administrator should run: REVOKE redress_staff FROM \"\(login)\";"
        }
        return (change, reassigned)
    }

    /// Whether the connected login may create PostgreSQL roles.
    func mayCreateRoles() throws -> Bool {
        try connection.query("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user").first?
            .decode(Bool.self, at: 0) ?? false
    }

    /// `roles` without repeats, in the order given.
    static func unique(_ roles: [Role]) -> [Role] {
        var unique: [Role] = []
        for role in roles where !unique.contains(role) { unique.append(role) }
        return unique
    }

    static func rolesArray(_ roles: [Role]) -> PostgresTextArray {
        PostgresTextArray(unique(roles).map(\.rawValue))
    }

    struct LoginNotCreated: Error {}

    static func decode(_ row: PostgresRow) throws -> StaffMember {
        let roleNames = try row.decode(PostgresTextArray.self, at: 3).elements.compactMap { $0 }
        return StaffMember(
            login: try row.decode(String.self, at: 0), displayName: try row.decode(String?.self, at: 1),
            email: try row.decode(String?.self, at: 2), roles: roleNames.compactMap(Role.init(rawValue:)),
            active: try row.decode(Bool.self, at: 4))
    }
}
