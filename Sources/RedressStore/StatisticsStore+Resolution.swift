import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// Mediation, remedies and compliance, from the resolution tables when the database has them.
    func resolution(_ connection: PostgresConnection, notes: inout [String]) throws
        -> (mediation: MediationStatistics?, remedies: RemedyStatistics?, compliance: ComplianceStatistics?) {
        notes.append("Mediation, remedy and compliance figures need the resolution records, which this database does not hold yet.")
        return (nil, nil, nil)
    }
}
