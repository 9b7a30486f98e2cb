/// A SQL statement whose values travel only as `$n` parameters.
///
/// Each `\(value)` in a query literal becomes a bind parameter; the SQL text
/// itself can only come from string literals or from `unsafeSQL:`, which says
/// what it is.
///
///     let q: PostgresQuery = "SELECT id FROM complaint_case WHERE reference = \(ref)"
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var sql: String
    public private(set) var binds: [PostgresBind]

    public init(unsafeSQL sql: String, binds: [PostgresBind] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// Appends another query, renumbering its parameters.
    public mutating func append(_ other: PostgresQuery) {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        interpolation.sql = sql
        interpolation.binds = binds
        interpolation.appendInterpolation(other)
        sql = interpolation.sql
        binds = interpolation.binds
    }

    /// The SQL text only; binds are never printed.
    public var description: String { sql }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(PostgresBind(value))
            sql += "$\(binds.count)"
        }

        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(value.map(PostgresBind.init) ?? PostgresBind(nullOf: Value.self))
            sql += "$\(binds.count)"
        }

        /// A nested query fragment; its `$n` are renumbered to follow ours.
        public mutating func appendInterpolation(_ fragment: PostgresQuery) {
            let offset = binds.count
            binds += fragment.binds
            sql += offset == 0 ? fragment.sql : Self.renumber(fragment.sql, by: offset)
        }

        /// A quoted identifier (table, schema, channel name).
        public mutating func appendInterpolation(identifier: String) {
            sql += "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
        }

        /// Raw SQL text: only for trusted, constant fragments.
        public mutating func appendInterpolation(unsafeSQL text: String) {
            sql += text
        }

        static func renumber(_ sql: String, by offset: Int) -> String {
            var out = ""
            var chars = sql.makeIterator()
            var pending: Character? = nil
            while let c = pending ?? chars.next() {
                pending = nil
                guard c == "$" else { out.append(c); continue }
                var digits = ""
                while let d = chars.next() {
                    if d.isASCII, d.isNumber { digits.append(d) } else { pending = d; break }
                }
                if let n = Int(digits) { out += "$\(n + offset)" } else { out += "$" + digits }
            }
            return out
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
