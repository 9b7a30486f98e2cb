public import Foundation
public import Postgres
import RedressCore

/// The outbox seen from `redress notices`: listing, reading, cancelling and retrying notices.
/// Delivery (claiming, marking sent or failed) is in `NoticeStore+Delivery.swift`.
public struct NoticeStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// The columns `decode` reads, from `notice n LEFT JOIN complaint_case c`.
    static let columns = """
        n.id, n.case_id, c.reference, n.kind, n.audience, n.recipient, n.channel, n.language, n.state, n.automatic,
        n.data, n.attempts, n.last_error, n.next_attempt_at, n.created_at, n.sent_at, c.assignee
        """

    static func decode(_ row: PostgresRow) throws -> (notice: NoticeRecord, assignee: String?) {
        let data = try row.decode(PostgresJSON<JSONValue>.self, at: 10).value
        guard case .object(let fields) = data else {
            throw StoreError.invalid("The data of notice \(try row.decode(Int.self, at: 0)) is not a JSON object.")
        }
        // The database's checks keep both columns to the vocabulary; a value outside it is not
        // guessed at but refused.
        func vocabulary<T: RawRepresentable>(_ type: T.Type, at column: Int) throws -> T where T.RawValue == String {
            let text = try row.decode(String.self, at: column)
            guard let value = T(rawValue: text) else {
                throw StoreError.invalid(
                    "Notice \(try row.decode(Int.self, at: 0)) has \"\(text)\" as its \(column == 4 ? "audience" : "channel"), which Redress does not know."
                )
            }
            return value
        }
        let notice = NoticeRecord(
            id: try row.decode(Int.self, at: 0), caseID: try row.decode(Int?.self, at: 1),
            reference: try row.decode(String?.self, at: 2), kind: try row.decode(String.self, at: 3),
            audience: try vocabulary(NoticeAudience.self, at: 4),
            recipient: try row.decode(String?.self, at: 5),
            channel: try vocabulary(NoticeChannel.self, at: 6),
            language: try row.decode(String.self, at: 7),
            state: NoticeState(rawValue: try row.decode(String.self, at: 8)) ?? .pending,
            automatic: try row.decode(Bool.self, at: 9), data: fields,
            attempts: try row.decode(Int.self, at: 11), lastError: try row.decode(String?.self, at: 12),
            nextAttemptAt: try row.decode(Date.self, at: 13), createdAt: try row.decode(Date.self, at: 14),
            sentAt: try row.decode(Date?.self, at: 15))
        return (notice, try row.decode(String?.self, at: 16))
    }

    // MARK: Reading

    /// The notices `filter` selects, oldest first. Listing a confidential case's notices is
    /// audited as a view of the case, as `case list` is. Call inside a transaction.
    public func list(_ filter: NoticeFilter, actor: Actor, at instant: Date) throws -> [NoticeRecord] {
        try actor.require(.read)
        if let reference = filter.reference {
            _ = try CaseReference(parsing: reference)
            guard try connection.query("SELECT 1 FROM complaint_case WHERE reference = \(reference)").count > 0 else {
                throw StoreError.caseNotFound(reference)
            }
        }
        if let limit = filter.limit, limit < 1 {
            throw StoreError.invalid("The limit is a number of notices, 1 or more.", hint: .give(["limit"]))
        }
        var query: PostgresQuery =
            "SELECT \(unsafeSQL: Self.columns), coalesce(c.confidential, false) FROM notice n LEFT JOIN complaint_case c ON c.id = n.case_id WHERE true"
        if let state = filter.state { query.append(" AND n.state = \(state.rawValue)") }
        if let reference = filter.reference { query.append(" AND c.reference = \(reference)") }
        query.append(" ORDER BY n.id")
        if let limit = filter.limit { query.append(" LIMIT \(limit)") }
        // The confidential cases shown, each once. A list names no complainant: their notices
        // carry no address (it is read when a notice is rendered).
        var viewed = Set<Int>()
        let notices = try connection.query(query).map { row in
            let notice = try Self.decode(row).notice
            if let caseID = notice.caseID, try row.decode(Bool.self, at: 17) { viewed.insert(caseID) }
            return notice
        }
        let log = AuditLog(connection)
        for caseID in viewed.sorted() {
            try log.record(
                caseID: caseID, actor: actor.login, at: instant, kind: "case_viewed",
                data: ["purpose": "notices", "identity_shown": false])
        }
        return notices
    }

    /// The notice with `id`, or `NoticeStoreError.notFound`; `lock` takes its row for update.
    public func require(id: Int, lock: Bool = false) throws -> (notice: NoticeRecord, assignee: String?) {
        let rows = try connection.query(
            """
            SELECT \(unsafeSQL: Self.columns) FROM notice n LEFT JOIN complaint_case c ON c.id = n.case_id
            WHERE n.id = \(id)\(unsafeSQL: lock ? " FOR UPDATE OF n" : "")
            """)
        guard let row = rows.first else { throw NoticeStoreError.notFound(id) }
        return try Self.decode(row)
    }

    /// The notice with `id` for `actor` to read in full (`notices show`): refused when it would
    /// show a complainant's identity the actor may not see. A read of a confidential case's
    /// notice is audited as a view of the case. Call inside a transaction.
    public func read(id: Int, actor: Actor, at instant: Date) throws -> NoticeRecord {
        try actor.require(.read)
        let (notice, assignee) = try require(id: id)
        guard let caseID = notice.caseID else { return notice }
        let row = try connection.query(
            "SELECT confidential, disclose_identity FROM complaint_case WHERE id = \(caseID)"
        ).first
        let confidential = try row?.decode(Bool.self, at: 0) ?? false
        let disclosed = try row?.decode(Bool.self, at: 1) ?? false
        let namesComplainant = notice.isComplainantSide || (disclosed && !Self.isStaffAudience(notice.audience))
        if namesComplainant,
            try !actor.maySeeIdentity(assignee: assignee)
                || CaseStore(connection).isRecused(actor.login, caseID: caseID)
        {
            throw NoticeStoreError.identityHidden(id: id, login: actor.login)
        }
        if confidential {
            try AuditLog(connection).record(
                caseID: caseID, actor: actor.login, at: instant, kind: "case_viewed",
                data: [
                    "purpose": .string("notice"), "notice_id": .int(id), "identity_shown": .bool(namesComplainant),
                ])
        }
        return notice
    }

    static func isStaffAudience(_ audience: NoticeAudience) -> Bool {
        audience.isStaff
    }

    // MARK: Changes by hand

    /// Withdraws a pending or failed notice so it is never sent; audited on its case. Call
    /// inside a transaction.
    public func cancel(id: Int, actor: Actor, at instant: Date) throws -> NoticeRecord {
        try Self.requireHandler(actor, action: "cancel notices")
        var (notice, _) = try require(id: id, lock: true)
        guard notice.state == .pending || notice.state == .failed else {
            throw NoticeStoreError.wrongState(
                id: id, state: notice.state, action: "be cancelled", expected: [.pending, .failed])
        }
        try connection.execute("UPDATE notice SET state = 'cancelled' WHERE id = \(id)")
        try AuditLog(connection).record(
            caseID: notice.caseID, actor: actor.login, at: instant, kind: "notice_cancelled",
            data: [
                "notice_id": .int(id), "kind": .string(notice.kind), "audience": .string(notice.audience.rawValue),
                "previous_state": .string(notice.state.rawValue),
            ])
        notice.state = .cancelled
        return notice
    }

    /// Puts a failed notice back in the queue, due at once, with its attempts counted afresh;
    /// audited on its case. Call inside a transaction.
    public func retry(id: Int, actor: Actor, at instant: Date) throws -> NoticeRecord {
        try Self.requireHandler(actor, action: "retry notices")
        var (notice, _) = try require(id: id, lock: true)
        guard notice.state == .failed else {
            throw NoticeStoreError.wrongState(id: id, state: notice.state, action: "be retried", expected: [.failed])
        }
        try connection.execute(
            "UPDATE notice SET state = 'pending', attempts = 0, next_attempt_at = \(instant) WHERE id = \(id)")
        try AuditLog(connection).record(
            caseID: notice.caseID, actor: actor.login, at: instant, kind: "notice_retried",
            data: [
                "notice_id": .int(id), "kind": .string(notice.kind), "last_error": .text(notice.lastError),
            ])
        notice.state = .pending
        notice.attempts = 0
        notice.nextAttemptAt = instant
        return notice
    }

    /// Caseworkers and above handle notices by hand; so does an admin.
    static func requireHandler(_ actor: Actor, action: String) throws {
        guard actor.may(.workCase) || actor.may(.manageOffice) else {
            throw StoreError.notPermitted(
                login: actor.login, action: action, allowed: [.caseworker, .supervisor, .ombudsperson, .admin])
        }
    }
}
