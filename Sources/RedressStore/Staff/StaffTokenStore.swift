public import Foundation
public import Postgres
public import RedressCore

/// When a staff token stops working.
public enum TokenExpiry: Sendable, Hashable {
    /// At the end of this office-local date (midnight after it, office time).
    case endOf(LocalDate)
    /// At this instant.
    case at(Date)
}

/// A token as issued: the only time its secret is shown.
public struct IssuedStaffToken: Sendable, Encodable {
    public var id: Int64
    public var login: String
    /// `rdt_<id>_<secret>`, for the `Authorization: Bearer` header.
    public var token: String
    public var expiresAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, login, token
        case expiresAt = "expires_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(login, forKey: .login)
        try c.encode(token, forKey: .token)
        try c.encode(expiresAt, forKey: .expiresAt)
    }
}

/// A token as listed: never its secret.
public struct StaffTokenInfo: Sendable, Encodable {
    public var id: Int64
    public var login: String
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var revokedBy: String?
    /// `active`, `expired` or `revoked`.
    public var state: String

    enum CodingKeys: String, CodingKey {
        case id, login, state
        case createdAt = "created_at"
        case createdBy = "created_by"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
        case revokedBy = "revoked_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(login, forKey: .login)
        try c.encode(state, forKey: .state)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(revokedAt, forKey: .revokedAt)
        try c.encode(revokedBy, forKey: .revokedBy)
    }
}

/// Why a token was refused, when issued, revoked or presented.
public enum StaffTokenError: Error, Sendable, Hashable {
    case notFound(id: Int64)
    case expiryNotInFuture(Date)
    /// The bearer token is not one Redress issued (or its secret is wrong).
    case invalid
    case revoked
    case expired
    /// The token's staff member is deactivated.
    case staffInactive
}

extension StaffTokenError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .notFound: return .notFound
        case .expiryNotInFuture: return .badInput
        case .invalid, .revoked, .expired, .staffInactive: return .unauthenticated
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .notFound: return .command("staff token list")
        case .invalid: return .command("staff token create LOGIN")
        default: return nil
        }
    }

    /// The refusals of a presented token keep the words the service has always answered with.
    public var message: String {
        switch self {
        case let .notFound(id):
            return "No staff token has the id \(id); check the id."
        case let .expiryNotInFuture(date):
            return "The expiry \(date.formatted(.iso8601)) is not in the future; give a later date."
        case .invalid:
            return "the bearer token is not a valid staff token: ask an admin for one"
        case .revoked:
            return "this staff token was revoked: ask an admin for a new one"
        case .expired:
            return "this staff token has expired: ask an admin for a new one"
        case .staffInactive:
            return "the staff member of this token is deactivated"
        }
    }
}

/// Staff tokens for the HTTP service: issued and revoked by admins through database
/// functions that check the admin and audit the change, stored as SHA-256 digests of their
/// secrets (computed here), checked on every staff request.
public struct StaffTokenStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    static let prefix = "rdt_"

    /// `rdt_<id>_<secret>` split into its id and secret, or nil when the text is not one.
    static func parse(_ token: String) -> (id: Int64, secret: Substring)? {
        guard token.hasPrefix(prefix) else { return nil }
        let rest = token.dropFirst(prefix.count)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let idText = rest[..<separator]
        guard idText.utf8.count <= 18, idText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int64(idText)
        else { return nil }
        let secret = rest[rest.index(after: separator)...]
        guard Secret.isWellFormed(secret) else { return nil }
        return (id, secret)
    }

    /// Issues a token for the active staff member `login`; the actor must be an admin.
    /// Call inside a transaction: the database function `staff_token_issue` writes the token
    /// and its audit row together, and checks again that the login is an admin's.
    public func create(login: String, expires: TokenExpiry?, actor: Actor, at instant: Date) throws -> IssuedStaffToken
    {
        try actor.require(.manageOffice)
        guard let member = try StaffStore(connection).member(login) else { throw StoreError.staffNotFound(login) }
        guard member.active else { throw StoreError.inactiveStaff(login: login) }
        let expiresAt = try expires.map { try expiryInstant($0) }
        if let expiresAt, expiresAt <= instant { throw StaffTokenError.expiryNotInFuture(expiresAt) }
        let secret = Secret.make()
        let id = try connection.query(
            "SELECT staff_token_issue(\(login), \(Secret.digest(secret)), \(instant), \(expiresAt))"
        ).first!.decode(Int64.self, at: 0)
        return IssuedStaffToken(id: id, login: login, token: "\(Self.prefix)\(id)_\(secret)", expiresAt: expiresAt)
    }

    /// Revokes token `id` at once; revoking a revoked token changes nothing.
    /// Call inside a transaction.
    public func revoke(id: Int64, actor: Actor, at instant: Date) throws {
        try actor.require(.manageOffice)
        let revoked = try connection.query("SELECT staff_token_revoke(\(id), \(instant))").first!
            .decode(Bool?.self, at: 0)
        guard revoked != nil else { throw StaffTokenError.notFound(id: id) }
    }

    /// Every token, newest first, without secrets; the actor must be an admin.
    public func list(actor: Actor, at instant: Date) throws -> [StaffTokenInfo] {
        try actor.require(.manageOffice)
        return try connection.query(
            """
            SELECT id, staff_login, created_at, created_by, expires_at, revoked_at, revoked_by,
                CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
                     WHEN expires_at IS NOT NULL AND expires_at <= \(instant) THEN 'expired'
                     ELSE 'active' END
            FROM staff_token ORDER BY id DESC
            """
        ).map { row in
            StaffTokenInfo(
                id: try row.decode(Int64.self, at: 0), login: try row.decode(String.self, at: 1),
                createdAt: try row.decode(Date.self, at: 2), createdBy: try row.decode(String.self, at: 3),
                expiresAt: try row.decode(Date?.self, at: 4), revokedAt: try row.decode(Date?.self, at: 5),
                revokedBy: try row.decode(String?.self, at: 6), state: try row.decode(String.self, at: 7))
        }
    }

    /// The staff member a bearer token stands for, or the refusal saying why not.
    ///
    /// Only the digest of the secret given is sent; the database finds the token by id and
    /// digest together, so an unknown id and a wrong secret get the same answer.
    public func authenticate(bearer token: String, at instant: Date) throws -> Actor {
        guard let (id, secret) = Self.parse(token) else { throw StaffTokenError.invalid }
        let row = try connection.query(
            "SELECT state, login, roles FROM staff_token_check(\(id), \(Secret.digest(secret)), \(instant))"
        ).first!
        switch try row.decode(String.self, at: 0) {
        case "active":
            let roles = try row.decode(PostgresTextArray.self, at: 2).elements.compactMap {
                $0.flatMap(Role.init(rawValue:))
            }
            return Actor(login: try row.decode(String.self, at: 1), roles: Set(roles))
        case "revoked": throw StaffTokenError.revoked
        case "expired": throw StaffTokenError.expired
        case "inactive": throw StaffTokenError.staffInactive
        default: throw StaffTokenError.invalid
        }
    }

    /// The instant an expiry names: the midnight that ends a date, office time.
    func expiryInstant(_ expiry: TokenExpiry) throws -> Date {
        switch expiry {
        case let .at(date):
            return date
        case let .endOf(date):
            let zone = try OfficeStore(connection).clock().timeZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let next = date + 1
            let components = DateComponents(year: next.year, month: next.month, day: next.day)
            guard let instant = calendar.date(from: components) else {
                throw StoreError.invalid("\(date.iso) cannot be turned into an instant in \(zone.identifier).")
            }
            return instant
        }
    }
}
