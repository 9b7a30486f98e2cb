public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// Moves the open cases assigned to `from` (those of `state`, `respondent` and `category`
    /// when given) to `to`, one audited assignment each (`case_assigned`, as `assign` writes),
    /// and returns their references. All or none: a case `to` may not take refuses them all.
    /// Call inside a transaction.
    public func reassign(
        from: String, to: String, state: CaseState? = nil, respondent: String? = nil, category: String? = nil,
        actor: Actor, at instant: Date
    ) throws -> [String] {
        try actor.require(.assignCase)
        guard try StaffStore(connection).member(from) != nil else { throw StoreError.staffNotFound(from) }
        guard from != to else {
            throw StoreError.invalid(
                "The cases of \(from) go to another staff member, not to \(from) again.", hint: .give(["to"]))
        }
        try assignable(to)
        if state == .closed {
            throw StoreError.invalid(
                "Only open cases are reassigned: a closed case keeps the staff member who handled it.",
                hint: .give(["state"]))
        }
        var query: PostgresQuery = """
            SELECT cc.reference FROM complaint_case cc
            WHERE cc.assignee = \(from) AND cc.state <> 'closed'
            """
        if let state { query.append(" AND cc.state = \(state.rawValue)") }
        if let respondent {
            let body = try respondentID(named: respondent)
            query.append(" AND cc.respondent_id = \(body)")
        }
        if let category {
            let known = try categoryCodes()
            guard known.contains(category) else { throw StoreError.unknownCategory(category, known: known) }
            query.append(
                " AND EXISTS (SELECT 1 FROM case_category g WHERE g.case_id = cc.id AND g.category_code = \(category))")
        }
        query.append(" ORDER BY cc.reference")
        let references = try connection.query(query).map { try $0.decode(String.self, at: 0) }
        for reference in references { _ = try assign(reference: reference, to: to, actor: actor, at: instant) }
        return references
    }

    /// The references of the open cases assigned to `login`, of case `caseID` or of the
    /// respondent body `respondentID` when given.
    func openCases(assignedTo login: String, caseID: Int? = nil, respondentID: Int? = nil) throws -> [String] {
        var query: PostgresQuery = """
            SELECT reference FROM complaint_case WHERE assignee = \(login) AND state <> 'closed'
            """
        if let caseID { query.append(" AND id = \(caseID)") }
        if let respondentID { query.append(" AND respondent_id = \(respondentID)") }
        query.append(" ORDER BY reference")
        return try connection.query(query).map { try $0.decode(String.self, at: 0) }
    }

    /// Throws unless cases may be assigned to `login`: an active caseworker, supervisor or
    /// ombudsperson.
    func assignable(_ login: String) throws {
        guard let member = try StaffStore(connection).member(login) else { throw StoreError.staffNotFound(login) }
        guard member.active else { throw StoreError.inactiveAssignee(login) }
        guard member.actor.may(.workCase) else {
            throw StoreError.invalid("\(login) cannot take cases: assign a caseworker, supervisor or ombudsperson.")
        }
    }

    /// Whether `login` is recused from case `caseID`, by a recusal of the case or of its
    /// respondent body.
    public func isRecused(_ login: String, caseID: Int) throws -> Bool {
        try connection.query("SELECT redress_login_recused(\(login), \(caseID)::bigint)").first!.decode(
            Bool.self, at: 0)
    }

    /// Whether `actor` sees who complained on `record`: as `Actor.maySeeIdentity` says, unless
    /// recused from the case.
    func showsIdentity(of record: CaseRecord, to actor: Actor) throws -> Bool {
        try actor.maySeeIdentity(assignee: record.assignee) && !isRecused(actor.login, caseID: record.id)
    }

    /// The id of the respondent body `name` stands for, by its name or an alias, whatever the
    /// case and spacing (as the register finds bodies).
    func respondentID(named name: String) throws -> Int {
        guard let id = try connection.query("SELECT respondent_named(\(name))").first?.decode(Int?.self, at: 0) else {
            throw StoreError.respondentNotFound(name)
        }
        return id
    }
}
