import Foundation
import Postgres
public import RedressCore

/// What `remedy list` asks for; every filter left nil or false lets everything through.
public struct RemedyFilter: Sendable, Hashable {
    /// One case, by reference.
    public var reference: String?
    public var state: RemedyState?
    /// The body responsible, by name.
    public var respondent: String?
    public var kind: RemedyKind?
    /// Only items whose remedy or verification clock runs past its due date on `asOf`.
    public var overdue: Bool
    /// Only systemic recommendations (preventive measures and policy changes), across all cases.
    public var systemic: Bool

    public init(
        reference: String? = nil, state: RemedyState? = nil, respondent: String? = nil, kind: RemedyKind? = nil,
        overdue: Bool = false, systemic: Bool = false
    ) {
        self.reference = reference
        self.state = state
        self.respondent = respondent
        self.kind = kind
        self.overdue = overdue
        self.systemic = systemic
    }
}

extension RemedyStore {
    /// The remedy items that pass `filter`, by case reference and number, with their clocks as
    /// of `asOf`. Items of confidential cases are listed like any other: the list shows no
    /// complainant data.
    public func list(_ filter: RemedyFilter, actor: Actor, asOf: LocalDate) throws -> [RemedyDocument] {
        try actor.require(.read)
        let context = try OfficeContext.load(connection)
        if let reference = filter.reference { _ = try CaseStore(connection).require(reference: reference) }
        var query: PostgresQuery = """
            SELECT c.reference, \(unsafeSQL: RemedyRecord.columns),
                (SELECT coalesce(jsonb_agg(\(unsafeSQL: CaseStore.clockJSON)::jsonb ORDER BY k.id), '[]')::text
                    FROM clock k WHERE k.case_id = r.case_id AND k.subject = r.number AND k.kind IN ('remedy', 'verification'))
            FROM remedy_item r JOIN respondent_body b ON b.id = r.body_id JOIN complaint_case c ON c.id = r.case_id
            WHERE true
            """
        if let reference = filter.reference { query.append(" AND c.reference = \(reference)") }
        if let state = filter.state { query.append(" AND r.state = \(state.rawValue)") }
        if let respondent = filter.respondent {
            query.append(" AND r.body_id = (SELECT respondent_named(\(respondent)))")
        }
        if let kind = filter.kind { query.append(" AND r.kind = \(kind.rawValue)") }
        if filter.systemic { query.append(" AND r.kind IN ('policy_change', 'preventive_measure')") }
        if filter.overdue {
            // Only items still being carried out can be overdue; the clocks decide below.
            query.append(" AND r.state IN ('accepted', 'in_progress', 'evidence_submitted')")
        }
        query.append(" ORDER BY c.reference, r.number")
        var documents: [RemedyDocument] = []
        try connection.stream(query) { row in
            let reference = try row.decode(String.self, at: 0)
            let record = try RemedyRecord.decode(row, offset: 1)
            let clocks = try JSONDecoder().decode([ClockRow].self, from: Data(try row.decode(String.self, at: 22).utf8))
                .map(\.stored)
            let document = RemedyDocument(
                record, reference: reference, clocks: clocks, calendar: context.calendar, asOf: asOf)
            if !filter.overdue || document.overdue { documents.append(document) }
        }
        return documents
    }
}
