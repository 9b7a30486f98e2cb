public import RedressCore

/// The staff member a command runs as: the connected login's staff record.
public struct Actor: Sendable, Hashable {
    /// The PostgreSQL login.
    public var login: String
    /// The roles it holds.
    public var roles: Set<Role>

    public init(login: String, roles: Set<Role>) {
        self.login = login
        self.roles = roles
    }

    /// Whether the actor holds a role that grants `permission`.
    public func may(_ permission: Permission) -> Bool {
        !roles.isDisjoint(with: permission.roles)
    }

    /// Throws `StoreError.notPermitted` unless the actor may do `permission`.
    public func require(_ permission: Permission) throws {
        guard may(permission) else {
            throw StoreError.notPermitted(login: login, action: permission.phrase, allowed: permission.roles)
        }
    }

    /// Whether the actor may see the complainant's identity on a case assigned to `assignee`:
    /// the assignee, supervisors and the ombudsperson may (SPEC §3.2).
    public func maySeeIdentity(assignee: String?) -> Bool {
        roles.contains(.supervisor) || roles.contains(.ombudsperson) || (assignee != nil && assignee == login)
    }
}
