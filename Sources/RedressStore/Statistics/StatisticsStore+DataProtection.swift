import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// The data-protection section: subject access requests received in the period, and those
    /// answered in it with their calendar days from receipt to export, counted by the database's
    /// `subject_access_figures` (a reader may count the register's rows without reading them).
    func dataProtection(_ connection: PostgresConnection) throws -> DataProtectionStatistics {
        let row = try connection.query(
            """
            SELECT received, completed, open_at_end, median_days, max_days, within_ten_days, within_one_month
            FROM subject_access_figures(\(period.from), \(period.to), \(calendar.calendar.timeZoneIdentifier))
            """
        ).first!
        return DataProtectionStatistics(
            subjectAccess: SubjectAccessStatistics(
                received: try row.decode(Int.self, at: 0), answered: try row.decode(Int.self, at: 1),
                openAtEnd: try row.decode(Int.self, at: 2), medianDays: try row.decode(Double?.self, at: 3),
                maxDays: try row.decode(Int?.self, at: 4), withinTenDays: try row.decode(Int.self, at: 5),
                withinOneMonth: try row.decode(Int.self, at: 6)))
    }
}
