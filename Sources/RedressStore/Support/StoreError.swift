public import Postgres
public import RedressCore

/// Why the store refused a request, in the terms of the office rather than of SQL.
///
/// Each error says what to do next; `kind` tells an edge (CLI, HTTP) which exit code or status fits.
public enum StoreError: Error, Sendable, Hashable {
    /// The PostgreSQL login is not on the staff.
    case notStaff(login: String)
    /// The login is on the staff but deactivated.
    case inactiveStaff(login: String)
    /// None of the login's roles may do this.
    case notPermitted(login: String, action: String, allowed: [Role])
    /// No case has that reference.
    case caseNotFound(String)
    /// No staff member has that login.
    case staffNotFound(String)
    /// No holiday falls on that date (in that calendar).
    case holidayNotFound(LocalDate, calendar: String?)
    /// The login is on the staff already.
    case staffExists(String)
    /// The staff member is deactivated, so no case is assigned to them.
    case inactiveAssignee(String)
    /// The acting login is recused from the case, so it may not act on it.
    case recused(login: String, from: String)
    /// The staff member is recused from the case, so it is not assigned to them.
    case assigneeRecused(login: String, reference: String)
    /// The staff member is the assignee of `count` open cases, which must go to someone else
    /// `purpose` ("before the login is deactivated").
    case holdsOpenCases(login: String, count: Int, purpose: String)
    /// The staff member is recused already from what they would be recused from.
    case alreadyRecused(login: String, from: String)
    /// The staff member is not recused from that case or body, so there is nothing to lift.
    case recusalNotFound(login: String, from: String)
    /// No respondent body has that name.
    case respondentNotFound(String)
    /// The case is on no legal hold, so there is none to release.
    case holdNotFound(reference: String)
    /// No party of a case that is not anonymised has that email, phone or name (described).
    case personNotFound(String)
    /// The case has no document of that number (or none the login may read).
    case documentNotFound(reference: String, number: Int)
    /// No received message has that number (or none the login may read).
    case messageNotFound(Int)
    /// `--expect-version` does not match: someone changed the case since it was read.
    case staleVersion(reference: String, expected: Int, actual: Int)
    /// Someone else changed the case while this change was being made.
    case changedMeanwhile(reference: String)
    /// The records were locked or the transaction could not be serialised.
    case busy
    /// A value given was not acceptable; the text says which and why, the hint what to give.
    case invalid(String, hint: ErrorHint? = nil)
    /// A rights category that is not in the vocabulary.
    case unknownCategory(String, known: [String])
    /// The complaint's events are older than the filing limit and were not accepted late.
    case lateFiling(incidentDate: LocalDate, limit: Allowance)
    /// The case has had as many information requests as the policy allows.
    case infoRequestLimit(reference: String, limit: Int)
    /// The case has no live clock of that kind.
    case noLiveClock(reference: String, kind: ClockKind)
    /// The case has never had a clock of that kind.
    case clockNotFound(reference: String, kind: ClockKind)
    /// Nothing on the case is paused by hand, so there is nothing to resume.
    case nothingPaused(reference: String)
    /// Nothing on the case can be paused.
    case nothingToPause(reference: String)
    /// The office's rules refuse the request; the text says which rule and what to do.
    case refused(String)
    /// The case is in a state where this command does not apply.
    case wrongState(reference: String, state: CaseState, action: String, expected: [CaseState])
    /// The year's six-digit reference numbers are used up.
    case referenceNumbersExhausted(prefix: String, year: Int)
    /// The database refused the change by one of its rules (a named constraint).
    case ruleViolated(constraint: String)
    /// A referenced record does not exist (a foreign key).
    case missingReference(constraint: String)

    /// The database has no Redress schema yet.
    case schemaMissing
    /// The PostgreSQL login may not touch the tables it needs (SQLSTATE 42501).
    case loginNotGranted(String)
    /// A rule a trigger of the database checks refused the change; the text is its sentence.
    case databaseRule(String)
    /// A rule of the database's own refused the login what its roles may not do: row-level
    /// security, or a check of the lifecycle, the audit log or the staff register (SQLSTATE
    /// 42501 with the database's sentence).
    case forbiddenByDatabase(String)
    /// The database cannot be reached now; the text (libpq's, as it was) says where and why.
    case databaseUnavailable(String)
    /// The database cancelled a statement before it finished: it ran past the session's
    /// time limit (`statement_timeout`), waiting on another session's lock or working, or an
    /// administrator cancelled it. Its transaction, if any, was rolled back.
    case timedOut
    /// The database refused a statement for a reason the store does not name.
    case databaseRefused(String)
}

