public import RedressCore

/// The staff member behind a bearer token: the actor of what the request does.
public struct StaffIdentity: Sendable, Equatable {
    /// The staff record's id.
    public var id: Int64
    /// The staff member's login (their PostgreSQL role name).
    public var login: String
    public var role: Role
    /// The token the request came with.
    public var tokenID: Int64

    public init(id: Int64, login: String, role: Role, tokenID: Int64) {
        self.id = id
        self.login = login
        self.role = role
        self.tokenID = tokenID
    }
}
