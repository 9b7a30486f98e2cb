import Postgres
import RedressCore

extension StatisticsStore.Scope {
    /// Mediation, remedies and compliance, from the resolution records and the respondent
    /// clocks; with the extensions and pauses of the period, the smaller queries of a report.
    ///
    /// Each fact counts in the period of its own date: an offer on the day it was made, an
    /// answer on the day it was given, a settlement or failure on the day the mediation ended,
    /// a remedy item on the day it was made, accepted or rejected, verified or found not
    /// implemented. What later happened to the same mediation or item does not move it.
    func otherFigures(_ connection: PostgresConnection) throws -> StatisticsStore.OtherFigures {
        StatisticsStore.OtherFigures(
            mediation: try mediation(connection), remedies: try remedies(connection),
            compliance: try compliance(connection), reviews: try reviews(connection),
            dataProtection: try dataProtection(connection),
            extensions: try extensionsByKind(connection), paused: try pausedByReason(connection))
    }

    // MARK: Mediation

    func mediation(_ connection: PostgresConnection) throws -> MediationStatistics {
        typealias C = StatisticsCalendar
        let row = try connection.query(
            query(
                """
                WITH answered AS (
                    SELECT a.mediation_id,
                           count(*) FILTER (WHERE a.accepted) = 2 AS both_accepted,
                           max(a.answered_on) FILTER (WHERE a.accepted) AS accepted_on,
                           min(a.answered_on) FILTER (WHERE NOT a.accepted) AS declined_on
                    FROM mediation_answer a
                    WHERE a.answered_on <= $6::date
                    GROUP BY a.mediation_id
                )
                SELECT (SELECT count(*) FROM mediation WHERE offered_on BETWEEN $5::date AND $6::date),
                       (SELECT count(*) FROM answered WHERE both_accepted AND accepted_on BETWEEN $5::date AND $6::date),
                       (SELECT count(*) FROM answered WHERE declined_on BETWEEN $5::date AND $6::date),
                       count(*) FILTER (WHERE m.status = 'settled'),
                       count(*) FILTER (WHERE m.status = 'failed'),
                       count(*) FILTER (WHERE m.status = 'withdrawn')
                FROM mediation m
                WHERE m.ended_on BETWEEN $5::date AND $6::date
                """)
        ).first!
        // Working days from offer to settlement, over the settlements of the period.
        let figures = try connection.query(
            query(
                """
                WITH histogram AS (
                    SELECT 0 AS grp, \(C.ordinal("m.ended_on")) - \(C.ordinal("m.offered_on")) AS days, count(*) AS ended
                    FROM mediation m
                    WHERE m.status = 'settled' AND m.ended_on BETWEEN $5::date AND $6::date
                    GROUP BY 2
                )
                SELECT \(Self.histogramFigures)
                FROM (\(Self.cumulative("histogram", partition: "grp"))) c
                """)
        ).first!
        return MediationStatistics(
            offered: try row.decode(Int.self, at: 0), accepted: try row.decode(Int.self, at: 1),
            declined: try row.decode(Int.self, at: 2), settled: try row.decode(Int.self, at: 3),
            failed: try row.decode(Int.self, at: 4), withdrawn: try row.decode(Int.self, at: 5),
            medianWorkingDaysToSettlement: try figures.decode(Double?.self, at: 1),
            meanWorkingDaysToSettlement: try figures.decode(Double?.self, at: 0))
    }

    // MARK: Remedies

    func remedies(_ connection: PostgresConnection) throws -> RemedyStatistics {
        var classes: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        var total = 0
        for row in try connection.query(
            query(
                """
                SELECT remedy_class, kind, count(*)
                FROM remedy_item
                WHERE created_at >= \(Self.start) AND created_at < \(Self.end)
                GROUP BY remedy_class, kind
                """))
        {
            let count = try row.decode(Int.self, at: 2)
            classes[try row.decode(String.self, at: 0), default: 0] += count
            kinds[try row.decode(String.self, at: 1), default: 0] += count
            total += count
        }
        let financial = try connection.query(
            query(
                """
                SELECT currency,
                       count(*) FILTER (WHERE created_at >= \(Self.start)),
                       coalesce(sum(amount) FILTER (WHERE created_at >= \(Self.start)), 0)::text,
                       count(*) FILTER (WHERE state = 'verified' AND verified_at >= \(Self.start) AND verified_at < \(Self.end)),
                       coalesce(sum(amount) FILTER (WHERE state = 'verified' AND verified_at >= \(Self.start) AND verified_at < \(Self.end)), 0)::text
                FROM remedy_item
                WHERE kind = 'financial' AND created_at < \(Self.end)
                GROUP BY currency
                HAVING count(*) FILTER (WHERE created_at >= \(Self.start)) > 0
                    OR count(*) FILTER (WHERE state = 'verified' AND verified_at >= \(Self.start) AND verified_at < \(Self.end)) > 0
                ORDER BY currency
                """)
        ).map { row in
            FinancialRow(
                currency: try row.decode(String.self, at: 0), items: try row.decode(Int.self, at: 1),
                recommended: try row.decode(String.self, at: 2), verifiedItems: try row.decode(Int.self, at: 3),
                verified: try row.decode(String.self, at: 4))
        }
        func rows(_ counts: [String: Int], order: [String]) -> [CountRow] {
            order.map { CountRow(key: $0, count: counts[$0] ?? 0, of: total) }
                + counts.keys.filter { !order.contains($0) }.sorted().map {
                    CountRow(key: $0, count: counts[$0]!, of: total)
                }
        }
        return RemedyStatistics(
            total: total,
            byClass: rows(classes, order: RemedyClass.allCases.map(\.rawValue)),
            byKind: rows(kinds, order: RemedyKind.allCases.map(\.rawValue)),
            financial: financial)
    }

