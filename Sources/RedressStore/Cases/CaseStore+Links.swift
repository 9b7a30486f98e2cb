public import Foundation
import Postgres
public import RedressCore

/// A link of a case as `case show` gives it, seen from that case.
public struct LinkDocument: Sendable, Encodable {
    /// `duplicate_of`, `has_duplicate`, `related` or `same_issue`.
    public var kind: String
    public var reference: String
    public var linkedBy: String
    public var linkedAt: Date

    enum CodingKeys: String, CodingKey {
        case kind, reference
        case linkedBy = "linked_by"
        case linkedAt = "linked_at"
    }
}

/// What `case show` says about a case's links: the live links both ways, the systemic issue
/// it belongs to, and the cases that look like the same complaint.
public struct CaseLinks: Sendable {
    public var links: [LinkDocument]
    /// The reference of the first case of its same-issue group, when it is in one.
    public var issue: String?
    /// Other open or recent cases against the same respondent with a complainant's or
    /// representative's email or phone in common, not linked to this one.
    public var possibleDuplicates: [String]

    public init(links: [LinkDocument], issue: String?, possibleDuplicates: [String]) {
        self.links = links
        self.issue = issue
        self.possibleDuplicates = possibleDuplicates
    }
}

extension CaseStore {
    /// Links `reference` to `other` as `kind` (a duplicate points to its original). Audited on
    /// both cases (`case_linked`); the version of `reference` moves on.
    public func link(
        reference: String, to other: String, as kind: CaseLinkKind, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        let target = try linkTarget(reference, other)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .acknowledge, at: instant,
            { _, _, _ in
                (
                    "case_linked", ["other": .string(target.reference), "kind": .string(kind.role(outward: true))],
                    .init(), []
                )
            },
            afterClaim: { record in
                try insertLink(record, target, kind: kind, actor: actor, at: instant)
                return [:]
            })
    }

    /// Ends the live link of `kind` (any kind when nil) between `reference` and `other`,
    /// whichever way it was made. Audited on both cases (`case_unlinked`).
    public func unlink(
        reference: String, from other: String, kind: CaseLinkKind?, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        let target = try linkTarget(reference, other)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .acknowledge, at: instant,
            { _, _, _ in
                ("case_unlinked", ["other": .string(target.reference)], .init(), [])
            },
            afterClaim: { record in
                let ended = try connection.query(
                    """
                    UPDATE case_link SET unlinked_by = \(actor.login), unlinked_at = \(instant)
                    WHERE unlinked_at IS NULL AND (\(kind?.rawValue)::text IS NULL OR kind = \(kind?.rawValue))
                      AND ((case_id = \(record.id) AND other_id = \(target.id)) OR (case_id = \(target.id) AND other_id = \(record.id)))
                    RETURNING kind
                    """
                ).map { try $0.decode(String.self, at: 0) }
                guard !ended.isEmpty else {
                    throw StoreError.refused(
                        "\(record.reference) is not linked to \(target.reference)\(kind.map { " as \($0.rawValue)" } ?? ""); see its links with case show."
                    )
                }
                try AuditLog(connection).record(
                    caseID: target.id, actor: actor.login, at: instant, kind: "case_unlinked",
                    data: ["other": .string(record.reference), "kinds": .array(ended.map { .string($0) })])
                return ["kinds": .array(ended.map { .string($0) })]
            })
    }

    /// The case `other` names, refusing a link of a case to itself.
    func linkTarget(_ reference: String, _ other: String) throws -> (id: Int, reference: String) {
        let target = try require(reference: other)
        guard target.reference != reference else {
            throw StoreError.invalid("A case cannot be linked to itself; give another reference.")
        }
        return (target.id, target.reference)
    }

    /// Records the link and its audit row on the other case, refusing one that is there already
    /// or a second original.
    func insertLink(
        _ record: CaseRecord, _ target: (id: Int, reference: String), kind: CaseLinkKind, actor: Actor,
        at instant: Date
    ) throws {
        let existing = try connection.query(
            """
            SELECT c.reference, l.kind, l.case_id = \(record.id) FROM case_link l
            JOIN complaint_case c ON c.id = CASE WHEN l.case_id = \(record.id) THEN l.other_id ELSE l.case_id END
            WHERE l.unlinked_at IS NULL AND (
                (l.kind = \(kind.rawValue) AND ((l.case_id = \(record.id) AND l.other_id = \(target.id))
                    OR (l.case_id = \(target.id) AND l.other_id = \(record.id))))
                OR (\(kind == .duplicate) AND l.kind = 'duplicate' AND l.case_id = \(record.id)))
            """
        ).first
        if let existing {
            let linked = try existing.decode(String.self, at: 0)
            let outward = try existing.decode(Bool.self, at: 2)
            let role = (try CaseLinkKind(rawValue: existing.decode(String.self, at: 1)) ?? kind).role(outward: outward)
            throw StoreError.refused(
                linked == target.reference
                    ? "\(record.reference) is linked to \(linked) already (\(role))."
                    : "\(record.reference) is a duplicate of \(linked) already; unlink it first to name another original."
            )
        }
        try connection.execute(
            """
            INSERT INTO case_link (case_id, other_id, kind, linked_by, linked_at)
            VALUES (\(record.id), \(target.id), \(kind.rawValue), \(actor.login), \(instant))
            """)
        try AuditLog(connection).record(
            caseID: target.id, actor: actor.login, at: instant, kind: "case_linked",
            data: ["other": .string(record.reference), "kind": .string(kind.role(outward: false))])
    }

    /// The links of case `caseID` both ways, its issue and its possible duplicates.
    func links(caseID: Int) throws -> CaseLinks {
        let links = try connection.query(
            """
            SELECT l.kind, l.case_id = \(caseID), c.reference, l.linked_by, l.linked_at FROM case_link l
            JOIN complaint_case c ON c.id = CASE WHEN l.case_id = \(caseID) THEN l.other_id ELSE l.case_id END
            WHERE (l.case_id = \(caseID) OR l.other_id = \(caseID)) AND l.unlinked_at IS NULL
            ORDER BY l.linked_at, l.id
            """
        ).map { row in
            let kind = CaseLinkKind(rawValue: try row.decode(String.self, at: 0)) ?? .related
            return LinkDocument(
                kind: kind.role(outward: try row.decode(Bool.self, at: 1)),
                reference: try row.decode(String.self, at: 2),
                linkedBy: try row.decode(String.self, at: 3), linkedAt: try row.decode(Date.self, at: 4))
        }
        let issue =
            links.contains { $0.kind == CaseLinkKind.sameIssue.rawValue }
            ? try connection.query(
                """
                SELECT c.reference FROM case_issue i JOIN complaint_case c ON c.id = i.issue_case_id
                WHERE i.case_id = \(caseID)
                """
            ).first?.decode(String.self, at: 0) : nil
        return CaseLinks(links: links, issue: issue, possibleDuplicates: try possibleDuplicates(caseID: caseID))
    }

    /// The references of other cases against the same respondent, open or closed within 12
    /// months, with a complainant's or representative's email or phone number (its digits) in
    /// common with case `caseID`, and not linked to it. Compared in the database, which gives
    /// back only references: the reader need not be one who may see identities.
    public func possibleDuplicates(caseID: Int) throws -> [String] {
        try connection.query("SELECT reference FROM redress_possible_duplicates(\(caseID))").map {
            try $0.decode(String.self, at: 0)
        }
    }
}

