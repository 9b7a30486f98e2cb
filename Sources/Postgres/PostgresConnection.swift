import CLibPQ
import Foundation

/// One connection to PostgreSQL, used by one owner at a time.
///
/// Calls block the calling thread. In async code, reach connections through
/// `PostgresConnectionPool`, which runs them on threads of its own.
public final class PostgresConnection: @unchecked Sendable {
    let conn: OpaquePointer
    private var closed = false

    /// Session settings every connection runs with, so that values decode the
    /// same whatever the server's defaults: UTC instants in ISO style, UTF-8.
    static let sessionOptions = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=iso_8601 -c extra_float_digits=3"

    private init(conn: OpaquePointer) {
        self.conn = conn
    }

    deinit { close() }

    /// Connects, or throws a `.connection` error naming the host and port
    /// (never the password).
    public static func connect(_ configuration: PostgresConfiguration = .environment, applicationName: String = "redress") throws(PostgresError) -> PostgresConnection {
        var pairs = configuration.parameters
        let expand = pairs.first?.0 == "dbname" ? 1 : 0
        if !pairs.contains(where: { $0.0 == "fallback_application_name" }) {
            pairs.append(("fallback_application_name", applicationName))
        }
        pairs.append(("options", sessionOptions))
        pairs.append(("client_encoding", "UTF8"))

        let keys = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer { keys.forEach { free($0) }; values.forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let conn = PQconnectdbParams(keyPointers, valuePointers, Int32(expand)) else {
            throw PostgresError(kind: .connection, message: "cannot connect to PostgreSQL: out of memory")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let error = connectionError(conn)
            PQfinish(conn)
            throw error
        }
        // Server notices (NOTICE, WARNING) are not errors; libpq would print
        // them on stderr, in the middle of a command's output.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        return PostgresConnection(conn: conn)
    }

    /// One sentence for a failed connect: where, and libpq's first reason.
    static func connectionError(_ conn: OpaquePointer) -> PostgresError {
        let host = PQhost(conn).map { String(cString: $0) } ?? ""
        let port = PQport(conn).map { String(cString: $0) } ?? ""
        let raw = String(cString: PQerrorMessage(conn))
        // libpq says 'connection to server at "h" (a), port p failed: reason\n\thint'.
        var reason = raw.split(separator: "\n").first.map(String.init) ?? raw
        if let range = reason.range(of: "failed: ") { reason = String(reason[range.upperBound...]) }
        reason = reason.trimmingCharacters(in: .whitespaces)
        let place = host.hasPrefix("/") ? "socket \(host)/.s.PGSQL.\(port)" : "\(host):\(port)"
        return PostgresError(kind: .connection, message: "cannot connect to PostgreSQL at \(place): \(reason)")
    }

    /// Closes the connection; further calls fail. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        PQfinish(conn)
    }

    /// False once the connection was lost.
    public var isHealthy: Bool { !closed && PQstatus(conn) == CONNECTION_OK }

    /// Where this connection went: host or socket folder, port, user, database.
    public var host: String { PQhost(conn).map { String(cString: $0) } ?? "" }
    public var port: String { PQport(conn).map { String(cString: $0) } ?? "" }
    public var user: String { PQuser(conn).map { String(cString: $0) } ?? "" }
    public var database: String { PQdb(conn).map { String(cString: $0) } ?? "" }

    /// A URL that reaches the same server as this connection, for database `name`.
    public func url(database name: String) -> String {
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }
        var url = "postgresql://\(encode(user))@"
        if !host.hasPrefix("/") { url += host }
        url += ":\(port)/\(encode(name))"
        if host.hasPrefix("/") { url += "?host=\(encode(host))" }
        return url
    }

    /// The server's process id for this session.
    public var backendPID: Int { Int(PQbackendPID(conn)) }

    // MARK: Queries

    /// Runs one statement and returns all its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws(PostgresError) -> PostgresRows {
        let result = withParameters(query) { count, types, values in
            PQexecParams(conn, query.sql, count, types, values, nil, nil, 0)
        }
        return try check(result)
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws(PostgresError) -> Int {
        try self.query(query).affectedRows
    }

    /// Runs SQL text that may hold several statements and no parameters (a
    /// migration file, `BEGIN`). The text must come from a trusted source.
    public func execute(unsafeSQL sql: String) throws(PostgresError) {
        _ = try check(PQexec(conn, sql))
    }

    func withParameters<R>(_ query: PostgresQuery, _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let binds = query.binds
        if binds.isEmpty { return body(0, nil, nil) }
        let types = binds.map { Oid($0.type.rawValue) }
        let copies: [UnsafeMutablePointer<CChar>?] = binds.map { bind in bind.text.map { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { $0.map { UnsafePointer($0) } }
        return types.withUnsafeBufferPointer { typePointer in
            values.withUnsafeBufferPointer { valuePointer in
                body(Int32(binds.count), typePointer.baseAddress, valuePointer.baseAddress)
            }
        }
    }

    /// Turns a result into rows, or into an error (clearing it).
    func check(_ result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else { throw currentError() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            return PostgresRows(result: result)
        default:
            let error = Self.error(from: result, connection: conn)
            PQclear(result)
            throw error
        }
    }

    func currentError() -> PostgresError {
        if PQstatus(conn) != CONNECTION_OK {
            return PostgresError(kind: .connection, message: "the connection to PostgreSQL was lost: " + lastMessage)
        }
        return PostgresError(kind: .client, message: lastMessage)
    }

    var lastMessage: String {
        String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func error(from result: OpaquePointer, connection: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let message = field(Int32(UInt8(ascii: "M"))) ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        let lost = PQstatus(connection) != CONNECTION_OK
        return PostgresError(
            kind: lost ? .connection : .server,
            message: message.isEmpty ? "the connection to PostgreSQL was lost" : message,
            sqlState: field(Int32(UInt8(ascii: "C"))),
            detail: field(Int32(UInt8(ascii: "D"))),
            hint: field(Int32(UInt8(ascii: "H"))),
            constraint: field(Int32(UInt8(ascii: "n"))),
            table: field(Int32(UInt8(ascii: "t"))),
            column: field(Int32(UInt8(ascii: "c")))
        )
    }
}
