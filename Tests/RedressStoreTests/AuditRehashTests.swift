import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

@testable import RedressStore

/// Migration 29 hashes audit rows over their committed form. A log written before it is hashed
/// once more the new way, and verifies; anonymising a case then keeps it verifying.
@Suite("Audit chain rehashed by migration 29")
struct AuditRehashTests {
    @Test func anOlderLogIsRehashedAndStillVerifiesAfterAnonymisation() throws {
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { c in
                try Migrator(migrations: Migration.embedded.filter { $0.version < 29 }).migrate(c)
                try c.execute(
                    unsafeSQL: """
                        INSERT INTO office (name, time_zone) VALUES ('Test', 'Asia/Seoul') ON CONFLICT DO NOTHING;
                        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
                        VALUES (NULL, 'admin', '2019-01-01', 'office_set', '{"name": "Test"}');
                        INSERT INTO respondent_body (name) VALUES ('City Housing');
                        INSERT INTO complaint_case (reference, state, outcome, received_at, received_on, channel, summary,
                            language, respondent_id, opened_by, closed_at)
                        VALUES ('HRC-2019-000001', 'closed', 'not_upheld', '2019-01-01', '2019-01-01', 'web',
                            'Kim Jisoo was evicted', 'en', (SELECT id FROM respondent_body), 'admin', '2019-02-01');
                        INSERT INTO party (case_id, role, name, email)
                        SELECT id, 'complainant', 'Kim Jisoo', 'jisoo@example.org' FROM complaint_case;
                        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
                        SELECT id, 'admin', '2019-01-01', 'case_opened',
                            '{"summary": "Kim Jisoo was evicted", "complainants": [{"name": "Kim Jisoo"}], "channel": "web"}'
                        FROM complaint_case;
                        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
                        SELECT id, 'admin', '2019-02-01', 'case_closed', '{"from": "investigation", "to": "closed", "outcome": "not_upheld"}'
                        FROM complaint_case;
                        """)
                let before = try #require(try AuditLog(c).head())

                try Migrator(migrations: Migration.embedded).migrate(c)
                let after = try AuditLog(c).verify()
                #expect(after.isIntact, "\(after.findings)")
                // The office row had nothing personal: its hash, and a head kept at it, stand.
                #expect(try AuditLog(c).verify(expectHead: try hash(c, row: 1)).isIntact)
                let record = try #require(
                    try c.query(
                        "SELECT data ->> 'previous_head_hash', (data ->> 'previous_head_row')::bigint FROM case_event WHERE kind = 'audit_chain_rehashed'"
                    ).first)
                #expect(try record.decode(String.self, at: 0) == before.hash)
                #expect(try record.decode(Int.self, at: 1) == before.row)

                let anonymised = try c.query(
                    "SELECT case_anonymise(id, 'retention', current_date, 1, 'admin', now()) FROM complaint_case"
                ).first!.decode(Bool.self, at: 0)
                #expect(anonymised)
                #expect(try AuditLog(c).verify().isIntact)
                let left = try c.query(
                    "SELECT count(*) FROM case_event WHERE data::text LIKE '%Jisoo%' OR data::text LIKE '%jisoo%'"
                ).first!.decode(Int.self, at: 0)
                #expect(left == 0)
                #expect(try c.query("SELECT count(*) FROM case_key").first!.decode(Int.self, at: 0) == 0)
            }
        }
    }

    func hash(_ c: PostgresConnection, row: Int) throws -> String {
        try c.query("SELECT encode(hash, 'hex') FROM case_event WHERE id = \(row)").first!.decode(String.self, at: 0)
    }
}
