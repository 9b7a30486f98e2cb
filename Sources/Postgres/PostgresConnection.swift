import CLibPQ
import Foundation
import Glibc

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
    public static func connect(
        _ configuration: PostgresConfiguration = .environment, applicationName: String = "redress"
    ) throws(PostgresError) -> PostgresConnection {
        var pairs = configuration.parameters
        let expand = pairs.first?.0 == "dbname" ? 1 : 0
        if !pairs.contains(where: { $0.0 == "fallback_application_name" }) {
            pairs.append(("fallback_application_name", applicationName))
        }
        // Settings the configuration asks for go first, so the session's own win over them.
        let asked = pairs.filter { $0.0 == "options" }.map(\.1)
        pairs.removeAll { $0.0 == "options" }
        pairs.append(("options", (asked + [sessionOptions]).joined(separator: " ")))
        pairs.append(("client_encoding", "UTF8"))

        let keys = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        let keyPointers = keys.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let conn = PQconnectdbParams(keyPointers, valuePointers, Int32(expand)) else {
            throw PostgresError(kind: .connection, message: "cannot connect to PostgreSQL: out of memory")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let error = connectionError(conn, secrets: passwords(in: configuration.parameters))
            PQfinish(conn)
            throw error
        }
        // Server notices (NOTICE, WARNING) are not errors; libpq would print
        // them on stderr, in the middle of a command's output.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        return PostgresConnection(conn: conn)
    }

    /// One sentence for a failed connect: where, and libpq's first reason,
    /// with every password in `secrets` blanked out (libpq quotes the
    /// offending part of a URL it cannot parse, and that may be the password).
    static func connectionError(_ conn: OpaquePointer, secrets: [String]) -> PostgresError {
        let host = PQhost(conn).map { String(cString: $0) } ?? ""
        let port = PQport(conn).map { String(cString: $0) } ?? ""
        let raw = String(cString: PQerrorMessage(conn))
        // libpq says 'connection to server at "h" (a), port p failed: reason\n\thint'.
        var reason = raw.split(separator: "\n").first.map(String.init) ?? raw
        if let range = reason.range(of: "failed: ") { reason = String(reason[range.upperBound...]) }
        reason = reason.trimmingCharacters(in: .whitespaces)
        for secret in secrets.sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            reason = reason.replacingOccurrences(of: secret, with: "***")
        }
        if reason.isEmpty { reason = "no reason given" }
        // Settings libpq could not read never got as far as a host.
        if host.isEmpty {
            return PostgresError(kind: .configuration, message: "cannot read the database settings: \(reason)")
        }
        let place: String
        if host.hasPrefix("/") || host.hasPrefix("@") {
            place = "socket \(host)/.s.PGSQL.\(port)"
        } else if host.contains(":") {
            place = "[\(host)]:\(port)"
        } else {
            place = "\(host):\(port)"
        }
        return PostgresError(kind: .connection, message: "cannot connect to PostgreSQL at \(place): \(reason)")
    }

    /// Every password the settings carry, as written and percent-decoded, so
    /// that no message repeats one. A URL or conninfo string libpq cannot
    /// parse is searched by hand.
    static func passwords(in parameters: [(String, String)]) -> [String] {
        var found: [String] = []
        for (key, value) in parameters {
            if key == "password" {
                found.append(value)
                continue
            }
            guard key == "dbname" else { continue }
            var error: UnsafeMutablePointer<CChar>? = nil
            if let options = PQconninfoParse(value, &error) {
                var option = options
                while let keyword = option.pointee.keyword {
                    if String(cString: keyword) == "password", let password = option.pointee.val {
                        found.append(String(cString: password))
                    }
                    option += 1
                }
                PQconninfoFree(options)
            }
            if let error { PQfreemem(error) }
            found += passwordsByHand(in: value)
        }
        for password in found {
            if let decoded = password.removingPercentEncoding, decoded != password { found.append(decoded) }
        }
        return found
    }

    /// `scheme://user:password@host...` or `... password=value ...`.
    static func passwordsByHand(in text: String) -> [String] {
        var found: [String] = []
        if let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            scheme.upperBound <= at.lowerBound
        {
            let userInfo = text[scheme.upperBound..<at.lowerBound]
            if let colon = userInfo.firstIndex(of: ":") {
                found.append(String(userInfo[userInfo.index(after: colon)...]))
            }
        }
        var rest = text[...]
        while let keyword = rest.range(of: "password") {
            rest = rest[keyword.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            let quoted = rest.first == "'"
            if quoted { rest = rest.dropFirst() }
            let value = rest.prefix { quoted ? $0 != "'" : !$0.isWhitespace && $0 != "&" }
            if !value.isEmpty { found.append(String(value)) }
            rest = rest[value.endIndex...]
        }
        return found
    }

    /// Closes the connection; further calls fail. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        PQfinish(conn)
    }

    /// False once the connection was lost or closed.
    public var isHealthy: Bool { !closed && PQstatus(conn) == CONNECTION_OK }

    /// Where this connection went: host or socket folder, port, user, database
    /// (empty once closed).
    public var host: String { closed ? "" : PQhost(conn).map { String(cString: $0) } ?? "" }
    public var port: String { closed ? "" : PQport(conn).map { String(cString: $0) } ?? "" }
    public var user: String { closed ? "" : PQuser(conn).map { String(cString: $0) } ?? "" }
    public var database: String { closed ? "" : PQdb(conn).map { String(cString: $0) } ?? "" }

    /// A URL that reaches the same server as this connection, for database
    /// `name`. It carries the password only when the server asked for one.
    public func url(database name: String) -> String {
        let usedPassword = !closed && PQconnectionUsedPassword(conn) == 1
        let password = usedPassword ? PQpass(conn).map { String(cString: $0) } : nil
        return Self.url(user: user, password: password, host: host, port: port, database: name)
    }

    static func url(user: String, password: String?, host: String, port: String, database: String) -> String {
        // RFC 3986 unreserved characters only; everything else percent-encoded.
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
        }
        let socket = host.hasPrefix("/") || host.hasPrefix("@")
        var url = "postgresql://" + encode(user)
        if let password { url += ":" + encode(password) }
        url += "@"
        if !socket { url += host.contains(":") ? "[\(host)]" : host }
        if !port.isEmpty { url += ":" + port }
        url += "/" + encode(database)
        if socket { url += "?host=" + encode(host) }
        return url
    }

    /// Whether a connection that sat idle is still usable. The server may
    /// have ended the session meanwhile (a restart, `pg_terminate_backend`);
    /// libpq only notices when it reads, so whatever arrived is read now.
    func isAliveAfterIdling() -> Bool {
        guard isHealthy else { return false }
        let socket = PQsocket(conn)
        guard socket >= 0 else { return false }
        // A goodbye message, then end of file: a few reads at most.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 0)
            if ready == 0 { return isHealthy }
            if ready < 0 { return errno == EINTR && isHealthy }
            guard PQconsumeInput(conn) == 1, PQstatus(conn) == CONNECTION_OK else { return false }
        }
        return isHealthy
    }

    /// Makes a connection fit for its next user: a transaction the last one
    /// left open is rolled back. False when the connection cannot be reused.
    func prepareForReuse() -> Bool {
        guard isHealthy else { return false }
        switch PQtransactionStatus(conn) {
        case PQTRANS_IDLE:
            return true
        case PQTRANS_INTRANS, PQTRANS_INERROR:
            return (try? execute(unsafeSQL: "ROLLBACK")) != nil && PQtransactionStatus(conn) == PQTRANS_IDLE
        default:
            // A statement still running, or an unknown state.
            return false
        }
    }

    /// The server's process id for this session (0 once closed).
    public var backendPID: Int { closed ? 0 : Int(PQbackendPID(conn)) }

    // MARK: Queries

    /// Runs one statement and returns all its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws(PostgresError) -> PostgresRows {
        try checkOpen()
        let result = try withParameters(query) { count, types, values in
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
        try checkOpen()
        _ = try check(PQexec(conn, sql))
    }

    /// Throws instead of handing libpq a freed connection.
    func checkOpen() throws(PostgresError) {
        guard !closed else {
            throw PostgresError(kind: .connection, message: "the connection to PostgreSQL was closed")
        }
    }

    func withParameters<R>(
        _ query: PostgresQuery, _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) throws(PostgresError) -> R {
        let binds = query.binds
        if binds.isEmpty { return body(0, nil, nil) }
        let types = binds.map { Oid($0.type.rawValue) }
        let copies: [UnsafeMutablePointer<CChar>?] = binds.map { bind in bind.text.map { strdup($0) } }
        defer { copies.forEach { free($0) } }
        // libpq takes C strings: a NUL would silently cut the value short. The server refuses a
        // NUL in text with SQLSTATE 22021, so this refusal carries the same code.
        for (index, bind) in binds.enumerated() {
            if let text = bind.text, let copy = copies[index], strlen(copy) != text.utf8.count {
                throw PostgresError(
                    kind: .client,
                    message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold",
                    sqlState: "22021")
            }
        }
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
        let message =
            field(Int32(UInt8(ascii: "M")))
            ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
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

extension PostgresConnection {
    /// The password verifier (SCRAM or MD5, as the server's `password_encryption` says) that
    /// `CREATE ROLE … PASSWORD` should be given, computed here so that the password itself
    /// never reaches the server or its logs.
    public func passwordVerifier(for password: String, user: String) throws(PostgresError) -> String {
        guard let verifier = PQencryptPasswordConn(conn, password, user, nil) else {
            throw PostgresError(kind: .server, message: String(cString: PQerrorMessage(conn)))
        }
        defer { PQfreemem(verifier) }
        return String(cString: verifier)
    }
}
