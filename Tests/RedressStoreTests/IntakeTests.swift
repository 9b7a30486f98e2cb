import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// Intake through `CaseStore.open`: what it returns is what reading the case back gives, and
/// it writes nothing to a known respondent body that the complaint adds nothing to.
@Suite struct IntakeTests {
    func complaint(_ respondent: RespondentBody, categories: [String] = ["housing", "energy", "housing"]) throws
        -> NewCase
    {
        NewCase(
            receivedAt: Date(timeIntervalSince1970: 1_772_438_400.123_456_7), channel: .web,
            complainants: [Party(name: "Lee Jiwoo", email: "jiwoo@example.org"), Party(name: "Lee Minho")],
            representative: Party(name: "Advocacy Centre", email: "help@example.org"), respondent: respondent,
            categories: categories, summary: "No ramp at the library", urgent: true)
    }

    func json(_ record: CaseRecord, _ connection: PostgresConnection) throws -> String {
        let context = try OfficeContext.load(connection)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let document = CaseDocument(
            record, calendar: context.calendar, asOf: try LocalDate(year: 2026, month: 3, day: 20), showIdentity: true)
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    @Test func theOpenedRecordIsTheStoredCase() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let opened = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).open(try complaint(RespondentBody(name: "District Office")), actor: actor)
                }
                let stored = try CaseStore(connection).require(reference: opened.reference)
                #expect(try json(opened, connection) == json(stored, connection))
                #expect(opened.categories == ["energy", "housing"])
                #expect(opened.clocks.map(\.id) == stored.clocks.map(\.id))
                #expect(opened.clocks.allSatisfy { $0.id != nil })
            }
        }
    }

    @Test func aKnownRespondentIsWrittenOnlyWhenTheComplaintAddsToIt() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let store = CaseStore(connection)
                func respondentVersion() throws -> String {
                    try connection.query(
                        "SELECT xmin::text || ':' || coalesce(email, '-') FROM respondent_body WHERE name = 'Water Board'"
                    )
                    .first!.decode(String.self, at: 0)
                }
                _ = try connection.withStoreTransaction { _ in
                    try store.open(try complaint(RespondentBody(name: "Water Board")), actor: actor)
                }
                let first = try respondentVersion()
                _ = try connection.withStoreTransaction { _ in
                    try store.open(try complaint(RespondentBody(name: "Water Board")), actor: actor)
                }
                #expect(try respondentVersion() == first)
                _ = try connection.withStoreTransaction { _ in
                    try store.open(
                        try complaint(RespondentBody(name: "Water Board", email: "complaints@water.example.org")),
                        actor: actor)
                }
                let second = try respondentVersion()
                #expect(second != first)
                #expect(second.hasSuffix(":complaints@water.example.org"))
                // A complaint that names no email keeps the one stored.
                _ = try connection.withStoreTransaction { _ in
                    try store.open(try complaint(RespondentBody(name: "Water Board")), actor: actor)
                }
                #expect(try respondentVersion() == second)
                #expect(
                    try connection.query("SELECT count(*) FROM respondent_body").first!.decode(Int.self, at: 0) == 1)
            }
        }
    }
}

/// Policy documents are decoded once per process and the default is encoded once; what the
/// store reads is still what was stored, version by version.
@Suite struct PolicyDocumentTests {
    @Test func storedVersionsReadBackThroughTheCache() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let store = PolicyStore(connection)
                try store.storeDefault()
                try store.storeDefault()
                let stored = try connection.query(
                    "SELECT document = \(PostgresJSON(Policy.default)) FROM policy_version WHERE version = 1")
                #expect(try stored.first!.decode(Bool.self, at: 0))
                let first = try store.policySet()
                let again = try store.policySet()
                #expect(first == again)
                #expect(first.policy(version: 1) == Policy.default)
                // A version changed behind the store's back is read as it now is.
                try connection.execute(
                    """
                    UPDATE policy_version SET document = jsonb_set(document, '{urgent_percent}', '60') WHERE version = 1
                    """)
                #expect(try store.policySet().policy(version: 1)?.urgentPercent == 60)
                #expect(Policy.default.urgentPercent != 60)
            }
        }
    }
}
