import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

@testable import RedressStore

/// Every staff login is untrusted: connected with plain SQL, as each role and as a deactivated
/// or unregistered login, it meets the same rules as `redress`. The tables come from the
/// catalogue, so a table added later is covered without changing this test.
@Suite("Trust boundary", .serialized)
struct TrustBoundaryTests {
    /// Logins of this suite only: PostgreSQL roles are cluster-wide, and deactivation takes
    /// `redress_staff` from a login.
    static let caseworker = "tb_caseworker"
    static let supervisor = "tb_supervisor"
    static let admin = "tb_admin"
    static let auditor = "tb_auditor"
    static let deactivated = "tb_deactivated"
    static let outsider = "tb_outsider"

    /// Tables no staff login writes directly: their changes go through audited functions, or are
    /// made by the database itself.
    static let closed: Set = [
        "staff", "staff_token", "complaint_status_token", "audit_chain_head", "schema_migration", "case_event",
        "case_key", "case_anonymisation",
    ]
    /// Office tables: only admins write them.
    static let office: Set = [
        "office", "holiday_calendar", "holiday", "policy_version", "rights_category", "respondent_alias",
    ]

    /// A seeded office with a login per role; `body` gets the database and the superuser's
    /// connection.
    func withOffice(_ body: (TestDatabase, PostgresConnection) throws -> Void) throws {
        try withTestDatabase { db in
            _ = try Nightly.seed(db, cases: 60, asOf: "2026-03-16")
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let store = StaffStore(connection)
                let roles: [(String, Role)] = [
                    (Self.caseworker, .caseworker), (Self.supervisor, .supervisor), (Self.admin, .admin),
                    (Self.auditor, .auditor), (Self.deactivated, .caseworker),
                ]
                try connection.withTransaction { _ in
                    for (login, role) in roles {
                        let added = try store.add(
                            login: login, roles: [role], displayName: nil, email: nil, actor: actor, at: Date())
                        #expect(added.login.granted, "\(login): \(added.login.advice ?? "")")
                    }
                    try connection.execute(
                        unsafeSQL: """
                            DO $$ BEGIN CREATE ROLE tb_outsider LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                            GRANT redress_staff TO tb_outsider;
                            INSERT INTO complaint_status_token (case_id, secret_sha256, created_at)
                            SELECT id, sha256('x'::bytea), now() FROM complaint_case ORDER BY id LIMIT 1;
                            """)
                }
                _ = try connection.withTransaction { _ in
                    try StaffTokenStore(connection).create(
                        login: Self.deactivated, expires: nil, actor: actor, at: Date())
                }
                _ = try connection.withTransaction { _ in
                    try store.deactivate(login: Self.deactivated, actor: actor, at: Date())
                }
                try body(db, connection)
                #expect(try AuditLog(connection).verify().isIntact)
            }
        }
    }

    /// Runs `statements` as `connection`'s login in a transaction that is rolled back, its
    /// deferred checks made at once: nil when one is refused, else the number of rows the last
    /// one wrote.
    static func attempt(_ connection: PostgresConnection, _ statements: String...) -> Int? {
        do {
            try connection.execute(unsafeSQL: "BEGIN")
            defer { try? connection.execute(unsafeSQL: "ROLLBACK") }
            try connection.execute(unsafeSQL: "SET CONSTRAINTS ALL IMMEDIATE")
            var written = 0
            for sql in statements { written = try connection.query(PostgresQuery(unsafeSQL: sql)).affectedRows }
            return written
        } catch {
            return nil
        }
    }

    static func connect(_ db: TestDatabase, as login: String) throws -> PostgresConnection {
        try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: login)))
    }

    /// Every table and view with a column a statement may set (identity and generated columns
    /// left out), and whether it is a view.
    static func tables(_ connection: PostgresConnection) throws -> [(table: String, column: String, view: Bool)] {
        try connection.query(
            """
            SELECT c.relname::text, c.relkind = 'v', (
                SELECT a.attname::text FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attidentity = '' AND a.attgenerated = ''
                ORDER BY a.attnum LIMIT 1)
            FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v')
            ORDER BY 1
            """
        ).map {
            (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 2), try $0.decode(Bool.self, at: 1))
        }
    }

    @Test func everyTableRefusesWhatTheRolesMayNotDo() throws {
        try withOffice { db, superuser in
            let tables = try Self.tables(superuser)
            #expect(tables.count >= 30)
            for login in [
                Self.caseworker, Self.supervisor, Self.admin, Self.auditor, Self.deactivated, Self.outsider,
            ] {
                let connection = try Self.connect(db, as: login)
                defer { connection.close() }
                let reads = [Self.auditor, Self.deactivated, Self.outsider].contains(login)
                for (table, column, view) in tables {
                    let update = Self.attempt(connection, "UPDATE \(table) SET \(column) = \(column)")
                    let delete = Self.attempt(connection, "DELETE FROM \(table)")
                    let insert = Self.attempt(connection, "INSERT INTO \(table) SELECT * FROM \(table) LIMIT 1")
                    let mayWrite =
                        !reads && !view && !Self.closed.contains(table)
                        && (login == Self.admin || !Self.office.contains(table))
                    let mayDelete = mayWrite && login == Self.admin && ["holiday", "holiday_calendar"].contains(table)
                    if !mayWrite {
                        #expect((update ?? 0) == 0, "\(login) updated \(table)")
                        #expect((insert ?? 0) == 0, "\(login) inserted into \(table)")
                    }
                    if !mayDelete { #expect((delete ?? 0) == 0, "\(login) deleted from \(table)") }
                }
                for secret in ["staff_token", "complaint_status_token"] {
                    #expect(Self.attempt(connection, "SELECT secret_sha256 FROM \(secret)") == nil)
                }
                if reads {
                    let seen = try? connection.query("SELECT count(*) FROM complaint_case").first?.decode(
                        Int.self, at: 0)
                    #expect((seen ?? 0) == 0 || login == Self.auditor, "\(login) read cases")
                }
            }
        }
    }

    @Test func theCatalogueKeepsTheModel() throws {
        try withOffice { _, superuser in
            let unguarded = try superuser.query(
                """
                SELECT c.relname::text FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                  AND (NOT c.relrowsecurity OR c.relowner <> 'redress_owner'::regrole)
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(unguarded.isEmpty)
            let foreignFunctions = try superuser.query(
                """
                SELECT p.proname::text FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'redress_owner'::regrole
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(foreignFunctions.isEmpty)
            let privileged = try superuser.query(
                """
                SELECT r.rolname::text FROM pg_roles r
                WHERE r.rolname LIKE 'tb\\_%' AND (pg_has_role(r.oid, 'redress_owner', 'MEMBER')
                    OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid)
                    OR has_table_privilege(r.oid, 'case_event', 'UPDATE')
                    OR has_table_privilege(r.oid, 'complaint_case', 'DELETE')
                    OR has_table_privilege(r.oid, 'complaint_case', 'TRUNCATE'))
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(privileged.isEmpty)
        }
    }

    @Test func noLoginRaisesItsOwnRoles() throws {
        try withOffice { db, superuser in
            let connection = try Self.connect(db, as: Self.caseworker)
            defer { connection.close() }
            #expect(
                Self.attempt(connection, "UPDATE staff SET roles = '{admin,ombudsperson}' WHERE login = session_user")
                    == nil)
            #expect(Self.attempt(connection, "SELECT staff_set_roles(session_user, '{admin}', now())") == nil)
            #expect(Self.attempt(connection, "SELECT staff_add('tb_new', '{admin}', null, null, now())") == nil)
            let roles = try StaffStore(superuser).member(Self.caseworker)?.roles
            #expect(roles == [.caseworker])
        }
    }

    @Test func aDeactivatedLoginCannotComeBack() throws {
        try withOffice { db, superuser in
            let connection = try Self.connect(db, as: Self.deactivated)
            defer { connection.close() }
            #expect(Self.attempt(connection, "UPDATE staff SET active = true, roles = '{admin}'") ?? 0 == 0)
            #expect(Self.attempt(connection, "SELECT staff_add(session_user, '{admin}', null, null, now())") == nil)
            let member = try StaffStore(superuser).member(Self.deactivated)
            #expect(member?.active == false)
            let tokens = try StaffTokenStore(superuser).list(actor: StaffStore(superuser).currentActor(), at: Date())
            #expect(tokens.filter { $0.login == Self.deactivated }.map(\.state) == ["revoked"])
            let stillStaff = try superuser.query(
                "SELECT pg_has_role('tb_deactivated', 'redress_staff', 'MEMBER')"
            ).first!.decode(Bool.self, at: 0)
            #expect(!stillStaff)
        }
    }

    @Test func noLoginForgesATokenOrAnAuditRow() throws {
        try withOffice { db, superuser in
            let connection = try Self.connect(db, as: Self.caseworker)
            defer { connection.close() }
            let digest = "'\\x" + String(repeating: "ab", count: 32) + "'::bytea"
            #expect(
                Self.attempt(
                    connection,
                    "INSERT INTO staff_token (staff_login, secret_sha256, created_at, created_by) VALUES ('\(Self.admin)', \(digest), now(), '\(Self.admin)')"
                ) == nil)
            #expect(
                Self.attempt(connection, "SELECT staff_token_issue('\(Self.admin)', \(digest), now(), null)") == nil)
            let insert = "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES"
            #expect(Self.attempt(connection, "\(insert) (NULL, '\(Self.admin)', now(), 'case_viewed')") == nil)
            #expect(
                Self.attempt(connection, "\(insert) (NULL, session_user, now() + interval '1 day', 'case_viewed')")
                    == nil)
            #expect(Self.attempt(connection, "\(insert) (NULL, session_user, '1900-01-01', 'case_viewed')") == nil)
            #expect(Self.attempt(connection, "\(insert) (NULL, session_user, now(), 'case_viewed')") == 1)
            let auditor = try Self.connect(db, as: Self.auditor)
            defer { auditor.close() }
            #expect(Self.attempt(auditor, "\(insert) (NULL, session_user, now(), 'case_closed')") == nil)
            #expect(try AuditLog(superuser).verify().isIntact)
        }
    }

    /// A session setting used to carry the chain's tail; set to nonsense, it stopped every
    /// audited write. Nothing a session sets steers the chain now.
    @Test func noSessionSettingSteersTheChain() throws {
        try withOffice { db, superuser in
            let connection = try Self.connect(db, as: Self.caseworker)
            defer { connection.close() }
            try connection.withTransaction { _ in
                for value in ["1:99999999999999999999:zz", "\(0):1:00", "garbage"] {
                    try connection.execute("SELECT set_config('redress.chain_tail', \(value), false)")
                    try connection.execute(
                        "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (NULL, session_user, now(), 'case_viewed')"
                    )
                }
            }
            try connection.execute(
                "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (NULL, session_user, now(), 'case_viewed')"
            )
            let verification = try AuditLog(superuser).verify()
            #expect(verification.isIntact)
            let recorded = try superuser.query(
                "SELECT count(*) FROM case_event WHERE actor = \(Self.caseworker) AND recorded_by = \(Self.caseworker)"
            ).first!.decode(Int.self, at: 0)
            #expect(recorded == 4)
        }
    }

    /// Who complained is read only by the case's assignee, supervisors and the ombudsperson:
    /// no staff login reads the identity columns, and `party_identity` redacts them as
    /// `redress` does.
    @Test func identitiesAreReadOnlyByThoseWhoMaySeeThem() throws {
        try withOffice { db, superuser in
            let cases = try superuser.query("SELECT id FROM complaint_case ORDER BY id LIMIT 2").map {
                try $0.decode(Int.self, at: 0)
            }
            try superuser.execute("UPDATE complaint_case SET assignee = \(Self.caseworker) WHERE id = \(cases[0])")
            try superuser.execute("UPDATE complaint_case SET assignee = NULL WHERE id = \(cases[1])")
            let names = try superuser.query(
                "SELECT name FROM party WHERE case_id IN (\(cases[0]), \(cases[1])) AND role = 'complainant' AND position = 1 ORDER BY case_id"
            ).map { try $0.decode(String.self, at: 0) }
            let hidden = try superuser.query(
                """
                SELECT r.rolname::text, a.attname::text FROM pg_roles r, pg_attribute a
                WHERE r.rolname LIKE 'tb\\_%' AND a.attrelid = 'party'::regclass
                  AND a.attname IN ('name', 'email', 'phone', 'postal_address')
                  AND has_column_privilege(r.oid, 'party'::regclass, a.attnum, 'SELECT')
                """
            ).map { "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String.self, at: 1))" }
            #expect(hidden.isEmpty, "\(hidden)")
            for login in [
                Self.caseworker, Self.supervisor, Self.admin, Self.auditor, Self.deactivated, Self.outsider,
            ] {
                let connection = try Self.connect(db, as: login)
                defer { connection.close() }
                #expect(Self.attempt(connection, "SELECT name FROM party") == nil, "\(login) read party names")
                // nil: refused outright (a deactivated login is no longer in redress_staff).
                let seen = try? connection.query(
                    """
                    SELECT name FROM party_identity
                    WHERE case_id IN (\(cases[0]), \(cases[1])) AND role = 'complainant' AND position = 1
                    ORDER BY case_id
                    """
                ).map { try $0.decode(String.self, at: 0) }
                switch login {
                case Self.deactivated, Self.outsider: #expect(seen?.isEmpty ?? true, "\(login)")
                case Self.supervisor: #expect(seen == names)
                case Self.caseworker: #expect(seen == [names[0], Party.redactedText])
                default: #expect(seen == [Party.redactedText, Party.redactedText], "\(login)")
                }
                let addressed = try? connection.query(
                    "SELECT count(*) FROM notice WHERE audience IN ('complainant', 'representative') AND recipient IS NOT NULL"
                ).first?.decode(Int.self, at: 0)
                #expect((addressed ?? 0) == 0, "\(login) read a complainant's address on a notice")
            }
        }
    }

    /// Every table whose rows belong to a case (found by its audit trigger in the catalogue):
    /// a working login's change to one of its rows needs an audit row of that case in the same
    /// transaction; and only those who send notices record a notice's delivery.
    @Test func everyRowOfACaseChangesOnlyWithItsAuditRow() throws {
        try withOffice { db, superuser in
            let guarded = try superuser.query(
                """
                SELECT DISTINCT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE t.tgfoid = 'case_change_is_audited'::regproc ORDER BY 1
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(
                Set(["clock", "clock_pause", "escalation", "notice", "decision", "remedy_entry"]).isSubset(of: guarded))
            let columns = Dictionary(uniqueKeysWithValues: try Self.tables(superuser).map { ($0.table, $0.column) })
            try superuser.execute(
                """
                INSERT INTO notice (case_id, kind, audience, recipient, channel, language)
                SELECT min(id), 'acknowledgement', 'respondent', 'complaints@body.example', 'email', 'en' FROM complaint_case
                """)
            let connection = try Self.connect(db, as: Self.caseworker)
            defer { connection.close() }
            var tried: [String] = []
            for table in guarded
            where try superuser.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(table) LIMIT 1")).count > 0 {
                let column = try #require(columns[table])
                let change =
                    "UPDATE \(table) SET \(column) = \(column) WHERE ctid = (SELECT ctid FROM \(table) ORDER BY ctid LIMIT 1)"
                #expect(
                    Self.attempt(connection, change) == nil, "\(Self.caseworker) changed \(table) without an audit row")
                tried.append(table)
            }
            #expect(
                Set(["clock", "clock_pause", "clock_extension", "notice", "party"]).isSubset(of: tried), "\(tried)")
            // With its audit row, the same change of a clock goes in.
            #expect(
                Self.attempt(
                    connection,
                    """
                    INSERT INTO case_event (case_id, actor, occurred_at, kind)
                    SELECT case_id, session_user, now(), 'clock_corrected' FROM clock ORDER BY ctid LIMIT 1
                    """,
                    "UPDATE clock SET kind = kind WHERE ctid = (SELECT ctid FROM clock ORDER BY ctid LIMIT 1)") == 1)
            // Delivering a notice is the senders' work.
            let deliver =
                "UPDATE notice SET attempts = attempts + 1 WHERE id = (SELECT min(id) FROM notice WHERE state = 'pending')"
            #expect(Self.attempt(connection, deliver) == nil)
            let supervisor = try Self.connect(db, as: Self.supervisor)
            defer { supervisor.close() }
            #expect(Self.attempt(supervisor, deliver) == 1)
        }
    }

    /// An admin changes the office's settings, calendars and policy only with an office audit
    /// row: no unrecorded week, holiday or backdated policy version.
    @Test func theOfficeChangesOnlyWithItsAuditRow() throws {
        try withOffice { db, _ in
            let admin = try Self.connect(db, as: Self.admin)
            defer { admin.close() }
            let changes = [
                "UPDATE office SET week_mask = week_mask",
                "INSERT INTO holiday_calendar (name) VALUES ('unrecorded')",
                "DELETE FROM holiday WHERE holiday_date = (SELECT min(holiday_date) FROM holiday)",
                """
                INSERT INTO policy_version (version, effective_from, document, created_by)
                SELECT max(version) + 1, date '2020-01-01',
                    jsonb_set((SELECT document FROM policy_version WHERE version = 1), '{version}', to_jsonb(max(version) + 1)),
                    session_user
                FROM policy_version
                """,
            ]
            let recorded =
                "INSERT INTO case_event (actor, occurred_at, kind) VALUES (session_user, now(), 'office_changed')"
            for change in changes {
                #expect(Self.attempt(admin, change) == nil, "\(change)")
                #expect(Self.attempt(admin, recorded, change) == 1, "\(change)")
            }
        }
    }

    /// Notes recorded in mediation: only the ombudsperson, the assignee and the mediators read
    /// them, whatever SQL a login writes.
    @Test func mediationNotesStayWithTheMediation() throws {
        try withOffice { db, superuser in
            let caseID = try superuser.query("SELECT min(id) FROM complaint_case").first!.decode(Int.self, at: 0)
            try superuser.execute(
                """
                INSERT INTO case_note (case_id, author, noted_at, body, under_mediation)
                VALUES (\(caseID), \(Self.supervisor), now(), 'said in mediation', true)
                """)
            try superuser.execute("UPDATE complaint_case SET assignee = NULL WHERE id = \(caseID)")
            let query = "SELECT count(*) FROM case_note WHERE body = 'said in mediation'"
            func seen(_ login: String) throws -> Int {
                let connection = try Self.connect(db, as: login)
                defer { connection.close() }
                return try connection.query(PostgresQuery(unsafeSQL: query)).first!.decode(Int.self, at: 0)
            }
            #expect(try seen(Self.caseworker) == 0)
            #expect(try seen(Self.supervisor) == 0)
            #expect(try seen(Self.auditor) == 0)
            try superuser.execute("UPDATE complaint_case SET assignee = \(Self.caseworker) WHERE id = \(caseID)")
            #expect(try seen(Self.caseworker) == 1)
        }
    }

    /// With plain SQL a working role still moves cases only as the lifecycle and its roles
    /// allow: no skipped states, no outcome without a move, no assigning or reopening for a
    /// caseworker.
    @Test func casesMoveOnlyByTheLifecycle() throws {
        try withOffice { db, superuser in
            let caseworker = try Self.connect(db, as: Self.caseworker)
            defer { caseworker.close() }
            let supervisor = try Self.connect(db, as: Self.supervisor)
            defer { supervisor.close() }
            #expect(
                Self.attempt(caseworker, "UPDATE complaint_case SET state = 'remedy' WHERE state <> 'decided'") == nil)
            #expect(
                Self.attempt(caseworker, "UPDATE complaint_case SET state = 'closed' WHERE state = 'triage'") == nil)
            #expect(
                Self.attempt(caseworker, "UPDATE complaint_case SET outcome = 'duplicate' WHERE state = 'closed'")
                    == nil)
            #expect(Self.attempt(caseworker, "UPDATE complaint_case SET assignee = session_user") == nil)
            let reopen = "UPDATE complaint_case SET state = 'triage', outcome = NULL WHERE state = 'closed'"
            #expect(Self.attempt(caseworker, reopen) == nil)
            let closed = try superuser.query("SELECT count(*) FROM complaint_case WHERE state = 'closed'").first!
                .decode(Int.self, at: 0)
            #expect(closed > 0)
            let audited =
                "INSERT INTO case_event (case_id, actor, occurred_at, kind) SELECT id, session_user, now(), 'case_reopened' FROM complaint_case WHERE state = 'closed'"
            #expect(Self.attempt(supervisor, audited, reopen) == closed)
            #expect(
                Self.attempt(
                    caseworker,
                    "INSERT INTO complaint_case (reference, received_at, received_on, channel, summary, state, respondent_id, opened_by) SELECT 'HRC-2099-000001', now(), current_date, 'web', 'x', 'closed', respondent_id, session_user FROM complaint_case LIMIT 1"
                ) == nil)
        }
    }

    /// A change to a case or its parties made with plain SQL commits only with an audit row
    /// of that case written by the same login in the same transaction.
    @Test func aCaseChangesOnlyWithItsAuditRow() throws {
        try withOffice { db, superuser in
            let caseID = try superuser.query("SELECT min(id) FROM complaint_case").first!.decode(Int.self, at: 0)
            let connection = try Self.connect(db, as: Self.caseworker)
            defer { connection.close() }
            let change = "UPDATE complaint_case SET summary = 'rewritten' WHERE id = \(caseID)"
            #expect(throws: PostgresError.self) { try connection.withTransaction { try $0.execute(unsafeSQL: change) } }
            let party = "UPDATE party SET email = 'elsewhere@example.org' WHERE case_id = \(caseID)"
            #expect(throws: PostgresError.self) { try connection.withTransaction { try $0.execute(unsafeSQL: party) } }
            let note =
                "INSERT INTO case_note (case_id, author, noted_at, body) VALUES (\(caseID), session_user, now(), 'unrecorded')"
            #expect(throws: PostgresError.self) { try connection.withTransaction { try $0.execute(unsafeSQL: note) } }
            let redirect = "UPDATE notice SET recipient = 'elsewhere@example.org' WHERE state = 'pending'"
            try superuser.execute(
                """
                INSERT INTO notice (case_id, kind, audience, recipient, channel, language)
                VALUES (\(caseID), 'acknowledgement', 'respondent', 'complaints@body.example', 'email', 'en')
                """)
            #expect(Self.attempt(connection, redirect) == nil)
            let summary = {
                try superuser.query("SELECT summary FROM complaint_case WHERE id = \(caseID)").first!.decode(
                    String.self, at: 0)
            }
            #expect(try summary() != "rewritten")
            try connection.withTransaction { connection in
                try connection.execute(unsafeSQL: change)
                try connection.execute(
                    "INSERT INTO case_event (case_id, actor, occurred_at, kind) VALUES (\(caseID), session_user, now(), 'summary_corrected')"
                )
            }
            #expect(try summary() == "rewritten")
            let actor = try superuser.query(
                "SELECT actor FROM case_event WHERE case_id = \(caseID) AND kind = 'summary_corrected'"
            ).first?.decode(String.self, at: 0)
            #expect(actor == Self.caseworker)
        }
    }
}
