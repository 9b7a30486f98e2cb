public import Foundation
import Postgres
public import RedressCore

extension CaseStore {
    /// A case as `case show --format json` and `GET /v1/cases/{reference}` give it: the case, its
    /// clocks and its resolution sections as `actor` may see them, statuses taken on `asOf`
    /// (the office's date at `instant` when nil). Reading a confidential case is audited
    /// (`view`). Call inside a transaction.
    public func document(reference: String, actor: Actor, asOf: LocalDate?, at instant: Date) throws -> CaseDocument {
        let (record, showIdentity) = try view(reference: reference, actor: actor, at: instant)
        return try document(of: record, actor: actor, showIdentity: showIdentity, asOf: asOf, at: instant)
    }

    /// The document of a case `actor` has just opened or changed at `instant` (`case open`, a
    /// change with `--format json`, the service's answer to a change): statuses taken on the
    /// office's date at `instant`, identity redacted unless `actor` may see it. Call inside the
    /// change's transaction.
    public func document(of change: CaseRecord, actor: Actor, at instant: Date) throws -> CaseDocument {
        try document(
            of: change, actor: actor, showIdentity: showsIdentity(of: change, to: actor), asOf: nil, at: instant)
    }

    private func document(of record: CaseRecord, actor: Actor, showIdentity: Bool, asOf: LocalDate?, at instant: Date)
        throws -> CaseDocument
    {
        let context = try OfficeContext.load(connection)
        let asOf = asOf ?? context.clock.date(at: instant)
        var document = CaseDocument(
            record, calendar: context.calendar, asOf: asOf, showIdentity: showIdentity,
            notes: try NoteDocument.load(connection, caseID: record.id, underMediation: false),
            links: try links(caseID: record.id))
        document.recused = try connection.query(
            """
            SELECT DISTINCT r.staff_login FROM recusal r
            WHERE r.lifted_at IS NULL AND redress_login_recused(r.staff_login, \(record.id))
            ORDER BY 1
            """
        ).map { try $0.decode(String.self, at: 0) }
        document.correspondence = try correspondence(
            caseID: record.id, awaitingInfo: record.state == .awaitingInfo, confidential: record.confidential,
            showIdentity: showIdentity)
        document.resolution = try ResolutionSections.load(
            connection, record: record, actor: actor, actorRecused: document.recused.contains(actor.login),
            context: context, asOf: asOf)
        return document
    }
}
