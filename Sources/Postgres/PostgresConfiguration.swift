/// How to reach a server, in libpq's own terms.
///
/// Values are passed to `PQconnectdbParams` as keyword/value pairs, never
/// spliced into a conninfo string. Anything not given is taken by libpq from
/// `PG*` variables, `~/.pgpass` and service files, as psql does.
public struct PostgresConfiguration: Sendable, Hashable {
    /// Keyword/value pairs in libpq's vocabulary (`host`, `port`, `dbname`, ...).
    public var parameters: [(String, String)] {
        get { keys.indices.map { (keys[$0], values[$0]) } }
        set {
            keys = newValue.map(\.0)
            values = newValue.map(\.1)
        }
    }
    private var keys: [String] = []
    private var values: [String] = []

    public init(parameters: [(String, String)] = []) {
        self.parameters = parameters
    }

    /// A `postgresql://` URI or a `key=value` conninfo string, expanded by libpq.
    public init(url: String) {
        self.init(parameters: [("dbname", url)])
    }

    /// Everything from libpq's environment (`PGHOST`, `PGDATABASE`, `PGSERVICE`, ...).
    public static let environment = PostgresConfiguration()

    /// Returns a copy with a parameter set (replacing an earlier one of that name).
    public func with(_ key: String, _ value: String) -> PostgresConfiguration {
        var copy = self
        copy.parameters = parameters.filter { $0.0 != key } + [(key, value)]
        return copy
    }

    /// Returns a copy whose sessions start with the server setting `name` at `value`
    /// (`-c name=value` in libpq's `options`), as `ALTER ROLE ... SET` would, but for this
    /// client only; it takes precedence over the role's and the database's settings.
    public func withSessionSetting(_ name: String, _ value: String) -> PostgresConfiguration {
        // libpq splits `options` at white space; a backslash keeps a space (or itself) in a value.
        var escaped = ""
        for character in value {
            if character == "\\" || character.isWhitespace { escaped.append("\\") }
            escaped.append(character)
        }
        let setting = "-c \(name)=\(escaped)"
        let earlier = parameters.last(where: { $0.0 == "options" })?.1
        return with("options", earlier.map { "\($0) \(setting)" } ?? setting)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.keys == rhs.keys && lhs.values == rhs.values }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
