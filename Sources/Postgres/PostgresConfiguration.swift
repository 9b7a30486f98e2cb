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

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.keys == rhs.keys && lhs.values == rhs.values }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
