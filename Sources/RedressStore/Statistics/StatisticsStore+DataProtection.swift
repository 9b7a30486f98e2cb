import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// The data-protection section. Anonymised cases count on the office date they were
    /// anonymised (not the `--as-of` date of the run), so a report of a past period reads the
    /// same before and after a retention run; holds count on the day they were placed, and as
    /// held at the end of the period when placed by then and not released by then. Subject
    /// access requests received in the period, and those answered in it with their calendar
    /// days from receipt to export, are counted by the database's `subject_access_figures` (a
    /// reader may count the register's rows without reading them).
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
        let access = try connection.query(
            """
            SELECT received, completed, open_at_end, median_days, max_days, within_ten_days, within_one_month
            FROM subject_access_figures(\(period.from), \(period.to), \(calendar.calendar.timeZoneIdentifier))
            """
        ).first!
        return DataProtectionStatistics(
            anonymisation: AnonymisationStatistics(
                anonymisedByRetention: try row.decode(Int.self, at: 0),
                anonymisedOnErasure: try row.decode(Int.self, at: 1),
                holdsPlaced: try row.decode(Int.self, at: 2), onHoldAtEnd: try row.decode(Int.self, at: 3)),
            subjectAccess: SubjectAccessStatistics(
                received: try access.decode(Int.self, at: 0), answered: try access.decode(Int.self, at: 1),
                openAtEnd: try access.decode(Int.self, at: 2), medianDays: try access.decode(Double?.self, at: 3),
                maxDays: try access.decode(Int?.self, at: 4), withinTenDays: try access.decode(Int.self, at: 5),
                withinOneMonth: try access.decode(Int.self, at: 6)))
    }
}
