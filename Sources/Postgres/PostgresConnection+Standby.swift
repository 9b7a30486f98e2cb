import CLibPQ

extension PostgresConnection {
    /// Whether the server is a hot standby, which only reads. Servers from PostgreSQL 14 on
    /// report it with every connection (`in_hot_standby`, kept current after a promotion);
    /// older ones are asked.
    public func isInHotStandby() throws(PostgresError) -> Bool {
        try checkOpen()
        if let status = PQparameterStatus(conn, "in_hot_standby") {
            return String(cString: status) == "on"
        }
        return try query("SELECT pg_is_in_recovery()").first?.decode(Bool.self, at: 0) ?? false
    }

    /// How far behind its primary a standby's data is now, in seconds: 0 when it has replayed
    /// everything it received, otherwise the age of the last transaction it replayed
    /// (`now() - pg_last_xact_replay_timestamp()`). Nil on a primary.
    public func standbyReplayLag() throws(PostgresError) -> Double? {
        let row = try query(
            """
            SELECT CASE
                WHEN NOT pg_is_in_recovery() THEN NULL
                WHEN pg_last_wal_receive_lsn() IS NOT NULL
                    AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0::float8
                ELSE COALESCE(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, 0)
            END
            """
        ).first
        return try row?.decode(Double?.self, at: 0)
    }
}
