public import Foundation
public import Postgres
import RedressCore

/// Conflicts of interest: who is recused from a case, or from every case against a respondent
/// body. A recused staff member is not assigned the case, does not see who complained and does
/// not act on it; the database holds the same rule for every login (migration 23).
public struct RecusalStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// What recording a recusal did: the recusal, and the open cases reassigned for it.
    public struct Recorded: Sendable {
        public var recusal: Recusal
        public var reassigned: [String]
    }

    /// Recuses `login` from `scope` for `reason` (supervisors and the ombudsperson), audited on
    /// the case (`staff_recused`), or as an office event for a body. An open case of the scope
    /// assigned to `login` goes first to `successor`, audited as `case assign` does; without one
    /// the recusal is refused and nothing is written. Call inside a transaction.
    public func recuse(
        login: String, from scope: Recusal.Scope, reason: String, reassignTo successor: String? = nil, actor: Actor,
        at instant: Date
    ) throws -> Recorded {
        try actor.require(.assignCase)
        try Self.checkReason(reason)
        guard try StaffStore(connection).member(login) != nil else { throw StoreError.staffNotFound(login) }
        let target = try resolve(scope)
        if try active(login: login, target) != nil { throw StoreError.alreadyRecused(login: login, from: scope.label) }
        let cases = CaseStore(connection)
        if let successor {
            guard successor != login else {
                throw StoreError.invalid(
                    "The cases of \(login) go to another staff member, not to \(login) again.",
                    hint: .give(["reassign_to"]))
            }
            try cases.assignable(successor)
        }
        let held = try cases.openCases(assignedTo: login, caseID: target.caseID, respondentID: target.respondentID)
        if !held.isEmpty {
            guard let successor else {
                throw StoreError.holdsOpenCases(
                    login: login, count: held.count, purpose: "before the recusal, or in the same step")
            }
            for reference in held {
                _ = try cases.assign(reference: reference, to: successor, actor: actor, at: instant)
            }
        }
        var data: [String: JSONValue] = ["login": .string(login), "reason": .string(reason)]
        if !held.isEmpty { data["reassigned_to"] = .text(successor) }
        let insert = { (caseID: Int?) throws -> Int in
            try connection.query(
                """
                INSERT INTO recusal (staff_login, case_id, respondent_id, reason, recused_at, recused_by)
                VALUES (\(login), \(caseID), \(target.respondentID), \(reason), \(instant), \(actor.login))
                RETURNING id
                """
            ).first!.decode(Int.self, at: 0)
        }
        let id: Int
        switch scope {
        case let .reference(reference):
            var inserted = 0
            _ = try cases.change(
                reference: reference, expectVersion: nil, actor: actor, permission: .assignCase, at: instant,
                { _, _, _ in ("staff_recused", data, ClockEffects(), []) },
                afterClaim: { record in
                    inserted = try insert(record.id)
                    return ["recusal_id": .int(inserted)]
                })
            id = inserted
        case let .respondent(name):
            id = try insert(nil)
            data["respondent"] = .string(name)
            data["recusal_id"] = .int(id)
            data["reassigned"] = .array(held.map { .string($0) })
            try AuditLog(connection).record(
                caseID: nil, actor: actor.login, at: instant, kind: "staff_recused", data: data)
        }
        return Recorded(recusal: try recusal(id: id), reassigned: held)
    }

    /// Lifts the recusal of `login` from `scope` for `reason`, audited as `recusal_lifted`. Call
    /// inside a transaction.
    public func lift(login: String, from scope: Recusal.Scope, reason: String, actor: Actor, at instant: Date) throws
        -> Recusal
    {
        try actor.require(.assignCase)
        try Self.checkReason(reason)
        guard try StaffStore(connection).member(login) != nil else { throw StoreError.staffNotFound(login) }
        let target = try resolve(scope)
        guard let id = try active(login: login, target) else {
            throw StoreError.recusalNotFound(login: login, from: scope.label)
        }
        // Whoever a recusal keeps away does not lift it.
        if login == actor.login { throw StoreError.recused(login: login, from: scope.label) }
        let data: [String: JSONValue] = ["login": .string(login), "reason": .string(reason), "recusal_id": .int(id)]
        let lift: () throws -> Void = {
            try connection.execute(
                """
                UPDATE recusal SET lifted_at = \(instant), lifted_by = \(actor.login), lift_reason = \(reason)
                WHERE id = \(id)
                """)
        }
        switch scope {
        case let .reference(reference):
            _ = try CaseStore(connection).change(
                reference: reference, expectVersion: nil, actor: actor, permission: .assignCase, at: instant,
                { _, _, _ in ("recusal_lifted", data, ClockEffects(), []) },
                afterClaim: { _ in
                    try lift()
                    return [:]
                })
        case let .respondent(name):
            try lift()
            var office = data
            office["respondent"] = .string(name)
            try AuditLog(connection).record(
                caseID: nil, actor: actor.login, at: instant, kind: "recusal_lifted", data: office)
        }
        return try recusal(id: id)
    }

    /// The recusals of `login` (every login's when nil), of the case `reference` when given
    /// (its own and its respondent body's), newest first; lifted ones too when `includeLifted`.
    public func list(login: String?, reference: String? = nil, includeLifted: Bool = false, actor: Actor) throws
        -> [Recusal]
    {
        try actor.require(.read)
        var query = Self.select
        query.append(" WHERE true")
        if let login {
            guard try StaffStore(connection).member(login) != nil else { throw StoreError.staffNotFound(login) }
            query.append(" AND r.staff_login = \(login)")
        }
        if let reference {
            let record = try CaseStore(connection).require(reference: reference)
            query.append(
                """
                 AND (r.case_id = \(record.id)
                    OR r.respondent_id = (SELECT respondent_id FROM complaint_case WHERE id = \(record.id)))
                """)
        }
        if !includeLifted { query.append(" AND r.lifted_at IS NULL") }
        query.append(" ORDER BY r.recused_at DESC, r.id DESC")
        return try connection.query(query).map(Self.decode)
    }

    static func checkReason(_ reason: String) throws {
        guard !reason.isBlankText else {
            throw StoreError.invalid("A recusal and its lifting each need a reason.", hint: .give(["reason"]))
        }
        try TextField.checkLong("reason", reason)
    }

    /// The case or body a scope names: a case by its reference, a body by its exact name.
    func resolve(_ scope: Recusal.Scope) throws -> (caseID: Int?, respondentID: Int?) {
        switch scope {
        case let .reference(reference): return (try CaseStore(connection).require(reference: reference).id, nil)
        case let .respondent(name): return (nil, try CaseStore(connection).respondentID(named: name))
        }
    }

    /// The id of the recusal of `login` from exactly `target` that holds, if any.
    func active(login: String, _ target: (caseID: Int?, respondentID: Int?)) throws -> Int? {
        try connection.query(
            """
            SELECT id FROM recusal
            WHERE staff_login = \(login) AND lifted_at IS NULL
              AND case_id IS NOT DISTINCT FROM \(target.caseID) AND respondent_id IS NOT DISTINCT FROM \(target.respondentID)
            """
        ).first?.decode(Int.self, at: 0)
    }

    func recusal(id: Int) throws -> Recusal {
        var query = Self.select
        query.append(" WHERE r.id = \(id)")
        return try Self.decode(connection.query(query).first!)
    }

    static let select: PostgresQuery = """
        SELECT r.id, r.staff_login, c.reference, b.name, r.reason, r.recused_at, r.recused_by, r.lifted_at,
            r.lifted_by, r.lift_reason
        FROM recusal r LEFT JOIN complaint_case c ON c.id = r.case_id LEFT JOIN respondent_body b ON b.id = r.respondent_id
        """

    static func decode(_ row: PostgresRow) throws -> Recusal {
        let scope: Recusal.Scope =
            if let reference = try row.decode(String?.self, at: 2) {
                .reference(reference)
            } else {
                .respondent(try row.decode(String.self, at: 3))
            }
        return Recusal(
            id: try row.decode(Int.self, at: 0), login: try row.decode(String.self, at: 1), scope: scope,
            reason: try row.decode(String.self, at: 4), recusedAt: try row.decode(Date.self, at: 5),
            recusedBy: try row.decode(String.self, at: 6), liftedAt: try row.decode(Date?.self, at: 7),
            liftedBy: try row.decode(String?.self, at: 8), liftReason: try row.decode(String?.self, at: 9))
    }
}
