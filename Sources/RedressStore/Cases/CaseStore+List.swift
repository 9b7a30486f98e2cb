public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// The cases matching `filter`, by reference, as `actor` may see them on `asOf`; listing a
    /// confidential case is audited. Call inside a transaction.
    public func list(_ filter: CaseFilter, actor: Actor, asOf: LocalDate, calendar: WorkCalendar, at instant: Date)
        throws -> [CaseSummary]
    {
        try actor.require(.read)
        if let days = filter.dueWithin, !CaseFilter.dueWithinRange.contains(days) {
            throw StoreError.invalid(
                "The due-within horizon is a number of working days from 0 to \(CaseFilter.dueWithinRange.upperBound); \(days) is not.",
                hint: .give(["due_within"]))
        }
        var query: PostgresQuery = """
            SELECT cc.id, cc.reference, cc.state, cc.received_on, cc.urgent, cc.confidential, cc.assignee, r.name,
                (SELECT p.name FROM party_identity p WHERE p.case_id = cc.id AND p.role = 'complainant' ORDER BY p.position LIMIT 1),
                (SELECT string_agg(g.category_code, ';' ORDER BY g.category_code) FROM case_category g WHERE g.case_id = cc.id),
                nd.due_date, nd.kind,
                EXISTS (SELECT 1 FROM clock k WHERE k.case_id = cc.id AND k.status IN ('running', 'breached') AND k.due_date < \(asOf)),
                EXISTS (SELECT 1 FROM clock k WHERE k.case_id = cc.id AND k.status = 'paused'),
                cc.version,
                (SELECT EXISTS (SELECT 1 FROM recusal x WHERE x.staff_login = \(actor.login) AND x.lifted_at IS NULL))
                    AND redress_login_recused(\(actor.login), cc.id)
            FROM complaint_case cc
            JOIN respondent_body r ON r.id = cc.respondent_id
            LEFT JOIN LATERAL (
                SELECT k.due_date, k.kind FROM clock k
                WHERE k.case_id = cc.id AND k.status IN ('running', 'breached') ORDER BY k.due_date, k.id LIMIT 1
            ) nd ON true
            WHERE true
            """
        if let state = filter.state { query.append(" AND cc.state = \(state.rawValue)") }
        if let assignee = filter.assignee { query.append(" AND cc.assignee = \(assignee)") }
        if let respondent = filter.respondent {
            query.append(" AND cc.respondent_id = (SELECT respondent_named(\(respondent)))")
        }
        if let category = filter.category {
            query.append(
                " AND EXISTS (SELECT 1 FROM case_category g WHERE g.case_id = cc.id AND g.category_code = \(category))")
        }
        if filter.breached {
            query.append(
                " AND EXISTS (SELECT 1 FROM clock k WHERE k.case_id = cc.id AND k.status IN ('running', 'breached') AND k.due_date < \(asOf))"
            )
        }
        if let days = filter.dueWithin {
            let until = calendar.windowEnd(after: asOf, workingDays: days)
            query.append(
                """
                 AND EXISTS (SELECT 1 FROM clock k WHERE k.case_id = cc.id AND k.status IN ('running', 'breached')
                    AND k.due_date BETWEEN \(asOf) AND \(until))
                """)
        }
        if filter.paused {
            query.append(" AND EXISTS (SELECT 1 FROM clock k WHERE k.case_id = cc.id AND k.status = 'paused')")
        }
        if let ids = filter.caseIDs {
            query.append(" AND cc.id = ANY (\(PostgresTextArray(ids.map { String($0) }))::bigint[])")
        }
        query.append(" ORDER BY cc.reference")
        if let limit = filter.limit { query.append(" LIMIT \(limit)") }
        var summaries: [CaseSummary] = []
        var confidentialIDs: [Int] = []
        for row in try connection.query(query) {
            let assignee = try row.decode(String?.self, at: 6)
            let confidential = try row.decode(Bool.self, at: 5)
            if confidential { confidentialIDs.append(try row.decode(Int.self, at: 0)) }
            let name = try row.decode(String?.self, at: 8)
            let recused = try row.decode(Bool.self, at: 15)
            summaries.append(
                CaseSummary(
                    reference: try row.decode(String.self, at: 1),
                    status: CaseState(rawValue: try row.decode(String.self, at: 2)) ?? .received,
                    receivedOn: try row.decode(LocalDate.self, at: 3), urgent: try row.decode(Bool.self, at: 4),
                    confidential: confidential,
                    assignee: assignee, respondent: try row.decode(String.self, at: 7),
                    complainant: actor.maySeeIdentity(assignee: assignee) && !recused
                        ? name : (name == nil ? nil : Party.redactedText),
                    categories: (try row.decode(String?.self, at: 9))?.split(separator: ";").map(String.init) ?? [],
                    nextDueDate: try row.decode(LocalDate?.self, at: 10),
                    nextDueClock: try row.decode(String?.self, at: 11).flatMap(ClockKind.init(rawValue:)),
                    breached: try row.decode(Bool.self, at: 12), paused: try row.decode(Bool.self, at: 13),
                    version: try row.decode(Int.self, at: 14)))
        }
        let log = AuditLog(connection)
        for id in confidentialIDs {
            try log.record(caseID: id, actor: actor.login, at: instant, kind: "case_viewed", data: ["purpose": "list"])
        }
        return summaries
    }
}
