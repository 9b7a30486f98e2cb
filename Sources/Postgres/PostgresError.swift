/// An error reported by libpq or the server.
///
/// The plain description carries the server's message, SQLSTATE and
/// constraint only: never bind values or row data, because complaints are
/// personal data. `debugDescription` adds detail and hint for logs that an
/// operator reads.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Equatable {
        /// The connection could not be made or was lost.
        case connection
        /// The connection settings could not be read (a malformed URL or conninfo).
        case configuration
        /// The server rejected a statement.
        case server
        /// A value could not be decoded into the asked Swift type.
        case decoding
        /// The client was used wrongly (e.g. a COPY while not in COPY state).
        case client
    }

    public var kind: Kind
    public var message: String
    /// Five-character SQLSTATE, when the server sent one.
    public var sqlState: String?
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var description: String {
        var text = Self.withoutQuotedValues(message, sqlState: sqlState)
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }

    public var debugDescription: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let constraint { text += " [constraint \(constraint)]" }
        if let detail { text += "; detail: \(detail)" }
        if let hint { text += "; hint: \(hint)" }
        return text
    }

    /// Data exceptions (SQLSTATE class 22) quote the value the server could
    /// not take, as in `invalid input syntax for type date: "..."`: a bind or
    /// a column's content. Those quoted values are left out.
    static func withoutQuotedValues(_ message: String, sqlState: String?) -> String {
        guard sqlState?.hasPrefix("22") == true else { return message }
        var out = ""
        var quoted = false
        for character in message {
            if character == "\"" {
                out.append(character)
                if !quoted { out += "…" }
                quoted.toggle()
            } else if !quoted {
                out.append(character)
            }
        }
        return out
    }

    /// Serialization failure or deadlock: the transaction may simply be retried.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    /// Lock not available (NOWAIT) or the statement was cancelled by lock_timeout.
    public var isLockNotAvailable: Bool { sqlState == "55P03" }
    public var isConnectionFailure: Bool {
        kind == .connection || (sqlState?.hasPrefix("08") ?? false) || sqlState == "57P01"
    }
}
