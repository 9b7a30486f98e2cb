import Postgres

extension PostgresConnection {
    /// Bulk-writes rows into `table` through a temporary staging table. PostgreSQL refuses
    /// `COPY FROM` into a table under row-level security for the logins it binds (every staff
    /// login), so the rows are copied into a private temporary table and moved with one
    /// `INSERT … SELECT`, in the order they were written; the table's policies and triggers see
    /// them like any insert. `columns` is the column list, as in `COPY table (columns)`, the
    /// same for every batch of a table in one transaction.
    ///
    /// The staging table is made once per transaction and emptied after each batch: a table
    /// made and dropped per batch holds its locks until commit, and a million-case load in
    /// one transaction would run out of lock slots (`max_locks_per_transaction`).
    /// Call inside a transaction; returns the rows written.
    @discardableResult
    func copyStaged(into table: String, columns: String, _ body: (inout PostgresCopyWriter) throws -> Void) throws
        -> Int
    {
        let staging = "staged_\(table)"
        let made = try query("SELECT to_regclass(\("pg_temp." + staging)) IS NOT NULL").first!.decode(Bool.self, at: 0)
        if !made {
            try execute(
                unsafeSQL: """
                    CREATE TEMPORARY TABLE \(staging) ON COMMIT DROP AS SELECT \(columns) FROM \(table) WITH NO DATA;
                    ALTER TABLE \(staging) ADD COLUMN staged_order bigint GENERATED ALWAYS AS IDENTITY
                    """)
        }
        try copyFrom(PostgresQuery(unsafeSQL: "COPY \(staging) (\(columns)) FROM STDIN"), body)
        let written = try execute(
            PostgresQuery(
                unsafeSQL: "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(staging) ORDER BY staged_order"))
        try execute(unsafeSQL: "TRUNCATE \(staging)")
        return written
    }
}
