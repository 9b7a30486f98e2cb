import Foundation
public import Postgres
public import RedressCore

/// `redress demo seed`: fills a database with the demo office of `DemoOffice`, a year (or up to
/// twenty) of synthetic complaints, loaded with COPY so that a million cases take minutes.
///
/// Each case is opened as intake opens it (`CaseOpening`) and walked in memory through the
/// rules the store applies (`Lifecycle.move`, `extendClock`: the clock changes of every move,
/// every due date from RedressCore) and written as the store would have written it: the case,
/// its parties and categories, its clocks with their pauses and extensions, and an audit row
/// per change, in order, through the audit chain's trigger. The resolution steps are made the
/// way their commands make them (`MediationStore`, `DecisionStore`, `RemedyStore`, in
/// `DemoSeedResolution`): mediation rows with answers and sessions, investigation records,
/// decisions, settlements and awards, remedy items with their evidence, their `remedy` and
/// `verification` clocks, the automatic moves to `remedy` and `closed`, and the same audit
/// rows. The notices of those changes (acknowledgements, route decisions, extension letters,
/// mediation offers and outcomes, decisions, remedy reminders, hearing notices, closures) are in
/// the outbox as sent when they were queued; the progress letters of the past are not there
/// (their clock restarts as if they were), so the pending outbox holds only what the sweep queues.
///
/// It all happens in one transaction: killed half way, the database is as it was. A database
/// that holds cases already is refused unless `force` is set; then the demo cases are added
/// on the office's own calendar and settings.
public struct DemoSeed {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// What to seed.
    public struct Options: Sendable {
        /// How many cases.
        public var cases: Int
        /// The seed: the same seed gives the same office.
        public var seed: UInt64
        /// How many years of complaints, up to `asOf`: from 1 to `DemoOffice.maximumYears`.
        public var years: Int
        /// The office's "today"; by default today in the office time zone.
        public var asOf: LocalDate?
        /// Seed a database that holds cases already.
        public var force: Bool
        /// Cases per COPY round.
        public var batchSize: Int

        public init(
            cases: Int, seed: UInt64, years: Int = 1, asOf: LocalDate? = nil, force: Bool = false,
            batchSize: Int = 5_000
        ) {
            self.cases = cases
            self.seed = seed
            self.years = years
            self.asOf = asOf
            self.force = force
            self.batchSize = max(1, batchSize)
        }
    }

    /// What was seeded.
    public struct Result: Sendable {
        public var cases = 0
        public var clocks = 0
        public var events = 0
        public var mediations = 0
        public var decisions = 0
        public var remedies = 0
        public var notices = 0
        public var asOf: LocalDate
        /// Cases by state at the end.
        public var states: [CaseState: Int] = [:]
        public var seconds: Double = 0
    }

    /// The most cases one seed makes.
    public static let maximumCases = 5_000_000

