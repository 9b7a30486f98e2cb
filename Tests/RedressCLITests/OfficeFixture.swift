import Foundation
import Postgres
import RedressTesting
import Testing

/// A migrated office database and the `redress` binary run as an ordinary staff login that
/// holds every working role (admin, ombudsperson, supervisor, caseworker, intake): not the
/// superuser, so every command meets the database's own rules as staff do. Helpers act as
/// other staff.
struct OfficeFixture {
    let db: TestDatabase
    let owner: RedressBinary
    /// The fixture's login.
    let login: String

    init(_ db: TestDatabase) throws {
        self.db = db
        login = "office_\(db.name.suffix(8))"
        let added = try RedressBinary(database: db.url).run([
            "staff", "add", login, "--role", "admin", "--role", "ombudsperson", "--role", "supervisor",
            "--role", "caseworker", "--role", "intake",
        ])
        guard added.status == 0 else { throw OfficeFixtureError(detail: "\(added)") }
        owner = RedressBinary(database: db.url(asUser: login))
    }

    /// Runs `redress ARGS` as the fixture's login.
    @discardableResult
    func run(_ arguments: String...) throws -> CommandResult {
        try owner.run(arguments)
    }

    /// Runs and expects success, returning stdout.
    @discardableResult
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try ok(arguments, sourceLocation: sourceLocation)
    }

    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try owner.run(arguments)
        #expect(
            result.status == 0, "redress \(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation
        )
        return result.stdout
    }

    /// A staff member with `roles`, as a binary that connects with that login. The login name
    /// is made unique to this database, since roles are cluster-wide.
    func staff(_ name: String, roles: [String]) throws -> (login: String, binary: RedressBinary) {
        let login = "\(name)_\(db.name.suffix(8))"
        try db.createLogin(login)
        var arguments = ["staff", "add", login]
        for role in roles { arguments += ["--role", role] }
        // Added by the database administrator, whose login may grant redress_staff.
        let result = try RedressBinary(database: db.url).run(arguments)
        #expect(result.status == 0, "\(result)")
        return (login, RedressBinary(database: db.url(asUser: login)))
    }

    /// Row counts of every table a case command writes.
    func counts() throws -> [String: Int] {
        try db.withConnection { connection in
            var counts: [String: Int] = [:]
            for table in [
                "complaint_case", "party", "case_category", "clock", "clock_pause", "clock_extension", "case_note",
                "case_event", "notice", "holiday", "staff", "policy_version", "reference_counter", "respondent_body",
            ] {
                counts[table] = try connection.query("SELECT count(*) FROM \(identifier: table)").first!.decode(
                    Int.self, at: 0)
            }
            return counts
        }
    }

    /// `case show REF --format json` as a dictionary.
    func show(_ reference: String, asOf: String? = nil, binary: RedressBinary? = nil) throws -> [String: Any] {
        var arguments = ["case", "show", reference, "--format", "json"]
        if let asOf { arguments += ["--as-of", asOf] }
        let result = try (binary ?? owner).run(arguments)
        #expect(result.status == 0, "\(result)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// The clock of `kind` (the latest) in a shown case.
    func clock(_ document: [String: Any], _ kind: String) -> [String: Any] {
        let clocks = document["clocks"] as? [[String: Any]] ?? []
        return clocks.last { $0["kind"] as? String == kind } ?? [:]
    }

    /// Opens a plain complaint received at `receivedAt`; returns its reference.
    func openCase(
        receivedAt: String = "2026-02-26T10:00+09:00", complainant: String = "Kim Minji", extra: [String] = [],
        binary: RedressBinary? = nil
    ) throws -> String {
        let result = try (binary ?? owner).run(
            [
                "case", "open", "--complainant", complainant, "--email", "minji@example.org",
                "--respondent", "Gwangju City Housing Corporation", "--summary", "Eviction without notice",
                "--category", "housing", "--received-at", receivedAt,
            ] + extra)
        #expect(result.status == 0, "\(result)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Seoul time, Monday to Friday, with the 2026 holidays the tests count on.
    func useSeoulCalendar() throws {
        try ok("office", "set", "--time-zone", "Asia/Seoul", "--week-mask", "Mon-Fri")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID().uuidString).csv")
        try """
        date,name
        2026-03-01,Independence Movement Day
        2026-03-02,Substitute holiday for Independence Movement Day
        2026-05-05,Children's Day
        2026-05-25,Substitute holiday for Buddha's Birthday
        2026-06-03,Local elections
        2026-06-06,Memorial Day
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try ok("calendar", "import", file.path, "--calendar", "KR national")
    }
}

struct OfficeFixtureError: Error, CustomStringConvertible {
    var detail: String
    var description: String { "the office fixture's login could not be added: \(detail)" }
}
