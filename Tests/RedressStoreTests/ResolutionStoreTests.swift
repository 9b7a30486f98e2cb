import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// The resolution store against a real PostgreSQL: the rules the database keeps for psql users
/// too, all-or-nothing changes, and concurrent changes to one case.
@Suite struct ResolutionStoreTests {
    static func at(_ text: String) throws -> Date {
        try EventTime.instant(parsing: text, timeZone: TimeZone(identifier: "UTC")!)
    }

    /// Opens a case and takes it to investigation; returns its reference.
    static func investigating(_ connection: PostgresConnection, actor: Actor) throws -> String {
        let cases = CaseStore(connection)
        let new = NewCase(
            receivedAt: try at("2026-03-02"), channel: .email, complainants: [Party(name: "Lee Jiwoo")],
            respondent: RespondentBody(name: "District Office"), summary: "No ramp at the library")
        let reference = try connection.withStoreTransaction { _ in try cases.open(new, actor: actor).reference }
        _ = try connection.withStoreTransaction { _ in
            try cases.acknowledge(reference: reference, actor: actor, at: try at("2026-03-03"))
        }
        _ = try connection.withStoreTransaction { _ in
            try cases.move(
                reference: reference, MoveRequest(to: .investigation), actor: actor, at: try at("2026-03-04"))
        }
        return reference
    }

    /// A case decided with two recommendations, the first accepted.
    static func inRemedy(_ connection: PostgresConnection, actor: Actor) throws -> (reference: String, caseID: Int) {
        let reference = try investigating(connection, actor: actor)
        let specs = [
            try RemedySpec(parsing: "apology: Apologise"), try RemedySpec(parsing: "training: Train the library staff"),
        ]
        _ = try connection.withStoreTransaction {
            try DecisionStore($0).decide(
                reference: reference, outcome: .upheld, findings: "No ramp for two years.", recommendations: specs,
                actor: actor, at: try at("2026-04-01"))
        }
        _ = try connection.withStoreTransaction {
            try RemedyStore($0).accept(reference: reference, number: 1, actor: actor, at: try at("2026-04-02"))
        }
        let id = try connection.query("SELECT id FROM complaint_case WHERE reference = \(reference)").first!.decode(
            Int.self, at: 0)
        return (reference, id)
    }

    func constraint(of body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as PostgresError {
            return error.constraint
        } catch {
            return "\(error)"
        }
    }

