import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// Mediation, remedies and compliance.
    ///
    /// What respondents owe on their clocks (response, reply, remedy) comes from the clocks and is
    /// always there; mediation and the remedy items need the resolution records, and are left
    /// out, with a note, when the database holds none.
    func resolution(_ connection: PostgresConnection, notes: inout [String]) throws
        -> (mediation: MediationStatistics?, remedies: RemedyStatistics?, compliance: ComplianceStatistics?) {
        let overdue = try respondentClocks(connection)
        notes.append("Mediation and remedy figures need the resolution records, which this database does not hold yet; compliance shows only respondent clocks overdue or in non-compliance at the end of the period.")
        let rows = overdue.map {
            ComplianceRow(respondent: $0.respondent, accepted: 0, rejected: 0, implementedOnTime: 0, implementedLate: 0,
                          partial: 0, notImplemented: 0, overdueAtEnd: $0.overdue, nonComplianceAtEnd: $0.nonCompliance)
        }
        let compliance = ComplianceStatistics(
            accepted: .none, implemented: .none, implementedLate: .none,
            openNonCompliance: overdue.reduce(0) { $0 + $1.nonCompliance }, byRespondent: rows)
        return (nil, nil, compliance)
    }

    /// Per respondent body: its clocks (respondent response, reply to the decision, remedies)
    /// running past their due date at the end of the period, and those 30 working days or more past it.
    func respondentClocks(_ connection: PostgresConnection) throws -> [(respondent: String, overdue: Int, nonCompliance: Int)] {
        try connection.query(query("""
            SELECT s.respondent, count(*) FILTER (WHERE q.breached_at_end), count(*) FILTER (WHERE q.non_compliance_at_end)
            FROM \(clocks(.respondentLiveAtEnd)) q
            JOIN pg_temp.stat_case s ON s.case_id = q.case_id
            WHERE q.breached_at_end
            GROUP BY s.respondent
            ORDER BY 3 DESC, 2 DESC, 1
            """)).map { row in
            (try row.decode(String.self, at: 0), try row.decode(Int.self, at: 1), try row.decode(Int.self, at: 2))
        }
    }
}