    /// Seeds the demo office as `actor` (who must be an admin); `progress` hears cases done and the total.
    public func run(_ options: Options, actor: Actor, progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        guard (1...Self.maximumCases).contains(options.cases) else {
            throw StoreError.invalid(
                "The number of demo cases must be from 1 to \(Self.maximumCases); \(options.cases) is not.",
                hint: .give(["cases"]))
        }
        guard (1...DemoOffice.maximumYears).contains(options.years) else {
            throw StoreError.invalid(
                "The demo office's years of complaints must be from 1 to \(DemoOffice.maximumYears); \(options.years) is not.",
                hint: .give(["years"]))
        }
        try actor.require(.manageOffice)
        // Its audit rows name the demo staff, which only a trusted login may write.
        let trusted = try connection.query("SELECT redress_session_is_trusted()").first!.decode(Bool.self, at: 0)
        guard trusted else { throw DemoSeedError.untrustedLogin(actor.login) }
        let started = Date()
        return try connection.withStoreTransaction { connection in
            let existing = try connection.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            if existing > 0, !options.force { throw DemoSeedError.databaseHasCases(existing) }
            if existing == 0 {
                let today = try OfficeClock(timeZone: DemoOffice.timeZone).date(at: started)
                try configureOffice(asOf: options.asOf ?? today, years: options.years, actor: actor, at: started)
            }
            try PolicyStore(connection).storeDefault()
            try addStaff(actor: actor, at: started)
            let bodies = try DemoVocabulary.bodies.map { body in
                try CaseStore(connection).respondent(
                    for:
                        RespondentBody(
                            name: body.name, email: body.email, headOfBodyName: body.headName,
                            headOfBodyEmail: body.headEmail)
                ).id
            }
            let context = try OfficeContext.load(connection, lock: .exclusive)
            let asOf = options.asOf ?? context.localDate(started)
            let office = try DemoOffice(
                seed: options.seed, asOf: asOf, cases: options.cases, years: options.years,
                calendar: context.calendar)
            var result = Result(asOf: asOf)
            var loader = DemoSeedLoader(connection: connection, context: context, office: office, bodyIDs: bodies)
            var start = 0
            while start < options.cases {
                let end = min(options.cases, start + options.batchSize)
                try loader.load(start..<end, into: &result)
                start = end
                progress(start, options.cases)
            }
            result.seconds = Date().timeIntervalSince(started)
            var data: [String: JSONValue] = [
                "cases": .int(result.cases), "seed": .string(String(options.seed)), "as_of": .string(asOf.iso),
            ]
            // A one-year office's row stays as it always was.
            if options.years != 1 { data["years"] = .int(options.years) }
            try AuditLog(connection).record(
                caseID: nil, actor: actor.login, at: started, kind: "demo_seeded", data: data)
            return result
        }
    }

    /// An empty database becomes the demo office: its name, Seoul time, the demo holidays of
    /// every year its cases reach (`DemoOffice.holidayYears`).
    func configureOffice(asOf: LocalDate, years: Int, actor: Actor, at instant: Date) throws {
        _ = try OfficeStore(connection).update(
            OfficeChanges(
                name: DemoOffice.name, referencePrefix: DemoOffice.referencePrefix, timeZone: DemoOffice.timeZone,
                weekMask: "Mon-Fri", defaultLanguage: "ko", sender: DemoOffice.name + " <office@hro.demo.example>",
                mailDomain: "hro.demo.example"), actor: actor, at: instant)
        _ = try CalendarStore(connection).add(
            DemoHolidays.holidays(years: DemoOffice.holidayYears(asOf: asOf, years: years)), actor: actor, at: instant)
    }

    /// The demo staff, with addresses, for those not on the staff yet.
    func addStaff(actor: Actor, at instant: Date) throws {
        let store = StaffStore(connection)
        for member in DemoVocabulary.staff where try store.member(member.login) == nil {
            _ = try store.add(
                login: member.login, roles: member.roles, displayName: member.displayName,
                email: "\(member.login)@hro.demo.example", actor: actor, at: instant)
        }
    }
}

/// Why a demo seed was refused.
public enum DemoSeedError: Error, Sendable, Hashable {
    /// The database holds cases already.
    case databaseHasCases(Int)
    /// The login is a staff login, which writes audit rows only in its own name.
    case untrustedLogin(String)
}

extension DemoSeedError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .databaseHasCases: return .refused
        case .untrustedLogin: return .forbidden
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .databaseHasCases: return .give(["force"])
        case .untrustedLogin: return nil
        }
    }

    public var message: String {
        switch self {
        case let .databaseHasCases(count):
            return
                "The database holds \(count) \(count == 1 ? "case" : "cases") already; seed an empty database, or force adding demo cases to these."
        case let .untrustedLogin(login):
            return
                "The demo office's audit rows name its demo staff, which a staff login such as \(login) may not write; seed as the database's superuser."
        }
    }
}