extension StoreError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .invalid, .unknownCategory: return .badInput
        case .caseNotFound, .staffNotFound, .holidayNotFound, .clockNotFound, .recusalNotFound, .respondentNotFound,
            .documentNotFound, .messageNotFound, .holdNotFound, .personNotFound:
            return .notFound
        case .notStaff, .inactiveStaff, .notPermitted, .loginNotGranted, .forbiddenByDatabase, .recused:
            return .forbidden
        case .staffExists, .inactiveAssignee, .assigneeRecused, .holdsOpenCases, .alreadyRecused, .lateFiling,
            .infoRequestLimit, .noLiveClock, .nothingPaused, .nothingToPause, .wrongState,
            .ruleViolated, .databaseRule, .refused,
            .missingReference:
            return .refused
        case .staleVersion, .changedMeanwhile, .busy: return .conflict
        case .databaseUnavailable, .timedOut: return .unavailable
        case .referenceNumbersExhausted, .schemaMissing, .databaseRefused: return .failure
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case let .notStaff(login), let .inactiveStaff(login): return .command("staff add \(login) --role ROLE")
        case .caseNotFound: return .command("case list")
        case let .documentNotFound(reference, _): return .command("case documents \(reference)")
        case .messageNotFound: return .command("mail list")
        case .staffNotFound, .staffExists, .inactiveAssignee, .assigneeRecused: return .command("staff list")
        case .holdsOpenCases: return .give(["reassign_to"])
        case let .alreadyRecused(login, _), let .recusalNotFound(login, _): return .command("staff recusals \(login)")
        case .holidayNotFound: return .command("calendar list")
        case let .clockNotFound(reference, _): return .command("case show \(reference)")
        case let .staleVersion(reference, _, _), let .changedMeanwhile(reference), let .noLiveClock(reference, _):
            return .reread(reference: reference)
        case .lateFiling: return .give(["accept_late", "reason"])
        case .schemaMissing: return .command("db migrate")
        case let .invalid(_, hint): return hint
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case let .notStaff(login):
            return "The PostgreSQL login \"\(login)\" is not on this office's staff; ask an admin to add it."
        case let .inactiveStaff(login):
            return "The staff login \"\(login)\" is deactivated; ask an admin to add it again."
        case let .notPermitted(login, action, allowed):
            return
                "\(login) may not \(action): it needs the role \(allowed.map(\.rawValue).joinedAsList(conjunction: "or")); ask an admin to grant it or someone who holds it."
        case let .caseNotFound(reference):
            return "No case has the reference \(reference); check the reference."
        case let .staffNotFound(login):
            return "No staff member has the login \"\(login)\"; check the login."
        case let .holidayNotFound(date, calendar):
            let place = calendar.map { " in the calendar \"\($0)\"" } ?? ""
            return "No holiday falls on \(date.iso)\(place); check the date."
        case let .staffExists(login):
            return "\"\(login)\" is on the staff already."
        case let .inactiveAssignee(login):
            return "\(login) is deactivated, so no case can be assigned to them; choose an active staff member."
        case let .recused(login, from):
            return
                "\(login) is recused from \(from) and may not act on it; ask a supervisor to reassign the work or lift the recusal."
        case let .assigneeRecused(login, reference):
            return
                "\(login) is recused from \(reference), so it cannot be assigned to them; choose another staff member."
        case let .holdsOpenCases(login, count, purpose):
            return
                "\(login) holds \(count) open \(count == 1 ? "case" : "cases"); reassign \(count == 1 ? "it" : "them") to another staff member \(purpose)."
        case let .alreadyRecused(login, from):
            return "\(login) is recused from \(from) already."
        case let .recusalNotFound(login, from):
            return "\(login) is not recused from \(from), so there is no recusal to lift."
        case let .documentNotFound(reference, number):
            return "\(reference) has no document \(number) you may read; check the number."
        case let .messageNotFound(number):
            return "No received message has the number \(number) you may read; check the number."
        case let .respondentNotFound(name):
            return "No respondent body is called \"\(name)\"; check the name."
        case let .holdNotFound(reference):
            return "\(reference) is on no legal hold, so there is none to release."
        case let .personNotFound(described):
            return "No one with \(described) appears in a case that still holds personal data; check the spelling."
        case let .staleVersion(reference, expected, actual):
            return
                "\(reference) is at version \(actual), not \(expected): someone changed it meanwhile; look again and retry."
        case let .changedMeanwhile(reference):
            return "Someone else changed \(reference) at the same moment; look again and retry."
        case .busy:
            return "Someone else was changing the same records at the same moment; look again and retry."
        case let .invalid(message, _), let .refused(message):
            return message
        case let .unknownCategory(code, known):
            return "\"\(code)\" is not a rights category; use one of \(known.joinedAsList(conjunction: "or"))."
        case let .lateFiling(incidentDate, limit):
            return
                "The events of \(incidentDate.iso) are older than the filing limit of \(limit); accept the complaint anyway with a reason."
        case let .infoRequestLimit(reference, limit):
            return
                "\(reference) has had \(limit) information \(limit == 1 ? "request" : "requests"), the most the policy allows; decide on what the case has."
        case let .clockNotFound(reference, kind):
            return "\(reference) has no \(kind) clock; check its clocks."
        case let .noLiveClock(reference, kind):
            return "\(reference) has no running \(kind) clock."
        case let .nothingPaused(reference):
            return "Nothing on \(reference) was paused by hand, so there is nothing to resume."
        case let .nothingToPause(reference):
            return "\(reference) has no running clock that can be paused."
        case let .wrongState(reference, state, action, expected):
            return
                "\(reference) is in \(state), so it cannot \(action); that needs a case in \(expected.map(\.rawValue).joinedAsList(conjunction: "or"))."
        case let .referenceNumbersExhausted(prefix, year):
            return
                "The reference numbers of \(prefix)-\(year) are used up (999999); change the office's reference prefix."
        case let .ruleViolated(constraint):
            return "The database refused the change by its rule \(constraint); check the values given."
        case let .missingReference(constraint):
            return "The change refers to a record that does not exist (\(constraint)); check the values given."
        case .schemaMissing:
            return "The database has no Redress schema yet; migrate it first."
        case let .databaseRule(detail):
            return "The database refused the change: \(detail)."
        case let .forbiddenByDatabase(detail):
            return "The database refused this to your login: \(detail)."
        case let .loginNotGranted(detail):
            return
                "PostgreSQL refused this login access (\(detail)); ask an admin to add it to the staff, or a database administrator to GRANT redress_staff to it."
        case let .databaseUnavailable(detail):
            return detail
        case .timedOut:
            return "The database did not finish the statement in time and cancelled it; try again shortly."
        case let .databaseRefused(detail):
            return "The database refused the change: \(detail)."
        }
    }
}