extension CaseStore {
    /// The original of a case being closed as a duplicate: the one `named` (`--original`),
    /// linked on closing, or the one it is linked to as a duplicate already. Closing as a
    /// duplicate without either is refused, so every duplicate points to its original.
    func duplicateOriginal(of record: CaseRecord, named: String?) throws -> (
        id: Int, reference: String, newLink: Bool
    ) {
        let linked = try connection.query(
            """
            SELECT c.id, c.reference FROM case_link l JOIN complaint_case c ON c.id = l.other_id
            WHERE l.case_id = \(record.id) AND l.kind = 'duplicate' AND l.unlinked_at IS NULL
            """
        ).first.map { (id: try $0.decode(Int.self, at: 0), reference: try $0.decode(String.self, at: 1)) }
        guard let named else {
            guard let linked else {
                throw StoreError.invalid(
                    "Closing \(record.reference) as a duplicate needs its original; give the original's reference.",
                    hint: .give(["original"]))
            }
            return (linked.id, linked.reference, false)
        }
        let target = try linkTarget(record.reference, named)
        if let linked, linked.id != target.id {
            throw StoreError.refused(
                "\(record.reference) is a duplicate of \(linked.reference) already; unlink it first to name another original."
            )
        }
        return (target.id, target.reference, linked == nil)
    }
}
