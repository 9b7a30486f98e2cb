import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("Values stay values; errors stay discreet")
struct ErrorTests {
    @Test func sqlTextInAValueIsStoredVerbatim() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE case_event (id integer PRIMARY KEY, note text NOT NULL)")
            let hostile = "'); DROP TABLE case_event; --"
            try c.execute("INSERT INTO case_event (id, note) VALUES (1, \(hostile))")
            #expect(try scalar(c, "SELECT note FROM case_event WHERE note = \(hostile)") as String == hostile)
            #expect(try scalar(c, "SELECT count(*) FROM case_event") as Int == 1)

            // An identifier is quoted, not spliced: this names a table, it drops nothing.
            let odd = "x\"; DROP TABLE case_event; --"
            try c.execute("CREATE TABLE \(identifier: odd) (v text)")
            try c.execute("INSERT INTO \(identifier: odd) (v) VALUES (\(hostile))")
            #expect(try scalar(c, "SELECT v FROM \(identifier: odd)") as String == hostile)
            #expect(try scalar(c, "SELECT to_regclass('case_event') IS NOT NULL") as Bool)
        }
    }

    @Test func aNulCharacterIsRefusedNotTruncated() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE note (body text)")
            let error = #expect(throws: PostgresError.self) {
                try c.execute("INSERT INTO note (body) VALUES (\("before\u{0}after"))")
            }
            #expect(error?.kind == .client)
            #expect(error?.message.contains("NUL") == true)
            #expect(error?.description.contains("before") == false)
            #expect(try scalar(c, "SELECT count(*) FROM note") as Int == 0)
            #expect(throws: PostgresError.self) {
                try c.stream("SELECT \("a\u{0}b")") { _ in }
            }
            // The connection is still fine.
            #expect(try scalar(c, "SELECT \("after")") as String == "after")
        }
    }

    @Test func constraintViolationsNameTheRuleAndHideTheValues() throws {
        try withEmptyDatabase { c throws in
            try c.execute(
                """
                CREATE TABLE complainant (
                    id integer PRIMARY KEY,
                    name text NOT NULL CONSTRAINT complainant_name_is_unique UNIQUE,
                    age integer CONSTRAINT complainant_age_is_plausible CHECK (age BETWEEN 0 AND 130))
                """)
            try c.execute("INSERT INTO complainant (id, name, age) VALUES (1, \("Kim Minji-Secret"), \(Int32(40)))")

            let duplicate = #expect(throws: PostgresError.self) {
                try c.execute("INSERT INTO complainant (id, name, age) VALUES (2, \("Kim Minji-Secret"), \(Int32(41)))")
            }
            #expect(duplicate?.kind == .server)
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.isUniqueViolation == true)
            #expect(duplicate?.constraint == "complainant_name_is_unique")
            #expect(duplicate?.table == "complainant")
            #expect(duplicate?.description.contains("complainant_name_is_unique") == true)
            #expect(duplicate?.description.contains("23505") == true)
            #expect(duplicate?.description.contains("Minji") == false)
            // The detail (with the key) is kept for an operator's log only.
            #expect(duplicate?.detail?.contains("Minji") == true)
            #expect(duplicate?.debugDescription.contains("Minji") == true)

            let implausible = #expect(throws: PostgresError.self) {
                try c.execute(
                    "INSERT INTO complainant (id, name, age) VALUES (3, \("Lee Secret-Person"), \(Int32(987)))")
            }
            #expect(implausible?.sqlState == "23514")
            #expect(implausible?.isCheckViolation == true)
            #expect(implausible?.constraint == "complainant_age_is_plausible")
            #expect(implausible?.description.contains("complainant_age_is_plausible") == true)
            #expect(implausible?.description.contains("Secret") == false)
            #expect(implausible?.description.contains("987") == false)

            let missing = #expect(throws: PostgresError.self) {
                try c.execute("INSERT INTO complainant (id, name) VALUES (4, \(String?.none))")
            }
            #expect(missing?.sqlState == "23502")
            #expect(missing?.column == "name")
        }
    }

    @Test func badInputMessagesDoNotRepeatTheInput() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE person (name text, born date)")
            try c.execute("INSERT INTO person (name) VALUES (\("Park Secret-Name"))")
            let cases: [(PostgresQuery, String, String)] = [
                ("SELECT \("born-Secret-1990")::date", "22007", "Secret"),
                ("SELECT \("Secret-uuid")::uuid", "22P02", "Secret"),
                ("SELECT \("2026-02-30")::date", "22008", "2026-02-30"),
                ("SELECT \("987654321987")::integer", "22003", "987654321987"),
                // Row data, not a bind: still not repeated.
                ("SELECT name::integer FROM person", "22P02", "Park"),
            ]
            for (query, sqlState, secret) in cases {
                let error = #expect(throws: PostgresError.self, "\(query.sql)") { try c.query(query) }
                #expect(error?.sqlState == sqlState, "\(query.sql)")
                #expect(error?.description.contains(secret) == false, "\(query.sql): \(error?.description ?? "")")
                #expect(error?.description.contains(sqlState) == true)
            }
        }
    }

    @Test func aServerErrorLeavesTheConnectionUsable() throws {
        try withEmptyDatabase { c throws in
            let error = #expect(throws: PostgresError.self) { try c.query("SELECT 1 / \(0)") }
            #expect(error?.sqlState == "22012")
            #expect(error?.isRetryable == false)
            let syntax = #expect(throws: PostgresError.self) { try c.query("SELEC 1") }
            #expect(syntax?.sqlState == "42601")
            #expect(c.isHealthy)
            #expect(try scalar(c, "SELECT 1 + \(1)") as Int == 2)
        }
    }

    @Test func decodingTheWrongTypeIsAnError() throws {
        try withEmptyDatabase { c throws in
            let row = try #require(try c.query("SELECT 'Secret-text'::text, 'maybe'::text, 'not-a-uuid'::text").first)
            let asInt = #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 0) }
            #expect(asInt?.kind == .decoding)
            #expect(asInt?.description.contains("Secret") == false)
            #expect(throws: PostgresError.self) { try row.decode(Bool.self, at: 1) }
            #expect(throws: PostgresError.self) { try row.decode(UUID.self, at: 2) }
            #expect(throws: PostgresError.self) { try row.decode(Date.self, at: 0) }
            #expect(throws: PostgresError.self) { try row.decode(String.self, at: 3) }
            #expect(throws: PostgresError.self) { try row.decode(String.self, "no_such_column") }
            // Out of range is an error for an optional too, not a NULL.
            #expect(throws: PostgresError.self) { try row.decode(String?.self, at: 3) }
            #expect(throws: PostgresError.self) { try row.decode(String?.self, at: -1) }
            // Names match exactly, quotes and case included.
            let named = try #require(try c.query("SELECT 1 AS \"Case \"\"Ref\"\"\", 2 AS lower, 3 AS \"LOWER\"").first)
            #expect(try named.decode(Int.self, "Case \"Ref\"") == 1)
            #expect(try named.decode(Int.self, "lower") == 2)
            #expect(try named.decode(Int.self, "LOWER") == 3)
            #expect(try named.decode(Int?.self, "lower") == 2)
        }
    }
}
