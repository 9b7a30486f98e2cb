public import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import Postgres
import RedressCore
import RedressStore

extension ServiceError {
    /// The JSON body every error answer has: `{"error": {"status", "code", "message"}}`.
    struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var code: String
            var message: String
        }
        var error: Detail
    }

    /// The answer for this error: JSON, never cached.
    public func response() -> Response {
        let body = Body(error: .init(status: status.code, code: code, message: message))
        let data = (try? JSONEncoder.service.encode(body)) ?? Data(#"{"error":{"status":500,"code":"internal","message":"error"}}"#.utf8)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Translates any error a handler threw into the answer a client gets.
    /// Faults of the service itself are logged by type and SQLSTATE only.
    public static func from(_ error: any Error, logger: Logger) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as HTTPError:
            return from(httpError: error)
        case let error as any HTTPResponseError:
            return ServiceError(error.status, code: code(for: error.status), message: error.status.reasonPhrase.lowercased())
        case let error as PostgresError:
            return from(postgresError: error, logger: logger)
        case let error as CaseError:
            switch error {
            case .invalidReference:
                return .malformed(error.description)
            case .transitionNotAllowed, .missingData, .outcomeNotAllowed:
                return .refused(error.description)
            }
        case let error as StoreError:
            switch error {
            case .notPermitted, .notStaff, .inactiveStaff:
                return .forbidden(error.description)
            default:
                switch error.kind {
                case .invalidInput: return .malformed(error.description)
                case .notFound: return .notFound(error.description)
                case .refused, .failure: return .refused(error.description)
                case .conflict: return .conflict(error.description)
                }
            }
        case let error as ResolutionError:
            switch error {
            case .remedyNotFound, .requestNotFound: return .notFound(error.description)
            case .invalidAmount, .invalidCurrency, .unknownRemedyKind, .blankBody: return .malformed(error.description)
            default: return .refused(error.description)
            }
        case let error as CalendarError:
            return .malformed(error.description)
        case let error as PolicyError:
            return .refused(error.description)
        case let error as ClockError:
            return .refused(error.description)
        case let error as StaffTokenError:
            switch error {
            case .notFound: return .notFound(error.description)
            case .expiryNotInFuture: return .malformed(error.description)
            }
        case is DatabaseWaitAbandoned:
            return .databaseUnavailable()
        default:
            logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return .internalFault
        }
    }

    static func from(httpError error: HTTPError) -> ServiceError {
        switch error.status {
        case .notFound:
            return .notFound("no such endpoint: the endpoints are listed in /openapi.json")
        case .contentTooLarge:
            return .tooLarge(limit: 64 * 1024)
        case .badRequest:
            return .malformed(error.body ?? "the request could not be read")
        default:
            return ServiceError(error.status, code: code(for: error.status), message: error.body ?? error.status.reasonPhrase.lowercased(), headers: error.headers)
        }
    }

    static func from(postgresError error: PostgresError, logger: Logger) -> ServiceError {
        if error.isConnectionFailure || error.sqlState == "57P03" || error.sqlState == "53300" {
            logger.warning("database unavailable", metadata: ["db.sqlstate": "\(error.sqlState ?? "none")"])
            return .databaseUnavailable()
        }
        if error.isRetryable || error.isLockNotAvailable {
            return .conflict()
        }
        logger.error("database refused a statement", metadata: [
            "db.sqlstate": "\(error.sqlState ?? "none")",
            "db.constraint": "\(error.constraint ?? "none")",
        ])
        return .internalFault
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "malformed"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not_found"
        case 405: return "method_not_allowed"
        case 409: return "conflict"
        case 413: return "too_large"
        case 422: return "refused"
        case 429: return "rate_limited"
        case 503: return "unavailable"
        default: return status.code >= 500 ? "internal" : "error"
        }
    }
}

extension JSONEncoder {
    /// How the service writes JSON: sorted keys, dates as ISO 8601.
    public static var service: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
