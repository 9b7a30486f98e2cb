import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Query composition")
struct QueryTests {
    @Test func interpolationsBecomeNumberedBinds() {
        let reference = "HRC-2026-000042"
        let query: PostgresQuery = "SELECT id FROM complaint_case WHERE reference = \(reference) AND urgent = \(true)"
        #expect(query.sql == "SELECT id FROM complaint_case WHERE reference = $1 AND urgent = $2")
        #expect(query.binds.map(\.text) == [reference, "t"])
        #expect(query.binds.map(\.type) == [.text, .bool])
        // Printing a query never shows its values.
        #expect("\(query)".contains(reference) == false)
    }

    @Test func fragmentsAreRenumbered() {
        let state: PostgresQuery = "state = \("mediation") AND assignee = \("kim")"
        let window: PostgresQuery =
            "due_on BETWEEN \(Date(timeIntervalSince1970: 0)) AND \(Date(timeIntervalSince1970: 86_400))"
        let query: PostgresQuery =
            "SELECT id FROM clock WHERE kind = \("triage") AND \(state) AND \(window) LIMIT \(10)"
        #expect(
            query.sql
                == "SELECT id FROM clock WHERE kind = $1 AND state = $2 AND assignee = $3 AND due_on BETWEEN $4 AND $5 LIMIT $6"
        )
        #expect(
            query.binds.map(\.text) == [
                "triage", "mediation", "kim", "1970-01-01T00:00:00.000000Z", "1970-01-02T00:00:00.000000Z", "10",
            ])

        // Fragments in fragments, and two-digit numbers.
        var eleven: PostgresQuery = "v IN (\(1), \(2), \(3), \(4), \(5), \(6), \(7), \(8), \(9), \(10), \(11))"
        let nested: PostgresQuery = "(\(state)) OR (\(eleven))"
        let outer: PostgresQuery = "SELECT \(0) WHERE \(nested) AND w = \(12)"
        #expect(
            outer.sql
                == "SELECT $1 WHERE (state = $2 AND assignee = $3) OR (v IN ($4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)) AND w = $15"
        )
        #expect(outer.binds.compactMap(\.text) == ["0", "mediation", "kim"] + (1...11).map(String.init) + ["12"])

        // append() renumbers the same way.
        eleven.append(" AND x = \(99)")
        #expect(eleven.sql.hasSuffix("$11) AND x = $12"))
        var built: PostgresQuery = "SELECT id FROM clock WHERE true"
        for kind in ["triage", "mediation"] {
            built.append(" AND kind <> \(kind)")
        }
        #expect(built.sql == "SELECT id FROM clock WHERE true AND kind <> $1 AND kind <> $2")
    }

    @Test func dollarsThatAreNotParametersStayAsTheyAre() {
        let fragment: PostgresQuery =
            "note <> '$1 is not a parameter' AND \"col$1\" = \(1) AND a$1 = $$ $2 $$ -- $3\n AND /* $4 */ b = E'\\' $5'"
        let query: PostgresQuery = "SELECT \(0) WHERE \(fragment)"
        #expect(
            query.sql
                == "SELECT $1 WHERE note <> '$1 is not a parameter' AND \"col$1\" = $2 AND a$1 = $$ $2 $$ -- $3\n AND /* $4 */ b = E'\\' $5'"
        )
    }

    @Test func composedQueriesRunOnTheServer() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE clock (id integer, kind text, state text)")
            try c.execute(
                """
                INSERT INTO clock (id, kind, state) VALUES
                (1, 'triage', 'running'), (2, 'mediation', 'running'), (3, 'triage', 'met'), (4, 'remedy', 'running')
                """)
            var filters: [PostgresQuery] = []
            filters.append("kind = ANY(\(PostgresTextArray(["triage", "remedy"])))")
            filters.append("state = \("running")")
            var query: PostgresQuery = "SELECT id FROM clock WHERE id > \(Int32(0))"
            for filter in filters { query.append(" AND \(filter)") }
            query.append(" ORDER BY id")
            #expect(query.sql == "SELECT id FROM clock WHERE id > $1 AND kind = ANY($2) AND state = $3 ORDER BY id")
            let ids = try c.query(query).map { try $0.decode(Int.self, at: 0) }
            #expect(ids == [1, 4])

            let literal: PostgresQuery = "'$1' || \(" and a value")"
            let text = try scalar(c, "SELECT \(Int32(7))::text || ' ' || \(literal)", as: String.self)
            #expect(text == "7 $1 and a value")
        }
    }
}
