public import HTTPTypes

/// A refusal the service answers with: an HTTP status, a stable code and
/// one sentence that says what to do.
///
/// Messages never carry complainant data or bind values; they may quote a
/// case reference or a field name.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A stable, machine-readable name for the kind of refusal.
    public var code: String
    public var message: String
    /// Extra headers, such as `Retry-After` or `WWW-Authenticate`.
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// 400: the request could not be read.
    public static func malformed(_ message: String) -> ServiceError {
        ServiceError(.badRequest, code: "malformed", message: message)
    }

    /// 401: no bearer token, or one that is unknown, revoked or expired.
    public static func unauthorized(
        _ message: String =
            "this endpoint needs a valid staff token: send 'Authorization: Bearer TOKEN' (issued by 'redress staff token create')"
    ) -> ServiceError {
        ServiceError(
            .unauthorized, code: "unauthorized", message: message,
            headers: [.wwwAuthenticate: "Bearer realm=\"redress\""])
    }

    /// 403: the token is good but its staff member's role may not do this.
    public static func forbidden(_ message: String) -> ServiceError {
        ServiceError(.forbidden, code: "forbidden", message: message)
    }

    /// 404: no such case, route or record.
    public static func notFound(_ message: String) -> ServiceError {
        ServiceError(.notFound, code: "not_found", message: message)
    }

    /// 405: the path exists, but not for this method.
    public static func methodNotAllowed(_ method: String, allowed: [String]) -> ServiceError {
        ServiceError(
            .methodNotAllowed, code: "method_not_allowed",
            message: "this path does not take \(method): use \(allowed.joined(separator: " or "))",
            headers: [.allow: allowed.joined(separator: ", ")])
    }

    /// 409: someone else changed the same records at the same moment.
    public static func conflict(
        _ message: String = "someone else changed the same records at the same moment: look again and retry"
    ) -> ServiceError {
        ServiceError(.conflict, code: "conflict", message: message)
    }

    /// 413: the body is larger than the service accepts.
    public static func tooLarge(limit: Int) -> ServiceError {
        ServiceError(
            .contentTooLarge, code: "too_large",
            message: "the request body is larger than \(limit / 1024) KiB: send less")
    }

    /// 415: the body is not declared as JSON.
    public static let unsupportedMediaType = ServiceError(
        .unsupportedMediaType, code: "unsupported_media_type",
        message: "the body must be JSON: send it with 'Content-Type: application/json'")

    /// 422: well-formed, but the rules refuse it.
    public static func refused(_ message: String) -> ServiceError {
        ServiceError(.unprocessableContent, code: "refused", message: message)
    }

    /// 429: this client sent too many requests; `retryAfter` in whole seconds.
    public static func rateLimited(retryAfter: Int) -> ServiceError {
        ServiceError(
            .tooManyRequests, code: "rate_limited",
            message:
                "too many requests from this client: wait \(retryAfter) second\(retryAfter == 1 ? "" : "s") and try again",
            headers: [.retryAfter: String(retryAfter)])
    }

    /// 503: the database cannot be reached now.
    public static func databaseUnavailable(retryAfter: Int = 5) -> ServiceError {
        ServiceError(
            .serviceUnavailable, code: "database_unavailable",
            message: "the database is not reachable at the moment: try again shortly",
            headers: [.retryAfter: String(retryAfter)])
    }

    /// 503: the database took longer than the statement time limit (`--statement-timeout`),
    /// usually waiting on a lock another session holds; the work was rolled back.
    public static func databaseTimedOut(retryAfter: Int = 5) -> ServiceError {
        ServiceError(
            .serviceUnavailable, code: "database_timeout",
            message: "the database did not answer in time: try again shortly",
            headers: [.retryAfter: String(retryAfter)])
    }

    /// 500: a fault of the service itself; details go to the log only.
    public static let internalFault = ServiceError(
        .internalServerError, code: "internal",
        message:
            "the service failed to answer this request; the fault is logged: try again, and tell the office if it persists"
    )
}
