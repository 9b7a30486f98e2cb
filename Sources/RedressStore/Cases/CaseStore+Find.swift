public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// The cases matching `search`, best first, as `actor` may see them on `asOf`. Identity
    /// fields are searched by the database's `case_identity_search`, only on cases whose
    /// identities the actor may see, and audited there; mediation notes are not searched.
    /// Call inside a transaction.
    public func find(
        _ search: CaseSearch, actor: Actor, asOf: LocalDate, calendar: WorkCalendar, at instant: Date
    ) throws -> [CaseHit] {
        try actor.require(.read)
        let text = search.text
        let score = "char_length(redress_search_text($1))::real / greatest(char_length(redress_search_text"
        var parts: [String] = []
        for field in search.fields where !field.isIdentity {
            switch field {
            case .reference, .summary:
                parts.append(
                    """
                    SELECT cc.id, '\(field.rawValue)'::text, \(score)(cc.\(field.rawValue))), 1)
                    FROM complaint_case cc
                    WHERE redress_search_key(cc.\(field.rawValue)) LIKE redress_search_pattern(redress_search_key($1))
                    """)
            case .respondent:
                parts.append(
                    """
                    SELECT cc.id, 'respondent', \(score)(r.name)), 1)
                    FROM respondent_body r JOIN complaint_case cc ON cc.respondent_id = r.id
                    WHERE redress_search_key(r.name) LIKE redress_search_pattern(redress_search_key($1))
                    """)
            case .notes:
                parts.append(
                    """
                    SELECT n.case_id, 'notes', \(score)(n.body)), 1)
                    FROM case_note n
                    WHERE NOT n.under_mediation AND redress_search_key(n.body) LIKE redress_search_pattern(redress_search_key($1))
                    """)
            case .name, .email, .phone:
                break
            }
        }
        let identity = search.fields.filter(\.isIdentity).map(\.rawValue)
        if !identity.isEmpty {
            parts.append("SELECT s.case_id, s.field, s.score FROM case_identity_search($1, $2, $3, $4) s")
        }
        let order = CaseSearch.Field.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let sql = """
            WITH hit (case_id, field, score) AS (
            \(parts.joined(separator: "\nUNION ALL\n"))
            )
            SELECT b.id, cc.reference, b.fields, b.score
            FROM (
                SELECT h.case_id AS id,
                    array_agg(h.field ORDER BY h.score DESC, array_position(ARRAY[\(order)], h.field)) AS fields,
                    round(max(h.score)::numeric, 4)::float8 AS score
                FROM hit h
                GROUP BY h.case_id
                ORDER BY max(h.score) DESC, h.case_id DESC
                LIMIT $4
            ) b
            JOIN complaint_case cc ON cc.id = b.id
            ORDER BY b.score DESC, b.id DESC
            """
        let rows = try connection.query(
            PostgresQuery(
                unsafeSQL: sql,
                binds: [
                    PostgresBind(text), PostgresBind(PostgresTextArray(identity)), PostgresBind(actor.login),
                    PostgresBind(search.limit),
                ]))
        var found: [(id: Int, reference: String, fields: [CaseSearch.Field], score: Double)] = []
        for row in rows {
            let fields = try row.decode(PostgresTextArray.self, at: 2).elements.compactMap {
                $0.flatMap(CaseSearch.Field.init(rawValue:))
            }
            found.append(
                (
                    try row.decode(Int.self, at: 0), try row.decode(String.self, at: 1), fields,
                    try row.decode(Double.self, at: 3)
                ))
        }
        guard !found.isEmpty else { return [] }
        let summaries = try list(
            CaseFilter(caseIDs: found.map(\.id)), actor: actor, asOf: asOf, calendar: calendar, at: instant)
        let byReference = Dictionary(uniqueKeysWithValues: summaries.map { ($0.reference, $0) })
        return found.compactMap { hit in
            byReference[hit.reference].map { CaseHit(summary: $0, matchedFields: hit.fields, score: hit.score) }
        }
    }
}
