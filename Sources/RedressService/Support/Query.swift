import Foundation
import Hummingbird
import RedressCore

/// The query parameters of a request, read strictly: a parameter the
/// operation does not know, given twice, or with a bad value is a 400
/// that names it.
struct Query {
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "it takes none" : "it takes \(allowed.sorted().joined(separator: ", "))"
                throw ServiceError.malformed("unknown query parameter '\(String(name.prefix(40)))': \(known)")
            }
            guard values[name] == nil else { throw ServiceError.malformed("query parameter '\(name)' is given twice") }
            guard !value.unicodeScalars.contains(where: \.isControlCharacter) else {
                throw ServiceError.malformed("query parameter '\(name)' contains a control character")
            }
            values[name] = String(value)
        }
    }

    func string(_ name: String) -> String? {
        values[name]
    }

    func bool(_ name: String) throws -> Bool {
        switch values[name] {
        case nil, "false": return false
        case "true": return true
        default: throw ServiceError.malformed("query parameter '\(name)' must be true or false")
        }
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ServiceError.malformed(
                "query parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func date(_ name: String) throws -> LocalDate? {
        guard let text = values[name] else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw ServiceError.malformed("query parameter '\(name)' must be a date written YYYY-MM-DD")
        }
        return date
    }

    func value<T: RawRepresentable>(_ name: String, as type: T.Type) throws -> T?
    where T.RawValue == String, T: CaseIterable {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw ServiceError.malformed(
                "query parameter '\(name)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
