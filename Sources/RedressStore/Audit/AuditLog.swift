public import Foundation
public import Postgres

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

    /// The result of checking the chain.
    public struct Verification: Sendable {
        /// Rows checked.
        public var checked: Int
        /// The first row that does not fit the chain, and why; nil when the chain holds.
        public var firstBad: (id: Int, reason: String)?

        public var isIntact: Bool { firstBad == nil }
    }

    /// Recomputes every row's hash in order and checks each links to the one before; streams
    /// the log, so memory does not grow with it.
    public func verify() throws -> Verification {
        let zero = String(repeating: "0", count: 64)
        var expectedID = 1
        var previousHash = zero
        var checked = 0
        var bad: (id: Int, reason: String)? = nil
        try connection.stream(
            """
            SELECT id, encode(previous_hash, 'hex'), encode(hash, 'hex'),
                   encode(sha256(case_event_canonical(id, case_id, actor, occurred_at, recorded_at, kind, data, recorded_by) || previous_hash), 'hex')
            FROM case_event ORDER BY id
            """
        ) { row in
            guard bad == nil else { return }
            let id = try row.decode(Int.self, at: 0)
            let storedPrevious = try row.decode(String.self, at: 1)
            let stored = try row.decode(String.self, at: 2)
            let recomputed = try row.decode(String.self, at: 3)
            if id != expectedID {
                bad = (
                    id, id > expectedID ? "rows \(expectedID) to \(id - 1) are missing" : "row \(id) is out of order"
                )
            } else if storedPrevious != previousHash {
                bad = (id, "its link to row \(id - 1) does not match that row's hash")
            } else if stored != recomputed {
                bad = (id, "its content does not match its hash: it was changed after it was written")
            }
            checked += 1
            expectedID = id + 1
            previousHash = stored
        }
        if bad == nil {
            let head = try connection.query("SELECT last_id, encode(last_hash, 'hex') FROM audit_chain_head").first!
            let lastID = try head.decode(Int.self, at: 0)
            let lastHash = try head.decode(String.self, at: 1)
            if lastID != expectedID - 1 {
                bad = (
                    lastID,
                    "the chain head names row \(lastID) but the log ends at row \(expectedID - 1): rows were removed"
                )
            } else if lastHash != previousHash {
                bad = (lastID, "the chain head's hash does not match the last row")
            }
        }
        return Verification(checked: checked, firstBad: bad)
    }
}
