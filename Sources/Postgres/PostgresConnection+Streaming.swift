import CLibPQ

extension PostgresConnection {
    /// Runs a query and hands each row to `body` as it arrives (libpq's
    /// single-row mode), so memory does not grow with the result. Throwing
    /// from `body` cancels the query.
    public func stream(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) throws {
        try checkOpen()
        let sent = try withParameters(query) { count, types, values in
            PQsendQueryParams(conn, query.sql, count, types, values, nil, nil, 0)
        }
        guard sent == 1 else { throw currentError() }
        guard PQsetSingleRowMode(conn) == 1 else {
            drainResults()
            throw PostgresError(kind: .client, message: "single-row mode could not be set for a streamed query")
        }
        var failure: (any Error)? = nil
        while let result = PQgetResult(conn) {
            if failure != nil {
                PQclear(result)
                continue
            }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                let rows = PostgresRows(result: result)
                do { try body(rows[0]) } catch {
                    failure = error
                    cancelRunningQuery()
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                PQclear(result)
            default:
                failure = Self.error(from: result, connection: conn)
                PQclear(result)
            }
        }
        if let failure { throw failure }
    }

    /// Asks the server to stop the statement in flight.
    func cancelRunningQuery() {
        guard let cancel = PQgetCancel(conn) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
        PQfreeCancel(cancel)
    }

    func drainResults() {
        while let result = PQgetResult(conn) { PQclear(result) }
    }
}
