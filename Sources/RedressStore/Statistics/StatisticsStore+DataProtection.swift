import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// Anonymised cases count on the office date they were anonymised (not the `--as-of` date
    /// of the run), so a report of a past period reads the same before and after a retention
    /// run; holds count on the day they were placed, and as held at the end of the period when
    /// placed by then and not released by then.
    func dataProtection(_ connection: PostgresConnection) throws -> DataProtectionStatistics {
        let row = try connection.query(
            query(
                """
                SELECT (SELECT count(*) FROM case_anonymisation a
                        WHERE a.anonymised_on BETWEEN $5::date AND $6::date AND a.basis = 'retention'),
                       (SELECT count(*) FROM case_anonymisation a
                        WHERE a.anonymised_on BETWEEN $5::date AND $6::date AND a.basis = 'erasure'),
                       (SELECT count(*) FROM legal_hold h
                        WHERE h.held_at >= \(Self.start) AND h.held_at < \(Self.end)),
                       (SELECT count(DISTINCT h.case_id) FROM legal_hold h
                        WHERE h.held_at < \(Self.end) AND coalesce(h.released_at >= \(Self.end), true))
                """)
        ).first!
        return DataProtectionStatistics(
            anonymisedByRetention: try row.decode(Int.self, at: 0),
            anonymisedOnErasure: try row.decode(Int.self, at: 1),
            holdsPlaced: try row.decode(Int.self, at: 2), onHoldAtEnd: try row.decode(Int.self, at: 3))
    }
}
