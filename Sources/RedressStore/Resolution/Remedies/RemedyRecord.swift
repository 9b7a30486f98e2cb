public import Foundation
import Postgres
public import RedressCore

/// A remedy item as stored: the RedressCore item, with where it came from and what happened to it.
public struct RemedyRecord: Sendable, Hashable {
    /// The `remedy_item` row.
    public var id: Int
    /// The case it belongs to.
    public var caseID: Int
    /// The decision, settlement or award that created it; nil when added by hand.
    public var decisionID: Int?
    /// Number, spec, state and lateness.
    public var item: RemedyItem
    /// The body responsible.
    public var body: String
    /// Reasons for a rejection, non-implementation or supersession.
    public var reason: String?
    /// The item that replaced it.
    public var supersededBy: Int?
    public var createdAt: Date
    public var createdBy: String
    /// When the respondent accepted or rejected it.
    public var answeredAt: Date?
    /// When the office recorded its verdict.
    public var verifiedAt: Date?
    /// Progress reports and evidence, oldest first.
    public var entries: [RemedyEntry]

    public var number: Int { item.number }
    public var state: RemedyState { item.state }
}

/// A progress report or a piece of evidence for a remedy item.
public struct RemedyEntry: Sendable, Hashable, Codable {
    /// `progress` or `evidence`.
    public var kind: String
    public var at: Date
    public var on: LocalDate
    public var text: String
    public var recordedBy: String

    enum CodingKeys: String, CodingKey {
        case kind, at, on, text
        case recordedBy = "recorded_by"
    }
}

extension RemedyRecord {
    /// The columns `decode` reads, over `remedy_item r JOIN respondent_body b`.
    static let columns = """
        r.id, r.case_id, r.decision_id, r.number, r.kind, r.remedy_class, r.scale, r.description, b.name, r.amount::text,
        r.currency, r.due_on, r.state, r.late, r.reason, r.superseded_by, r.created_at, r.created_by, r.answered_at,
        r.verified_at,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', e.kind, 'at', extract(epoch FROM e.occurred_at),
                'on', e.occurred_on, 'text', e.text, 'recorded_by', e.recorded_by) ORDER BY e.id), '[]')::text
            FROM remedy_entry e WHERE e.remedy_item_id = r.id)
        """

    static func decode(_ row: PostgresRow) throws -> RemedyRecord {
        try decode(row, offset: 0)
    }

    /// Reads the columns of `columns` starting at column `offset`.
    static func decode(_ row: PostgresRow, offset o: Int) throws -> RemedyRecord {
        struct EntryRow: Decodable {
            var kind: String
            var at: Double
            var on: LocalDate
            var text: String
            var recorded_by: String
        }
        let kind = try RemedyKind(rawValue: row.decode(String.self, at: o + 4)) ?? .other
        let amount = try row.decode(String?.self, at: o + 9)
        let currency = try row.decode(String?.self, at: o + 10)
        var spec = try RemedySpec(
            kind: kind, text: row.decode(String.self, at: o + 7),
            remedyClass: RemedyClass(rawValue: row.decode(String.self, at: o + 5)),
            scale: RemedyScale(rawValue: row.decode(String.self, at: o + 6)),
            amount: try amount.flatMap { amount in try currency.map { try Money(amount: amount, currency: $0) } },
            dueOn: row.decode(LocalDate?.self, at: o + 11))
        spec.body = try row.decode(String.self, at: o + 8)
        let entries = try JSONDecoder().decode(
            [EntryRow].self, from: Data(try row.decode(String.self, at: o + 20).utf8))
        return RemedyRecord(
            id: try row.decode(Int.self, at: o + 0), caseID: try row.decode(Int.self, at: o + 1),
            decisionID: try row.decode(Int?.self, at: o + 2),
            item: RemedyItem(
                number: try row.decode(Int.self, at: o + 3), spec: spec,
                state: RemedyState(rawValue: try row.decode(String.self, at: o + 12)) ?? .proposed,
                late: try row.decode(Bool?.self, at: o + 13)),
            body: try row.decode(String.self, at: o + 8), reason: try row.decode(String?.self, at: o + 14),
            supersededBy: try row.decode(Int?.self, at: o + 15), createdAt: try row.decode(Date.self, at: o + 16),
            createdBy: try row.decode(String.self, at: o + 17), answeredAt: try row.decode(Date?.self, at: o + 18),
            verifiedAt: try row.decode(Date?.self, at: o + 19),
            entries: entries.map {
                RemedyEntry(
                    kind: $0.kind, at: Date(timeIntervalSince1970: $0.at), on: $0.on, text: $0.text,
                    recordedBy: $0.recorded_by)
            })
    }

    /// Every item of a case, by number.
    static func all(_ connection: PostgresConnection, caseID: Int) throws -> [RemedyRecord] {
        try connection.query(
            """
            SELECT \(unsafeSQL: columns) FROM remedy_item r JOIN respondent_body b ON b.id = r.body_id
            WHERE r.case_id = \(caseID) ORDER BY r.number
            """
        ).map(decode)
    }

    /// Inserts a new item for the case; its body is `spec.body` (added to the register when new)
    /// or the case's respondent.
    static func insert(
        _ connection: PostgresConnection, record: CaseRecord, number: Int, spec: RemedySpec, state: RemedyState,
        decisionID: Int?, actor: Actor, at instant: Date
    ) throws -> Int {
        let bodyID = try connection.query(
            """
            SELECT f.id FROM respondent_for_intake(\(spec.body ?? record.respondent.name), NULL, NULL, NULL) AS f
            """
        ).first!.decode(Int.self, at: 0)
        return try connection.query(
            """
            INSERT INTO remedy_item (case_id, number, decision_id, kind, remedy_class, scale, description, body_id, amount, currency,
                due_on, state, created_at, created_by, answered_at)
            VALUES (\(record.id), \(number), \(decisionID), \(spec.kind.rawValue), \(spec.remedyClass.rawValue), \(spec.scale.rawValue),
                \(spec.text), \(bodyID), \(spec.amount?.amount)::numeric, \(spec.amount?.currency), \(spec.dueOn), \(state.rawValue),
                \(instant), \(actor.login), \(state == .proposed ? nil : instant))
            RETURNING id
            """
        ).first!.decode(Int.self, at: 0)
    }

    /// Writes the item's state, lateness, reason and times back.
    func save(_ connection: PostgresConnection) throws {
        try connection.execute(
            """
            UPDATE remedy_item SET state = \(item.state.rawValue), late = \(item.late), reason = \(reason),
                superseded_by = \(supersededBy), due_on = \(item.spec.dueOn), answered_at = \(answeredAt),
                verified_at = \(verifiedAt), updated_at = now()
            WHERE id = \(id)
            """)
    }

    /// Adds a progress report or evidence.
    func addEntry(
        _ connection: PostgresConnection, kind: String, text: String, at instant: Date, on date: LocalDate, actor: Actor
    ) throws {
        try connection.execute(
            """
            INSERT INTO remedy_entry (remedy_item_id, kind, occurred_at, occurred_on, text, recorded_by)
            VALUES (\(id), \(kind), \(instant), \(date), \(text), \(actor.login))
            """)
    }
}
