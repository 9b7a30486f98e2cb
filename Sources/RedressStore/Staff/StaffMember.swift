public import RedressCore

/// A member of staff: a PostgreSQL login with its roles.
public struct StaffMember: Sendable, Hashable, Codable {
    public var login: String
    public var displayName: String?
    public var email: String?
    public var roles: [Role]
    public var active: Bool

    public init(login: String, displayName: String? = nil, email: String? = nil, roles: [Role], active: Bool = true) {
        self.login = login
        self.displayName = displayName
        self.email = email
        self.roles = roles
        self.active = active
    }

    /// The member as the actor of a command.
    public var actor: Actor { Actor(login: login, roles: Set(roles)) }

    enum CodingKeys: String, CodingKey {
        case login
        case displayName = "display_name"
        case email
        case roles
        case active
    }
}
