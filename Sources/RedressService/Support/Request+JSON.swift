import Foundation
public import Hummingbird
import RedressCore

/// A request body the service reads: JSON with a known set of fields.
public protocol JSONRequestBody: Decodable, Sendable {
    /// Every field the body may have; any other is refused, so a misspelt
    /// field is reported instead of silently ignored.
    static var fields: Set<String> { get }
}

extension Request {
    /// Reads the body as JSON of type `T`, refusing a body over `limit`
    /// bytes (413), a body not declared `application/json` (415), and
    /// anything that is not a JSON object of `T`'s fields (400).
    ///
    /// The media type matters: a web page can make a visitor's browser send
    /// `text/plain` or form bodies to any site without asking, but not JSON.
    public mutating func decodeJSON<T: JSONRequestBody>(_ type: T.Type, limit: Int, allowEmpty: Bool = false)
        async throws -> T
    {
        let declared = headers[.contentType]
        if let declared, !JSONBody.isJSON(declared) { throw ServiceError.unsupportedMediaType }
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceError.tooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A chunked body has no length to check first: it is cut off at the limit.
            throw ServiceError.tooLarge(limit: limit)
        }
        let data = Data(buffer.readableBytesView)
        if declared == nil, !(allowEmpty && data.isEmpty) { throw ServiceError.unsupportedMediaType }
        return try JSONBody.decode(T.self, from: allowEmpty && data.isEmpty ? Data("{}".utf8) : data)
    }
}

enum JSONBody {
    /// Whether a Content-Type names JSON: `application/json`, with parameters or not.
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return media.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    static func decode<T: JSONRequestBody>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw ServiceError.malformed("the request has no body: send a JSON object") }
        guard String(data: data, encoding: .utf8) != nil else {
            throw ServiceError.malformed("the body is not valid UTF-8: send JSON text in UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ServiceError.malformed("the body is not valid JSON: check quotes, commas and brackets")
        }
        guard let dictionary = object as? [String: Any] else {
            throw ServiceError.malformed("the body must be a JSON object")
        }
        let unknown = Set(dictionary.keys).subtracting(T.fields).sorted()
        if let first = unknown.first {
            throw ServiceError.malformed(
                "unknown field \(quoted(first)): the fields are \(T.fields.sorted().joined(separator: ", "))")
        }
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ServiceError.malformed(sentence(for: error))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError.malformed("the body could not be read as this request's JSON object")
        }
    }

    /// One sentence naming the field at fault, never quoting its value.
    static func sentence(for error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case let .keyNotFound(key, context):
            let full = path(context.codingPath + [key])
            return "field \(quoted(full)) is missing"
        case let .valueNotFound(_, context):
            return "field \(quoted(path(context.codingPath))) must not be null"
        case let .typeMismatch(type, context):
            return "field \(quoted(path(context.codingPath))) must be \(describe(type))"
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            // Value types of the domain explain themselves in their debug description.
            let reason = context.debugDescription.isEmpty ? "has an invalid value" : context.debugDescription
            return field.isEmpty ? reason : "field \(quoted(field)): \(reason)"
        @unknown default:
            return "the body could not be read"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return type is any Collection.Type ? "a list" : "an object or value of the documented kind"
        }
    }

    static func quoted(_ text: String) -> String {
        // Field names come from the client: keep them short and printable.
        let clean = String(
            text.unicodeScalars.filter { !$0.isControlCharacter }.prefix(64).map(Character.init))
        return "'\(clean)'"
    }
}