    // MARK: Compliance

    func compliance(_ connection: PostgresConnection) throws -> ComplianceStatistics {
        var rows: [String: ComplianceRow] = [:]
        func row(_ name: String) -> ComplianceRow {
            rows[name]
                ?? ComplianceRow(
                    respondent: name, accepted: 0, rejected: 0, implementedOnTime: 0, implementedLate: 0,
                    partial: 0, notImplemented: 0, overdueAtEnd: 0, nonComplianceAtEnd: 0)
        }
        // Answers and verdicts by the body each item asks of.
        for result in try connection.query(
            query(
                """
                SELECT b.name,
                       count(*) FILTER (WHERE r.answered_at >= \(Self.start) AND r.answered_at < \(Self.end) AND r.state <> 'rejected'),
                       count(*) FILTER (WHERE r.answered_at >= \(Self.start) AND r.answered_at < \(Self.end) AND r.state = 'rejected'),
                       count(*) FILTER (WHERE r.verified_at >= \(Self.start) AND r.verified_at < \(Self.end) AND r.state = 'verified' AND NOT coalesce(r.late, false)),
                       count(*) FILTER (WHERE r.verified_at >= \(Self.start) AND r.verified_at < \(Self.end) AND r.state = 'verified' AND coalesce(r.late, false)),
                       count(*) FILTER (WHERE r.verified_at >= \(Self.start) AND r.verified_at < \(Self.end) AND r.state = 'partial'),
                       count(*) FILTER (WHERE r.verified_at >= \(Self.start) AND r.verified_at < \(Self.end) AND r.state = 'not_implemented')
                FROM remedy_item r
                JOIN respondent_body b ON b.id = r.body_id
                WHERE (r.answered_at >= \(Self.start) AND r.answered_at < \(Self.end))
                   OR (r.verified_at >= \(Self.start) AND r.verified_at < \(Self.end))
                GROUP BY b.name
                """))
        {
            let name = try result.decode(String.self, at: 0)
            var entry = row(name)
            entry.accepted = try result.decode(Int.self, at: 1)
            entry.rejected = try result.decode(Int.self, at: 2)
            entry.implementedOnTime = try result.decode(Int.self, at: 3)
            entry.implementedLate = try result.decode(Int.self, at: 4)
            entry.partial = try result.decode(Int.self, at: 5)
            entry.notImplemented = try result.decode(Int.self, at: 6)
            rows[name] = entry
        }
        // What respondents owe on their clocks at the end: a remedy clock is owed by the body
        // its item names, a response or reply by the case's respondent.
        for result in try connection.query(
            query(
                """
                SELECT b.name, count(*) FILTER (WHERE q.breached_at_end), count(*) FILTER (WHERE q.non_compliance_at_end)
                FROM \(clocks(.respondentLiveAtEnd)) q
                JOIN clock k ON k.id = q.id
                JOIN complaint_case c ON c.id = q.case_id
                LEFT JOIN remedy_item i ON k.kind = 'remedy' AND i.case_id = k.case_id AND i.number = k.subject
                JOIN respondent_body b ON b.id = coalesce(i.body_id, c.respondent_id)
                WHERE q.breached_at_end
                GROUP BY 1
                """))
        {
            let name = try result.decode(String.self, at: 0)
            var entry = row(name)
            entry.overdueAtEnd = try result.decode(Int.self, at: 1)
            entry.nonComplianceAtEnd = try result.decode(Int.self, at: 2)
            rows[name] = entry
        }
        let all = rows.values.sorted {
            ($0.nonComplianceAtEnd, $0.overdueAtEnd, $0.concluded, $1.respondent) > (
                $1.nonComplianceAtEnd, $1.overdueAtEnd, $1.concluded, $0.respondent
            )
        }
        let sum = { (field: KeyPath<ComplianceRow, Int>) in all.reduce(0) { $0 + $1[keyPath: field] } }
        let implemented = sum(\.implementedOnTime) + sum(\.implementedLate)
        return ComplianceStatistics(
            accepted: Proportion(sum(\.accepted), of: sum(\.accepted) + sum(\.rejected)),
            implemented: Proportion(implemented, of: implemented + sum(\.partial) + sum(\.notImplemented)),
            implementedLate: Proportion(sum(\.implementedLate), of: implemented),
            openNonCompliance: sum(\.nonComplianceAtEnd),
            byRespondent: all)
    }
}
