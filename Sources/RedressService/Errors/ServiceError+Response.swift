public import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
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
        let data =
            (try? JSONEncoder.service.encode(body))
            ?? Data(#"{"error":{"status":500,"code":"internal","message":"error"}}"#.utf8)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Translates any error a handler threw into the answer a client gets: Redress's own
    /// errors by their kind, in one table. Faults are logged by type only.
    public static func from(_ error: any Error, logger: Logger) -> ServiceError {
        switch StoreError.reading(error) {
        case let error as ServiceError:
            return error
        case let error as HTTPError:
            return from(httpError: error)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return .tooLarge(limit: 64 * 1024)
        case let error as any HTTPResponseError:
            return ServiceError(
                error.status, code: code(for: error.status), message: error.status.reasonPhrase.lowercased())
        case is DatabaseWaitAbandoned:
            return .databaseUnavailable()
        case let error as any RedressError:
            let message = error.rendered(hint: \.service)
            switch error.kind {
            case .badInput: return .malformed(message)
            case .notFound: return .notFound(message)
            case .unauthenticated: return .unauthorized(message)
            case .forbidden: return .forbidden(message)
            case .refused: return .refused(message)
            case .conflict: return .conflict(message)
            case .unavailable:
                if (error as? StoreError) == .timedOut {
                    logger.warning("database statement timed out")
                    return .databaseTimedOut()
                }
                logger.warning("database unavailable", metadata: ["error.type": "\(type(of: error))"])
                return .databaseUnavailable()
            case .failure:
                logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                return .internalFault
            }
        case let other:
            logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: other)))"])
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
            return ServiceError(
                error.status, code: code(for: error.status),
                message: error.body ?? error.status.reasonPhrase.lowercased(), headers: error.headers)
        }
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
        case 415: return "unsupported_media_type"
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

extension ErrorHint {
    /// The hint in the service's terms: JSON fields and endpoints; steps only the command
    /// line offers are left out.
    var service: String? {
        switch self {
        case let .give(fields):
            return (fields.count == 1 ? "field " : "fields ") + fields.map { "\"\($0)\"" }.joined(separator: ", ")
        case let .choose(field, values):
            return "field \"\(field)\": " + values.map { "\"\($0)\"" }.joinedAsList(conjunction: "or")
        case let .reread(reference): return "GET /v1/cases/\(reference)"
        case .command: return nil
        }
    }
}