extension PostgresError {
    /// The store's reading of a server error: concurrency, cancelled statements and rule
    /// violations become `StoreError`s, anything else stays as it is.
    func translated() -> any Error {
        switch sqlState {
        case "40001", "40P01", "55P03": return StoreError.busy
        case "57014": return StoreError.timedOut
        case "23505", "23514", "23502":
            // A rule a trigger checks has no constraint name: its sentence says what it is.
            guard let constraint else { return StoreError.databaseRule(message) }
            return StoreError.ruleViolated(constraint: constraint)
        case "23503": return StoreError.missingReference(constraint: constraint ?? "a foreign key")
        case "22023", "22007", "22008", "22P02", "22021":
            return StoreError.invalid(message.prefix(1).uppercased() + message.dropFirst() + ".")
        default: return self
        }
    }
}

extension StoreError {
    /// Why a change cannot be made on a hot standby (SQLSTATE 25006), and what to do.
    public static let standbySentence =
        "The database is a standby, which only reads, and this writes: connect to the primary, or list every host with target_session_attrs=read-write."

    /// Any error as the edges should see it: server and connection errors become the
    /// `StoreError` that says what they mean for the office, so SQLSTATEs are read here only.
    /// Errors that are not PostgreSQL's pass through unchanged.
    public static func reading(_ error: any Error) -> any Error {
        guard let error = error as? PostgresError else { return error }
        if case let translated as StoreError = error.translated() { return translated }
        if error.kind == .configuration {
            return StoreError.invalid(error.description + ".", hint: .give(["database"]))
        }
        if error.isConnectionFailure || error.sqlState == "57P03" || error.sqlState == "53300" {
            return StoreError.databaseUnavailable(error.description)
        }
        if error.isLockNotAvailable { return StoreError.busy }
        if error.sqlState == "25006" { return StoreError.databaseUnavailable(StoreError.standbySentence) }
        switch error.sqlState {
        case "42P01": return StoreError.schemaMissing
        case "42501":
            // PostgreSQL's own privilege checks say "permission denied"; the rest are Redress's rules.
            return error.message.hasPrefix("permission denied")
                ? StoreError.loginNotGranted(error.message) : StoreError.forbiddenByDatabase(error.message)
        default: return StoreError.databaseRefused(error.description)
        }
    }
}

extension PostgresConnection {
    /// A transaction whose server errors come back translated into `StoreError`s.
    public func withStoreTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try withTransaction(body)
        } catch let error as PostgresError {
            throw error.translated()
        }
    }
}
