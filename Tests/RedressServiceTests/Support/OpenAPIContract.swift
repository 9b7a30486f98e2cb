import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RedressService

/// The served OpenAPI document, read as JSON, and a check that an answer
/// keeps it: its status is documented for the operation, and its JSON body
/// validates against the documented schema (the JSON Schema subset the
/// document uses: type, properties, required, additionalProperties, items,
/// enum, const, oneOf, anyOf, $ref, format date and date-time).
struct OpenAPIContract: @unchecked Sendable {
    let document: [String: Any]

    init() throws {
        let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
        guard let document = object as? [String: Any] else { throw ContractError("the document is not a JSON object") }
        self.document = document
    }

    struct ContractError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var paths: [String: Any] { document["paths"] as? [String: Any] ?? [:] }

    /// Every documented operation as "METHOD /path/{template}".
    var operations: Set<String> {
        var out: Set<String> = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where Self.methods.contains(method) {
                out.insert("\(method.uppercased()) \(path)")
            }
        }
        return out
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    func operation(_ method: String, _ path: String) -> [String: Any]? {
        (paths[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
    }

    /// What is wrong with an answer to `method path` (empty when it keeps the document).
    func problems(method: String, path: String, status: Int, contentType: String?, body: Data) -> [String] {
        guard let operation = operation(method, path) else { return ["\(method) \(path) is not documented"] }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard
            var response = (responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"])
                as? [String: Any]
        else {
            return [
                "\(method) \(path) answered \(status), which the document does not list (it lists \(responses.keys.sorted()))"
            ]
        }
        if let ref = response["$ref"] as? String, let resolved = resolve(ref) { response = resolved }
        guard let content = response["content"] as? [String: Any], !content.isEmpty else {
            return body.isEmpty ? [] : ["\(method) \(path) \(status) has a body the document does not describe"]
        }
        let mediaType =
            (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return ["\(method) \(path) \(status) has content type '\(mediaType)', not one of \(content.keys.sorted())"]
        }
        guard mediaType.hasSuffix("json"), let schema = media["schema"] else { return [] }
        guard let value = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return ["\(method) \(path) \(status) body is not JSON"]
        }
        return validate(value, against: schema, at: "$")
    }

    func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    func validate(_ value: Any, against schemaValue: Any, at path: String) -> [String] {
        if let flag = schemaValue as? Bool { return flag ? [] : ["\(path): no value is allowed here"] }
        guard var schema = schemaValue as? [String: Any] else { return ["\(path): the schema is not an object"] }
        if let ref = schema["$ref"] as? String {
            guard let resolved = resolve(ref) else { return ["\(path): unresolvable \(ref)"] }
            schema = resolved
        }
        var problems: [String] = []
        if let options = schema["oneOf"] as? [Any] {
            let matching = options.filter { validate(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of the oneOf schemas, not exactly one") }
        }
        if let options = schema["anyOf"] as? [Any],
            !options.contains(where: { validate(value, against: $0, at: path).isEmpty })
        {
            problems.append("\(path): matches none of the anyOf schemas")
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            guard allowed.contains(where: { Self.isType(value, $0) }) else {
                return problems + [
                    "\(path): \(Self.describe(value)) where the document says \(allowed.joined(separator: " or "))"
                ]
            }
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.equal($0, value) }) {
            problems.append("\(path): \(Self.describe(value)) is not one of the enum values")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            problems.append("\(path): does not equal the const value")
        }
        if let text = value as? String, let format = schema["format"] as? String {
            switch format {
            case "date":
                if text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                    problems.append("\(path): '\(text)' is not a date")
                }
            case "date-time":
                if ISO8601DateFormatter().date(from: text) == nil {
                    problems.append("\(path): '\(text)' is not a date-time")
                }
            default: break
            }
        }
        if let object = value as? [String: Any], !(value is NSNull) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): required property '\(name)' is missing")
            }
            for (name, item) in object {
                if let propertySchema = properties[name] {
                    problems += validate(item, against: propertySchema, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    problems += validate(item, against: additional, at: "\(path).\(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, item) in array.enumerated() {
                problems += validate(item, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return (value as? NSNumber).map(isBool) ?? false
        case "integer":
            guard let number = value as? NSNumber, !isBool(number) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number":
            guard let number = value as? NSNumber else { return false }
            return !isBool(number)
        default: return false
        }
    }

    static func isBool(_ number: NSNumber) -> Bool {
        // JSONSerialization makes true and false NSNumbers of objCType "c".
        String(cString: number.objCType) == "c"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): return x == y
        case let (x as NSNumber, y as NSNumber): return x == y
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let text as String: return "string '\(text.prefix(40))'"
        case let number as NSNumber: return isBool(number) ? "boolean" : "number \(number)"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "\(type(of: value))"
        }
    }
}
