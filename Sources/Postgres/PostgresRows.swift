import CLibPQ

/// A buffered query result. It owns its `PGresult` and clears it once.
public final class PostgresRows: Sequence {
    let result: OpaquePointer
    public let count: Int
    public let columnCount: Int

    init(result: OpaquePointer) {
        self.result = result
        count = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
    }

    deinit { PQclear(result) }

    /// Rows changed by an INSERT, UPDATE, DELETE, COPY or the like.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    public var columnNames: [String] { (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) } }

    public subscript(index: Int) -> PostgresRow { PostgresRow(rows: self, index: index) }

    public var first: PostgresRow? { count > 0 ? self[0] : nil }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var index = 0
        return AnyIterator {
            guard index < self.count else { return nil }
            defer { index += 1 }
            return self[index]
        }
    }
}

/// One row of a result, read column by column with typed decoding.
public struct PostgresRow {
    let rows: PostgresRows
    let index: Int

    public var columnCount: Int { rows.columnCount }

    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(rows.result, Int32(index), Int32(column)) == 1
    }

    /// Decodes a non-NULL column; NULL is an error here (ask for an Optional to allow it).
    public func decode<T: PostgresDecodable>(_ type: T.Type, at column: Int) throws(PostgresError) -> T {
        try checkRange(column)
        guard !isNull(column) else {
            let name = String(cString: PQfname(rows.result, Int32(column)))
            throw PostgresError(kind: .decoding, message: "column \(name) is NULL where \(T.self) was expected")
        }
        let length = Int(PQgetlength(rows.result, Int32(index), Int32(column)))
        let pointer = PQgetvalue(rows.result, Int32(index), Int32(column))!
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: length) { base throws(PostgresError) in
            try T(postgresText: UnsafeBufferPointer(start: base, count: length))
        }
    }

    public func decode<T: PostgresDecodable>(_ type: T?.Type, at column: Int) throws(PostgresError) -> T? {
        // libpq reports a column out of range as NULL: check first.
        try checkRange(column)
        return isNull(column) ? nil : try decode(T.self, at: column)
    }

    func checkRange(_ column: Int) throws(PostgresError) {
        guard (0..<rows.columnCount).contains(column) else {
            throw PostgresError(
                kind: .decoding, message: "column \(column) is out of range (the result has \(rows.columnCount))")
        }
    }

    /// Decodes the column with the given name.
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ name: String) throws(PostgresError) -> T {
        try decode(T.self, at: try columnIndex(name))
    }

    public func decode<T: PostgresDecodable>(_ type: T?.Type, _ name: String) throws(PostgresError) -> T? {
        try decode(T?.self, at: try columnIndex(name))
    }

    func columnIndex(_ name: String) throws(PostgresError) -> Int {
        // Quoted, so that the name is matched exactly (case and all).
        let column = Int(PQfnumber(rows.result, "\"" + name.replacingAll("\"", with: "\"\"") + "\""))
        guard column >= 0 else { throw PostgresError(kind: .decoding, message: "the result has no column \(name)") }
        return column
    }

    /// The raw text bytes of a column (nil for NULL), without copying.
    public func withBytes<R>(at column: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        if isNull(column) { return try body(nil) }
        let length = Int(PQgetlength(rows.result, Int32(index), Int32(column)))
        let pointer = PQgetvalue(rows.result, Int32(index), Int32(column))!
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
