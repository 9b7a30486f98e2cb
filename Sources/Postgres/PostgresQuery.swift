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

        /// Adds `offset` to every `$n` parameter in `sql`, leaving alone the
        /// dollars inside string literals, quoted identifiers, comments,
        /// dollar-quoted bodies and identifiers such as `a$1`.
        static func renumber(_ sql: String, by offset: Int) -> String {
            let text = Array(sql.utf8)
            let end = text.count
            var out: [UInt8] = []
            out.reserveCapacity(end + 8)
            func isIdentifier(_ byte: UInt8) -> Bool {
                byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
            func isDigit(_ index: Int) -> Bool {
                index < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index])
            }
            /// The index just past a quoted run that starts at `start`.
            func skipQuoted(from start: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
                var index = start + 1
                while index < end {
                    if backslashEscapes, text[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if text[index] == quote {
                        if index + 1 < end, text[index + 1] == quote {
                            index += 2
                            continue
                        }
                        return index + 1
                    }
                    index += 1
                }
                return end
            }
            var index = 0
            while index < end {
                let byte = text[index]
                let next: UInt8? = index + 1 < end ? text[index + 1] : nil
                var stop = index + 1
                switch byte {
                case UInt8(ascii: "'"):
                    let escapes =
                        index > 0 && (text[index - 1] | 0x20) == UInt8(ascii: "e")
                        && (index < 2 || !isIdentifier(text[index - 2]))
                    stop = skipQuoted(from: index, quote: byte, backslashEscapes: escapes)
                case UInt8(ascii: "\""):
                    stop = skipQuoted(from: index, quote: byte, backslashEscapes: false)
                case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                    stop = text[index...].firstIndex(of: UInt8(ascii: "\n")) ?? end
                case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                    // Block comments nest in PostgreSQL.
                    var depth = 0
                    stop = index
                    while stop < end {
                        if text[stop] == UInt8(ascii: "/"), stop + 1 < end, text[stop + 1] == UInt8(ascii: "*") {
                            depth += 1
                            stop += 2
                        } else if text[stop] == UInt8(ascii: "*"), stop + 1 < end, text[stop + 1] == UInt8(ascii: "/") {
                            depth -= 1
                            stop += 2
                            if depth == 0 { break }
                        } else {
                            stop += 1
                        }
                    }
                case UInt8(ascii: "$") where index == 0 || !isIdentifier(text[index - 1]):
                    if isDigit(index + 1) {
                        var number = 0
                        stop = index + 1
                        while isDigit(stop) {
                            number = number * 10 + Int(text[stop] - UInt8(ascii: "0"))
                            stop += 1
                        }
                        out += Array("$\(number + offset)".utf8)
                        index = stop
                        continue
                    }
                    // A dollar-quoted body: $tag$ ... $tag$, copied as it is.
                    var tagEnd = index + 1
                    while tagEnd < end, text[tagEnd] != UInt8(ascii: "$"), isIdentifier(text[tagEnd]) { tagEnd += 1 }
                    if tagEnd < end, text[tagEnd] == UInt8(ascii: "$") {
                        let tag = Array(text[index...tagEnd])
                        var search = tagEnd + 1
                        stop = end
                        while search + tag.count <= end {
                            if Array(text[search..<(search + tag.count)]) == tag {
                                stop = search + tag.count
                                break
                            }
                            search += 1
                        }
                    }
                default:
                    break
                }
                out += text[index..<stop]
                index = stop
            }
            return String(decoding: out, as: UTF8.self)
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
