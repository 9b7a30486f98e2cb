import CLibPQ

/// Writes rows into a `COPY ... FROM STDIN` in text format, buffered.
public struct PostgresCopyWriter: ~Copyable {
    let connection: PostgresConnection
    var buffer: [UInt8] = []
    public private(set) var rowCount = 0

    init(connection: PostgresConnection) {
        self.connection = connection
        buffer.reserveCapacity(1 << 17)
    }

    /// Appends one row; nil is NULL. Tabs, newlines and backslashes are escaped.
    public mutating func write(_ row: [String?]) throws(PostgresError) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(9) }
            guard let value else {
                buffer.append(92)
                buffer.append(78)
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case 92:
                    buffer.append(92)
                    buffer.append(92)
                case 9:
                    buffer.append(92)
                    buffer.append(UInt8(ascii: "t"))
                case 10:
                    buffer.append(92)
                    buffer.append(UInt8(ascii: "n"))
                case 13:
                    buffer.append(92)
                    buffer.append(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(10)
        rowCount += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws(PostgresError) {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) {
                PQputCopyData(connection.conn, $0.baseAddress, Int32($0.count))
            }
        }
        guard status == 1 else { throw connection.currentError() }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension PostgresConnection {
    /// Runs `COPY table (columns) FROM STDIN` and feeds it the rows `body`
    /// writes. If `body` throws, the COPY is abandoned and nothing is loaded.
    /// Returns the number of rows loaded.
    @discardableResult
    public func copyFrom(_ copyStatement: PostgresQuery, _ body: (inout PostgresCopyWriter) throws -> Void) throws
        -> Int
    {
        let started = try query(copyStatement)
        guard PQresultStatus(started.result) == PGRES_COPY_IN else {
            throw PostgresError(kind: .client, message: "the statement given to copyFrom is not a COPY ... FROM STDIN")
        }
        var writer = PostgresCopyWriter(connection: self)
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(conn, "aborted by the client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(conn, nil) == 1 else { throw currentError() }
        var failure: PostgresError? = nil
        while let result = PQgetResult(conn) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil {
                failure = Self.error(from: result, connection: conn)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        return writer.rowCount
    }
}
