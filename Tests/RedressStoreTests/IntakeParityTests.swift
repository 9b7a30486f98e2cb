import Foundation
import Postgres
import RedressTesting
import Testing

@testable import RedressCore
@testable import RedressStore

/// One way to open a case: the same complaint opened by `case open` (`CaseStore.open`, which
/// the service's intake calls too), by `case import` (`CaseImporter`) and by `demo seed`
/// (`DemoSeedLoader`) writes the same rows: the case, its parties, categories and clocks, and
/// the `case_opened` audit row, apart from ids, references, the instants rows were written
/// and who registered it.
@Suite("Intake parity")
struct IntakeParityTests {
    /// Everything written for a case that does not depend on its id, reference, write time or
    /// registering login, as canonical JSON text.
    static func rows(_ connection: PostgresConnection, caseID: Int) throws -> [String: String] {
        let queries: [(String, PostgresQuery)] = [
            (
                "case",
                """
                SELECT (to_jsonb(c) - 'id' - 'reference' - 'created_at' - 'updated_at' - 'opened_by')::text
                FROM complaint_case c WHERE c.id = \(caseID)
                """
            ),
            (
                "parties",
                """
                SELECT coalesce(jsonb_agg(to_jsonb(p) - 'id' - 'case_id' - 'created_at' - 'updated_at' ORDER BY p.role, p.position), '[]')::text
                FROM party p WHERE p.case_id = \(caseID)
                """
            ),
            (
                "categories",
                """
                SELECT coalesce(jsonb_agg(g.category_code ORDER BY g.category_code), '[]')::text FROM case_category g WHERE g.case_id = \(caseID)
                """
            ),
            (
                "clocks",
                """
                SELECT coalesce(jsonb_agg(to_jsonb(k) - 'id' - 'case_id' - 'created_at' - 'updated_at' ORDER BY k.kind), '[]')::text
                FROM clock k WHERE k.case_id = \(caseID)
                """
            ),
            (
                "events",
                """
                SELECT coalesce(jsonb_agg(jsonb_build_object('kind', e.kind, 'occurred_at', e.occurred_at,
                    'data', e.data - 'reference' - 'imported_from' - 'line') ORDER BY e.id), '[]')::text
                FROM case_event e WHERE e.case_id = \(caseID)
                """
            ),
        ]
        var result: [String: String] = [:]
        for (name, query) in queries { result[name] = try connection.query(query).first!.decode(String.self, at: 0) }
        return result
    }

    /// The case id and the reference its `case_opened` row records.
    static func opened(_ connection: PostgresConnection, reference: String) throws -> (id: Int, recorded: String?) {
        let row = try connection.query(
            """
            SELECT c.id, e.data->>'reference' FROM complaint_case c
            JOIN case_event e ON e.case_id = c.id AND e.kind = 'case_opened'
            WHERE c.reference = \(reference)
            """
        ).first!
        return (try row.decode(Int.self, at: 0), try row.decode(String?.self, at: 1))
    }

    static let receivedAt = "2026-02-02T09:30:00Z"
    static let summary =
        "The housing office cut the heating allowance without a hearing; the family has no heating in winter."
    static let lateReason = "The complainant learned of the decision only in January."

    /// A complaint with every field the import format carries, late and accepted anyway.
    static let importLine = """
        {"received_at": "\(receivedAt)", "channel": "email", "complainant": "Kim Minji;Park Jisoo", "email": "minji@example.org", \
        "phone": "+82 62 123 4567", "address": "12 Riverside Road\\nGwangju", "language": "ko", "contact_preference": "post", \
        "representative": "Advocate Lee", "representative_email": "lee@advocates.example", "respondent": "Housing Department", \
        "respondent_email": "complaints@housing.example", "head_of_body": "Director Choi", "head_of_body_email": "director@housing.example", \
        "categories": "housing;energy;housing", "summary": "\(summary)", "urgent": true, "confidential": true, \
        "incident_date": "2024-06-01", "accept_late_reason": "\(lateReason)"}
        """

    /// The same complaint as `case open` is given it.
    static func importedComplaint() throws -> NewCase {
        NewCase(
            receivedAt: try EventTime.instant(parsing: receivedAt, timeZone: .gmt), channel: .email,
            complainants: [
                Party(
                    name: "Kim Minji", email: "minji@example.org", phone: "+82 62 123 4567",
                    postalAddress: "12 Riverside Road\nGwangju", language: "ko", contactPreference: .post),
                Party(name: "Park Jisoo"),
            ],
            representative: Party(name: "Advocate Lee", email: "lee@advocates.example"),
            respondent: RespondentBody(
                name: "Housing Department", email: "complaints@housing.example",
                headOfBodyName: "Director Choi", headOfBodyEmail: "director@housing.example"),
            categories: ["housing", "energy", "housing"], summary: summary, language: "ko", urgent: true,
            confidential: true,
            incidentDate: LocalDate(iso: "2024-06-01"), acceptLateReason: lateReason)
    }

