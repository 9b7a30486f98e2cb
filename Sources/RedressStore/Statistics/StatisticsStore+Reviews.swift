import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// Reviews of decisions: each request counts on the day it was made, each outcome on the day
    /// it was recorded, on time when that day is not after the review clock's due date; open
    /// reviews are those asked for by the end of the period and not decided by then (nor ended
    /// by the case closing, which cancels the clock).
    func reviews(_ connection: PostgresConnection) throws -> ReviewStatistics {
        let row = try connection.query(
            query(
                """
                SELECT count(*) FILTER (WHERE r.requested_on BETWEEN $5::date AND $6::date),
                       count(*) FILTER (WHERE r.requested_on BETWEEN $5::date AND $6::date AND r.late_reason IS NOT NULL),
                       count(*) FILTER (WHERE r.decided_on BETWEEN $5::date AND $6::date AND r.outcome = 'upheld'),
                       count(*) FILTER (WHERE r.decided_on BETWEEN $5::date AND $6::date AND r.outcome = 'varied'),
                       count(*) FILTER (WHERE r.decided_on BETWEEN $5::date AND $6::date AND r.outcome = 'remitted'),
                       count(*) FILTER (WHERE r.decided_on BETWEEN $5::date AND $6::date AND r.decided_on <= c.due_date),
                       count(*) FILTER (WHERE r.decided_on BETWEEN $5::date AND $6::date AND r.decided_on > c.due_date),
                       count(*) FILTER (WHERE r.requested_on <= $6::date AND coalesce(r.decided_on > $6::date, true)
                                          AND coalesce(c.cancelled_on > $6::date, true)),
                       count(*) FILTER (WHERE r.requested_on <= $6::date AND coalesce(r.decided_on > $6::date, true)
                                          AND coalesce(c.cancelled_on > $6::date, true) AND c.due_date < $6::date)
                FROM decision_review r
                LEFT JOIN clock c ON c.case_id = r.case_id AND c.kind = 'review' AND c.start_at = r.requested_at
                WHERE r.requested_on <= $6::date
                """)
        ).first!
        return ReviewStatistics(
            requested: try row.decode(Int.self, at: 0), acceptedLate: try row.decode(Int.self, at: 1),
            upheld: try row.decode(Int.self, at: 2), varied: try row.decode(Int.self, at: 3),
            remitted: try row.decode(Int.self, at: 4), decidedOnTime: try row.decode(Int.self, at: 5),
            decidedLate: try row.decode(Int.self, at: 6), openAtEnd: try row.decode(Int.self, at: 7),
            overdueAtEnd: try row.decode(Int.self, at: 8))
    }
}
