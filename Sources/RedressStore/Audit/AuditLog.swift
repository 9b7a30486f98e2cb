public import Foundation
public import Postgres
public import RedressCore

/// One row of the audit log.
public struct AuditEvent: Sendable, Codable {
    public var id: Int
    public var caseReference: String?
    public var actor: String
    public var occurredAt: Date
    public var recordedAt: Date
    public var kind: String
    public var data: JSONValue

    enum CodingKeys: String, CodingKey {
        case id
        case caseReference = "case_reference"
        case actor
        case occurredAt = "occurred_at"
        case recordedAt = "recorded_at"
        case kind
        case data
    }
}

/// The append-only, hash-chained audit log (`case_event`).
///
/// Rows are numbered and hashed by the database (trigger `case_event_chain`), so every writer,
/// psql included, extends the same chain; `verify` recomputes it.
public struct AuditLog {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Appends an event; call in the transaction of the change it records.
    public func record(caseID: Int?, actor: String, at instant: Date, kind: String, data: [String: JSONValue] = [:])
        throws
    {
        try connection.execute(
            """
            INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
            VALUES (\(caseID), \(actor), \(instant), \(kind), \(PostgresJSON(data)))
            """)
    }

    /// The events of one case, oldest first.
    public func history(caseID: Int) throws -> [AuditEvent] {
        try connection.query(
            """
            SELECT e.id, c.reference, e.actor, e.occurred_at, e.recorded_at, e.kind, e.data
            FROM case_event e LEFT JOIN complaint_case c ON c.id = e.case_id
            WHERE e.case_id = \(caseID) ORDER BY e.id
            """
        ).map(Self.decode)
    }

    static func decode(_ row: PostgresRow) throws -> AuditEvent {
        AuditEvent(
            id: try row.decode(Int.self, at: 0), caseReference: try row.decode(String?.self, at: 1),
            actor: try row.decode(String.self, at: 2), occurredAt: try row.decode(Date.self, at: 3),
            recordedAt: try row.decode(Date.self, at: 4), kind: try row.decode(String.self, at: 5),
            data: try row.decode(PostgresJSON<JSONValue>.self, at: 6).value)
    }

    /// The chain head: the last row and its hash, what the deadline report prints to be kept
    /// outside the database; nil when the head is missing or its hash unreadable.
    public func head() throws -> AuditChainHead? {
        guard
            let row = try connection.query(
                """
                SELECT last_id, CASE WHEN length(last_hash) = 32 THEN encode(last_hash, 'hex') END
                FROM audit_chain_head WHERE id
                """
            ).first,
            let id = try row.decode(Int?.self, at: 0), let hash = try row.decode(String?.self, at: 1)
        else { return nil }
        return AuditChainHead(row: id, hash: hash)
    }

    /// Checks the whole chain in one snapshot: every row's content against its hash, its link
    /// against the stored hash of the row before, the chain head against the last row, and,
    /// given `expectHead` (a head hash kept outside the database), whether the chain recomputed
    /// from the first row reaches it. Streams the log, so memory does not grow with it; keeps
    /// the first `limit` findings and counts the rest (see `AuditChainCheck`), reading
    /// `batchRows` rows at a time.
    public func verify(
        expectHead: String? = nil, limit: Int = AuditChainCheck.defaultLimit, batchRows: Int = defaultBatchRows
    ) throws -> AuditVerification {
        try connection.withTransaction(isolation: .repeatableRead, attempts: 1) { connection in
            var check = AuditChainCheck(keptHead: expectHead, limit: limit)
            let head = try connection.query(
                """
                SELECT h.last_id, CASE WHEN length(h.last_hash) = 32 THEN encode(h.last_hash, 'hex') END,
                       h.last_hash = coalesce(
                           (SELECT e.hash FROM case_event e WHERE e.id = h.last_id),
                           CASE WHEN h.last_id = 0 THEN decode(repeat('00', 32), 'hex') END)
                FROM audit_chain_head h WHERE h.id
                """
            ).first.flatMap { row -> AuditChainCheck.StoredHead? in
                guard let id = try row.decode(Int?.self, at: 0) else { return nil }
                return AuditChainCheck.StoredHead(
                    row: id, hash: try row.decode(String?.self, at: 1), matchesRow: try row.decode(Bool?.self, at: 2))
            }
            // Rows in batches, each batch's last row carried into the next (its raw stored hash,
            // which the next link must equal, and the recomputed hash); one snapshot for all.
            precondition(batchRows > 0, "verify reads at least one row at a time")
            var after: (id: Int, hash: String?, rechained: String) = (Int.min, Self.zeroHash, Self.zeroHash)
            var rows = 0
            repeat {
                rows = 0
                try connection.stream(
                    """
                    SELECT id, CASE WHEN length(hash) = 32 THEN encode(hash, 'hex') END, link_well_formed, linked,
                           content_matches, encode(rechained, 'hex'), encode(hash, 'hex')
                    FROM audit_chain_rows(\(after.id), decode(\(after.hash), 'hex'), decode(\(after.rechained), 'hex'),
                                          \(batchRows))
                    """
                ) { row in
                    let checked = AuditChainRow(
                        id: try row.decode(Int.self, at: 0), hash: try row.decode(String?.self, at: 1),
                        linkWellFormed: try row.decode(Bool?.self, at: 2), linked: try row.decode(Bool?.self, at: 3),
                        contentMatches: try row.decode(Bool?.self, at: 4), rechained: try row.decode(String.self, at: 5)
                    )
                    check.check(checked)
                    after = (checked.id, try row.decode(String?.self, at: 6), checked.rechained)
                    rows += 1
                }
            } while rows == batchRows
            return check.finish(head: head)
        }
    }

    /// How many rows `verify` asks the database for at a time by default, from function
    /// `audit_chain_rows`, which computes every hash and comparison `AuditChainCheck` needs, so
    /// a NULL or short hash arrives as NULL or false, never as bytes to decode. A row's content
    /// is its committed form (migration 29: its personal values as their commitments under the
    /// case's key), which only the database can compute.
    public static let defaultBatchRows = 10_000

    /// The hash the first row links to, and the recomputed chain starts from.
    static let zeroHash = String(repeating: "0", count: 64)
}