    @Test("case open and case import write the same rows")
    func openAndImportAgree() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let opened = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).open(try Self.importedComplaint(), actor: actor)
                }
                let summary = try connection.withStoreTransaction { _ in
                    try CaseImporter(connection).run(
                        text: Self.importLine, format: .jsonl, source: "parity.jsonl", dryRun: false,
                        actor: actor, at: Date())
                }
                let viaOpen = try Self.opened(connection, reference: opened.reference)
                let viaImport = try Self.opened(connection, reference: try #require(summary.firstReference))
                #expect(viaOpen.recorded == opened.reference)
                #expect(viaImport.recorded == summary.firstReference)
                let openRows = try Self.rows(connection, caseID: viaOpen.id)
                let importRows = try Self.rows(connection, caseID: viaImport.id)
                for key in openRows.keys.sorted() {
                    #expect(openRows[key] == importRows[key], "\(key)")
                }
                #expect(openRows["clocks"]?.contains("\"acknowledge\"") == true)
                #expect(openRows["case"]?.contains("\"late_filing\": true") == true)
            }
        }
    }

    @Test("case open and the demo seed write the same rows")
    func openAndDemoAgree() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let context = try OfficeContext.load(connection)
                let body = DemoVocabulary.bodies[0]
                let respondent = RespondentBody(
                    name: body.name, email: body.email, headOfBodyName: body.headName, headOfBodyEmail: body.headEmail)
                let receivedAt = try EventTime.instant(parsing: "2026-03-04T14:10:00Z", timeZone: .gmt)
                let incident = try #require(LocalDate(iso: "2026-02-20"))
                let complainant = DemoParty(
                    name: "Residents of Block 4", email: "block4@example.org", phone: "010-1234-5678",
                    postalAddress: "4 Station Street", contactPreference: "email")
                let advocate = DemoParty(
                    name: "Oh Sungmin", email: nil, phone: "010-8765-4321", postalAddress: "1 Court Lane",
                    contactPreference: "post")
                let demo = DemoCase(
                    index: 0, receivedAt: receivedAt, receivedOn: context.localDate(receivedAt), channel: "phone",
                    language: "ko",
                    complainant: complainant, groupSize: 12, representative: advocate, bodyIndex: 0,
                    categories: ["mobility", "housing"],
                    summary: "The lift at the station has been out of order for three months.", incidentDate: incident,
                    urgent: true,
                    confidential: false, steps: [])
                func party(_ p: DemoParty) -> Party {
                    Party(
                        name: p.name, email: p.email, phone: p.phone, postalAddress: p.postalAddress, language: "ko",
                        contactPreference: ContactPreference(rawValue: p.contactPreference))
                }
                let new = NewCase(
                    receivedAt: receivedAt, channel: .phone, complainants: [party(complainant)], groupSize: 12,
                    representative: party(advocate), respondent: respondent, categories: ["mobility", "housing"],
                    summary: demo.summary, language: "ko", urgent: true, incidentDate: incident)
                let opened = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).open(new, actor: actor)
                }

                let reference = try connection.withStoreTransaction { connection in
                    let store = CaseStore(connection)
                    let bodyID = try store.respondent(for: respondent).id
                    let office = try DemoOffice(seed: 1, asOf: demo.receivedOn, cases: 1, calendar: context.calendar)
                    let loader = DemoSeedLoader(
                        connection: connection, context: context, office: office, bodyIDs: [bodyID])
                    let number = try store.takeReferenceNumbers(
                        prefix: context.settings.referencePrefix, year: demo.receivedOn.year, count: 1)
                    let reference = try CaseReference(
                        prefix: context.settings.referencePrefix, year: demo.receivedOn.year, number: number
                    ).formatted
                    var ids = DemoIDPool(mediations: [], arbitrations: [], decisions: [], items: [])
                    var built = try loader.build(demo, reference: reference, ids: &ids)
                    built.record.id = try loader.nextIDs("complaint_case_id_seq", 1)[0]
                    for (index, id) in try loader.nextIDs("clock_id_seq", built.record.clocks.count).enumerated() {
                        built.record.clocks[index].id = id
                    }
                    var result = DemoSeed.Result(asOf: demo.receivedOn)
                    try loader.copy([built], into: &result)
                    return reference
                }
                let viaOpen = try Self.opened(connection, reference: opened.reference)
                let viaDemo = try Self.opened(connection, reference: reference)
                #expect(viaDemo.recorded == reference)
                let openRows = try Self.rows(connection, caseID: viaOpen.id)
                let demoRows = try Self.rows(connection, caseID: viaDemo.id)
                for key in openRows.keys.sorted() {
                    #expect(openRows[key] == demoRows[key], "\(key)")
                }
            }
        }
    }

    /// The resolution rows of one case, apart from ids, write times and the ids audit data names.
    static func resolutionRows(_ connection: PostgresConnection, caseID: Int) throws -> [String: String] {
        let queries: [(String, String)] = [
            (
                "case",
                "SELECT (to_jsonb(c) - 'id' - 'reference' - 'created_at' - 'updated_at' - 'opened_by')::text FROM complaint_case c WHERE c.id = \(caseID)"
            ),
            (
                "clocks",
                "SELECT coalesce(jsonb_agg(to_jsonb(k) - 'id' - 'case_id' - 'created_at' - 'updated_at' ORDER BY k.kind, k.subject, k.start_at), '[]')::text FROM clock k WHERE k.case_id = \(caseID)"
            ),
            (
                "events",
                "SELECT coalesce(jsonb_agg(jsonb_build_object('kind', e.kind, 'actor', e.actor, 'occurred_at', e.occurred_at, 'data', e.data - 'reference' - 'decision_id' - 'mediation_id') ORDER BY e.id), '[]')::text FROM case_event e WHERE e.case_id = \(caseID) AND e.kind <> 'case_opened'"
            ),
            (
                "investigation",
                "SELECT coalesce(jsonb_agg(to_jsonb(i) - 'case_id'), '[]')::text FROM investigation i WHERE i.case_id = \(caseID)"
            ),
            (
                "decisions",
                "SELECT coalesce(jsonb_agg(to_jsonb(d) - 'id' - 'case_id' - 'created_at' ORDER BY d.id), '[]')::text FROM decision d WHERE d.case_id = \(caseID)"
            ),
            (
                "items",
                "SELECT coalesce(jsonb_agg(to_jsonb(r) - 'id' - 'case_id' - 'decision_id' - 'updated_at' ORDER BY r.number), '[]')::text FROM remedy_item r WHERE r.case_id = \(caseID)"
            ),
            (
                "entries",
                "SELECT coalesce(jsonb_agg(to_jsonb(e) - 'id' - 'remedy_item_id' - 'recorded_at' ORDER BY e.occurred_at), '[]')::text FROM remedy_entry e JOIN remedy_item r ON r.id = e.remedy_item_id WHERE r.case_id = \(caseID)"
            ),
            (
                "notices",
                "SELECT coalesce(jsonb_agg(jsonb_build_object('kind', n.kind, 'audience', n.audience, 'recipient', n.recipient, 'channel', n.channel, 'language', n.language, 'data', n.data) ORDER BY n.id), '[]')::text FROM notice n WHERE n.case_id = \(caseID)"
            ),
        ]
        var result: [String: String] = [:]
        for (name, sql) in queries {
            result[name] = try connection.query(PostgresQuery(unsafeSQL: sql)).first!.decode(String.self, at: 0)
        }
        return result
    }

    /// A decision with two recommendations, one carried out and verified, the other found not
    /// implemented: `investigation decide` and `remedy accept / evidence / verify` write the
    /// same case, clocks, audit rows, investigation, decision, items, evidence and notices as
    /// the demo seed writes for the same steps.
    @Test("the resolution commands and the demo seed write the same rows")
    func resolutionCommandsAndDemoAgree() throws {
        try withTestDatabase { db in
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                let context = try OfficeContext.load(connection)
                let body = DemoVocabulary.bodies[1]
                let respondent = RespondentBody(
                    name: body.name, email: body.email, headOfBodyName: body.headName, headOfBodyEmail: body.headEmail)
                let complainant = DemoParty(
                    name: "Kim Minji", email: "minji@example.org", phone: nil, postalAddress: "7 River Road",
                    contactPreference: "email")
                func at(_ text: String) throws -> Date { try EventTime.instant(parsing: text, timeZone: .gmt) }
                let received = try at("2026-01-05T09:30:00Z")
                let specs = [
                    try RemedySpec(kind: .apology, text: "A written apology from a senior officer."),
                    try RemedySpec(kind: .training, text: "The team is trained on its duties."),
                ]
                let findings = "The body failed in its duty; the complaint is upheld."
                let plan: [(String, DemoAction)] = [
                    ("2026-01-06T10:00:00Z", .acknowledge),
                    ("2026-01-08T10:00:00Z", .move(Move(from: .triage, to: .investigation))),
                    ("2026-01-20T10:00:00Z", .respondentResponded),
                    (
                        "2026-02-16T10:00:00Z",
                        .decision(DemoDecision(kind: .decision, outcome: .upheld, text: findings, items: specs))
                    ),
                    ("2026-03-02T10:00:00Z", .remedyAnswered(item: 1, accepts: true)),
                    ("2026-03-03T10:00:00Z", .remedyAnswered(item: 2, accepts: true)),
                    ("2026-04-13T10:00:00Z", .remedyEvidence(item: 1)),
                    ("2026-04-15T10:00:00Z", .remedyVerdict(item: 1, .verify)),
                    ("2026-09-21T10:00:00Z", .remedyVerdict(item: 2, .notImplemented)),
                ]
                let steps = try plan.map { text, action in
                    let instant = try at(text)
                    return DemoStep(at: instant, on: context.localDate(instant), actor: actor.login, action: action)
                }
                let demo = DemoCase(
                    index: 0, receivedAt: received, receivedOn: context.localDate(received), channel: "email",
                    language: "en", complainant: complainant, groupSize: nil, representative: nil, bodyIndex: 1,
                    categories: ["housing"], summary: "The housing office ignored my application.",
                    incidentDate: try #require(LocalDate(iso: "2025-12-01")), urgent: false, confidential: false,
                    steps: steps)

                // Through the commands.
                let new = NewCase(
                    receivedAt: received, channel: .email,
                    complainants: [
                        Party(
                            name: complainant.name, email: complainant.email, postalAddress: complainant.postalAddress,
                            language: "en", contactPreference: .email)
                    ], respondent: respondent, categories: ["housing"], summary: demo.summary, language: "en",
                    incidentDate: demo.incidentDate)
                let reference = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).open(new, actor: actor).reference
                }
                func step(_ index: Int, _ body: (Date) throws -> Void) throws {
                    try connection.withStoreTransaction { _ in try body(steps[index].at) }
                }
                let cases = CaseStore(connection)
                let decisions = DecisionStore(connection)
                let remedies = RemedyStore(connection)
                try step(0) { _ = try cases.acknowledge(reference: reference, actor: actor, at: $0) }
                try step(1) {
                    _ = try cases.move(reference: reference, MoveRequest(to: .investigation), actor: actor, at: $0)
                }
                try step(2) { _ = try decisions.recordResponse(reference: reference, note: nil, actor: actor, at: $0) }
                try step(3) {
                    _ = try decisions.decide(
                        reference: reference, outcome: .upheld, findings: findings, recommendations: specs,
                        actor: actor, at: $0)
                }
                try step(4) { _ = try remedies.accept(reference: reference, number: 1, actor: actor, at: $0) }
                try step(5) { _ = try remedies.accept(reference: reference, number: 2, actor: actor, at: $0) }
                try step(6) {
                    _ = try remedies.evidence(
                        reference: reference, number: 1, description: DemoSeedLoader.Words.evidence, actor: actor,
                        at: $0)
                }
                try step(7) { _ = try remedies.verify(reference: reference, number: 1, actor: actor, at: $0) }
                try step(8) {
                    _ = try remedies.verify(
                        reference: reference, number: 2, result: .notImplemented,
                        reason: DemoSeedLoader.Words.notImplemented, actor: actor, at: $0)
                }

                // Through the demo seed.
                let seeded = try connection.withStoreTransaction { connection in
                    let store = CaseStore(connection)
                    let bodyID = try store.respondent(for: respondent).id
                    let office = try DemoOffice(seed: 1, asOf: demo.receivedOn, cases: 1, calendar: context.calendar)
                    let loader = DemoSeedLoader(
                        connection: connection, context: context, office: office, bodyIDs: [bodyID, bodyID])
                    let number = try store.takeReferenceNumbers(
                        prefix: context.settings.referencePrefix, year: demo.receivedOn.year, count: 1)
                    let reference = try CaseReference(
                        prefix: context.settings.referencePrefix, year: demo.receivedOn.year, number: number
                    ).formatted
                    var ids = DemoIDPool(
                        mediations: [], arbitrations: [], decisions: try loader.nextIDs("decision_id_seq", 1),
                        items: try loader.nextIDs("remedy_item_id_seq", 2))
                    var built = try loader.build(demo, reference: reference, ids: &ids)
                    built.record.id = try loader.nextIDs("complaint_case_id_seq", 1)[0]
                    for (index, id) in try loader.nextIDs("clock_id_seq", built.record.clocks.count).enumerated() {
                        built.record.clocks[index].id = id
                    }
                    var result = DemoSeed.Result(asOf: demo.receivedOn)
                    try loader.copy([built], into: &result)
                    return reference
                }
                let viaCommands = try Self.opened(connection, reference: reference)
                let viaDemo = try Self.opened(connection, reference: seeded)
                let commandRows = try Self.resolutionRows(connection, caseID: viaCommands.id)
                let demoRows = try Self.resolutionRows(connection, caseID: viaDemo.id)
                #expect(commandRows["case"]?.contains("\"closed\"") == true)
                #expect(commandRows["items"]?.contains("not_implemented") == true)
                for key in commandRows.keys.sorted() {
                    #expect(commandRows[key] == demoRows[key], "\(key)")
                }
            }
        }
    }
}