    @Test func theDatabaseKeepsTheRulesForPsqlToo() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let (_, caseID) = try Self.inRemedy(connection, actor: actor)
                #expect(
                    constraint {
                        try connection.execute(
                            "UPDATE complaint_case SET state = 'closed', outcome = 'upheld' WHERE id = \(caseID)")
                    } == "complaint_case_closes_with_remedies_finished")
                #expect(
                    constraint {
                        try connection.execute(
                            "UPDATE remedy_item SET state = 'rejected' WHERE case_id = \(caseID) AND number = 2")
                    } == "remedy_item_rejection_has_reasons")
                #expect(
                    constraint {
                        try connection.execute(
                            "UPDATE remedy_item SET kind = 'financial' WHERE case_id = \(caseID) AND number = 2")
                    } == "remedy_item_financial_has_amount")
                #expect(
                    constraint {
                        try connection.execute(
                            "UPDATE remedy_item SET number = 1 WHERE case_id = \(caseID) AND number = 2")
                    } == "remedy_item_number_is_unique")
                // A second live remedy clock for item 1 is refused; one for another item is not.
                let copy: (Int) -> PostgresQuery = { subject in
                    """
                    INSERT INTO clock (case_id, subject, kind, remedy_scale, start_at, start_date, allowance_amount, allowance_unit,
                        policy_version, status, due_date)
                    SELECT case_id, \(subject), kind, remedy_scale, start_at, start_date, allowance_amount, allowance_unit,
                        policy_version, status, due_date FROM clock WHERE case_id = \(caseID) AND kind = 'remedy'
                    """
                }
                #expect(constraint { try connection.execute(copy(1)) } == "clock_one_live_per_kind_and_subject")
                #expect(constraint { try connection.execute(copy(2)) } == nil)
                #expect(
                    constraint {
                        try connection.execute(
                            """
                            INSERT INTO clock (case_id, kind, start_at, start_date, allowance_amount, allowance_unit, policy_version, status, due_date)
                            VALUES (\(caseID), 'verification', now(), current_date, 10, 'working_days', 1, 'running', current_date)
                            """)
                    } == "clock_item_clocks_name_their_item")
                // An award without both consents.
                let arbitration = try connection.query(
                    """
                    INSERT INTO arbitration (case_id, panel_constituted_on, hearing_closed_on) VALUES (\(caseID), current_date, current_date)
                    RETURNING id
                    """
                ).first!.decode(Int.self, at: 0)
                try connection.execute(
                    """
                    INSERT INTO arbitration_consent (arbitration_id, party, consented_at, consented_on, recorded_by)
                    VALUES (\(arbitration), 'complainant', now(), current_date, 'psql')
                    """)
                #expect(
                    constraint {
                        try connection.execute(
                            """
                            UPDATE arbitration SET award_text = 'pay', award_binding = true, awarded_on = current_date WHERE id = \(arbitration)
                            """)
                    } == "arbitration_award_needs_both_consents")
                // Closing as withdrawn supersedes the open items.
                try connection.execute(
                    "UPDATE complaint_case SET state = 'closed', outcome = 'withdrawn' WHERE id = \(caseID)")
                let states = try connection.query(
                    "SELECT state FROM remedy_item WHERE case_id = \(caseID) ORDER BY number"
                ).map { try $0.decode(String.self, at: 0) }
                #expect(states == ["superseded", "superseded"])
            }
        }
    }

    /// A settlement whose second term the database refuses leaves nothing behind: no decision,
    /// no item, no clock, no audit row, no notice, the mediation still under way.
    @Test func aSettlementIsAllOrNothing() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let cases = CaseStore(connection)
                let new = NewCase(
                    receivedAt: try Self.at("2026-03-02"), channel: .email, complainants: [Party(name: "Lee Jiwoo")],
                    respondent: RespondentBody(name: "District Office"), summary: "No ramp")
                let reference = try connection.withStoreTransaction { _ in try cases.open(new, actor: actor).reference }
                _ = try connection.withStoreTransaction { _ in
                    try cases.acknowledge(reference: reference, actor: actor, at: try Self.at("2026-03-03"))
                }
                let mediation = MediationStore(connection)
                _ = try connection.withStoreTransaction { _ in
                    try mediation.offer(
                        reference: reference, mediator: nil, actor: actor, at: try Self.at("2026-03-03"))
                }
                for party in DisputeParty.allCases {
                    _ = try connection.withStoreTransaction { _ in
                        try mediation.answer(
                            reference: reference, party: party, accepts: true, actor: actor,
                            at: try Self.at("2026-03-04"))
                    }
                }
                func snapshot() throws -> [Int] {
                    try ["decision", "remedy_item", "clock", "case_event", "notice"].map {
                        try connection.query("SELECT count(*) FROM \(identifier: $0)").first!.decode(Int.self, at: 0)
                    }
                }
                let before = try snapshot()
                try connection.execute(
                    unsafeSQL:
                        "ALTER TABLE remedy_item ADD CONSTRAINT remedy_item_not_doomed CHECK (description <> 'Doomed')")
                let terms = [
                    try RemedySpec(parsing: "apology: Apologise"), try RemedySpec(parsing: "training: Doomed"),
                ]
                #expect(throws: StoreError.ruleViolated(constraint: "remedy_item_not_doomed")) {
                    try connection.withStoreTransaction { _ in
                        try mediation.settle(
                            reference: reference, terms: terms, actor: actor, at: try Self.at("2026-03-20"))
                    }
                }
                #expect(try snapshot() == before)
                let record = try cases.require(reference: reference)
                #expect(record.state == .mediation)
                // Opened 1, acknowledged 2, offered 3 (the move) and 4, two answers 5 and 6.
                #expect(record.version == 6)
                #expect(
                    try connection.query("SELECT status FROM mediation").first!.decode(String.self, at: 0) == "underway"
                )
            }
        }
    }

    /// Two staff members answer different items of one case at the same moment: each change
    /// either applies on top of the other or is refused as a conflict; no update is lost.
    @Test func concurrentAnswersNeverLoseAnUpdate() throws {
        try withTestDatabase { db in
            let (reference, caseID) = try db.withConnection { connection in
                try Self.inRemedy(connection, actor: try StaffStore(connection).currentActor())
            }
            let outcomes = NSLock()
            nonisolated(unsafe) var results: [String] = []
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let outcome: String
                do {
                    let connection = try db.connect()
                    defer { connection.close() }
                    let actor = try StaffStore(connection).currentActor()
                    _ = try connection.withStoreTransaction {
                        index == 0
                            ? try RemedyStore($0).accept(
                                reference: reference, number: 2, actor: actor, at: try Self.at("2026-04-03"))
                            : try RemedyStore($0).progress(
                                reference: reference, number: 1, note: "Letter drafted", actor: actor,
                                at: try Self.at("2026-04-03"))
                    }
                    outcome = "ok"
                } catch let error as StoreError where error.kind == .conflict {
                    outcome = "conflict"
                } catch {
                    outcome = "\(error)"
                }
                outcomes.lock()
                results.append(outcome)
                outcomes.unlock()
            }
            #expect(results.allSatisfy { $0 == "ok" || $0 == "conflict" }, "\(results)")
            let succeeded = results.filter { $0 == "ok" }.count
            #expect(succeeded >= 1)
            try db.withConnection { connection in
                let version = try connection.query("SELECT version FROM complaint_case WHERE id = \(caseID)").first!
                    .decode(Int.self, at: 0)
                let changed = try connection.query(
                    """
                    SELECT count(*) FROM remedy_item WHERE case_id = \(caseID) AND ((number = 2 AND state = 'accepted') OR (number = 1 AND state = 'in_progress'))
                    """
                ).first!.decode(Int.self, at: 0)
                // inRemedy left the case at version 6 (opened 1, acknowledged 2, moved 3, decided 4 and 5, accepted 6).
                let events = try connection.query(
                    "SELECT count(*) FROM case_event WHERE case_id = \(caseID) AND kind IN ('remedy_accepted', 'remedy_progress') AND occurred_at >= '2026-04-03'"
                ).first!.decode(Int.self, at: 0)
                #expect(changed == succeeded)
                #expect(events == succeeded)
                #expect(version == 6 + succeeded)
            }
        }
    }
}
