import Foundation
public import Postgres
import RedressCore
public import RedressNotices

/// Renders outbox rows: builds each notice's `NoticeInput` from its row, its case and the
/// office, and hands it to `NoticeRenderer` with the office's override folder (`office set
/// --templates`) in front of the built-in templates.
///
/// Rendering is repeatable: the `Message-ID` comes from the notice's id and the `Date` from
/// when it was queued, so a notice rendered again (a retry, or a resend after a crash) is the
/// same message.
public struct NoticeComposer {
    public let connection: PostgresConnection
    public let context: OfficeContext
    public let renderer: NoticeRenderer
    /// Staff names by login, and by email for staff recipients.
    let staffNames: [String: String]
    let staffByEmail: [String: String]

    /// Reads the office, its calendar and the staff register once, for any number of notices.
    public init(_ connection: PostgresConnection) throws {
        self.connection = connection
        context = try OfficeContext.load(connection)
        renderer = NoticeRenderer(templates: TemplateSource(overrideDirectory: context.settings.templatesDir))
        var names: [String: String] = [:]
        var byEmail: [String: String] = [:]
        for member in try StaffStore(connection).list() {
            let name = member.displayName.flatMap { $0.isBlankText ? nil : $0 } ?? member.login
            names[member.login] = name
            if let email = member.email?.lowercased(), byEmail[email] == nil || member.active { byEmail[email] = name }
        }
        staffNames = names
        staffByEmail = byEmail
    }

    /// The notice rendered: for email the complete RFC 5322 message, for post the letter.
    /// Throws `NoticeError` when its template, a variable or an address is missing or unusable,
    /// or when it would reveal the complainant's identity without consent.
    public func render(_ notice: NoticeRecord) throws -> RenderedNotice {
        try renderer.render(input(for: notice))
    }

    /// What the renderer is given for `notice`.
    public func input(for notice: NoticeRecord) throws -> NoticeInput {
        guard let caseID = notice.caseID else { throw NoticeStoreError.noCase(notice.id) }
        guard let kind = NoticeKind(rawValue: notice.kind) else {
            throw NoticeStoreError.unknownKind(id: notice.id, kind: notice.kind)
        }
        guard let record = try CaseStore(connection).load(where: "cc.id = \(caseID)") else {
            throw NoticeStoreError.noCase(notice.id)
        }
        let disclosed =
            try connection.query("SELECT disclose_identity FROM complaint_case WHERE id = \(caseID)")
            .first?.decode(Bool.self, at: 0) ?? false
        let audience = notice.audience
        let channel = notice.channel
        // When no template fits, the language asked for, so the error names the missing template.
        let language =
            renderer.templates.language(
                kind: kind, audience: audience, requested: notice.language,
                fallback: context.settings.defaultLanguage) ?? notice.language
        let template = try renderer.templates.template(kind: kind, audience: audience, language: language)
        let identityAllowed = !audience.withholdsComplainantIdentity || disclosed
        let variables = NoticeVariables(
            notice: notice, kind: kind, audience: audience, record: record, calendar: context.calendar,
            staffNames: staffNames, officeName: context.settings.name, identityAllowed: identityAllowed,
            issuedOn: context.clock.date(at: notice.createdAt)
        ).values(wanted: template.referencedNames)
        return NoticeInput(
            id: notice.id, kind: kind, audience: audience, channel: channel, language: language,
            recipient: recipient(notice, audience: audience, record: record), automatic: notice.automatic,
            office: NoticeOffice(
                name: context.settings.name, sender: context.settings.sender,
                mailDomain: context.settings.mailDomain, postalAddress: Self.lines(context.settings.postalAddress),
                timeZone: context.calendar.timeZone, webAddress: context.settings.webAddress),
            reference: try CaseReference(parsing: record.reference), issuedAt: notice.createdAt,
            disclosureAllowed: disclosed, withheldIdentity: Self.identity(of: record), variables: variables)
    }

    /// Who the notice goes to: the party, body or staff member of its audience, at the address
    /// it was queued with (or the one on the case).
    func recipient(_ notice: NoticeRecord, audience: NoticeAudience, record: CaseRecord) -> NoticeRecipient {
        let lines = Self.lines
        switch audience {
        case .complainant, .representative:
            let party = audience == .complainant ? record.primaryComplainant : record.representative
            return NoticeRecipient(
                name: party?.name ?? record.complainants.first?.name ?? "",
                email: notice.recipient ?? party?.email, postalAddress: lines(party?.postalAddress))
        case .respondent:
            return NoticeRecipient(
                name: record.respondent.name, email: notice.recipient ?? record.respondent.email,
                postalAddress: lines(record.respondent.postalAddress))
        case .headOfBody:
            return NoticeRecipient(
                name: record.respondent.headOfBodyName ?? record.respondent.name,
                email: notice.recipient ?? record.respondent.headOfBodyEmail,
                postalAddress: lines(record.respondent.headOfBodyPostalAddress ?? record.respondent.postalAddress))
        case .assignee, .supervisor, .ombudsperson:
            let byEmail = notice.recipient.flatMap { staffByEmail[$0.lowercased()] }
            let assignee = audience == .assignee ? record.assignee.map { staffNames[$0] ?? $0 } : nil
            return NoticeRecipient(
                name: byEmail ?? assignee ?? notice.recipient ?? audience.rawValue, email: notice.recipient)
        }
    }

    /// The non-blank lines of a postal address.
    static func lines(_ address: String?) -> [String] {
        (address ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// The complainant's identity as it could be written: the names, addresses and phone
    /// numbers of the complainants and their representative.
    static func identity(of record: CaseRecord) -> WithheldIdentity {
        let parties = record.complainants + (record.representative.map { [$0] } ?? [])
        return WithheldIdentity(
            names: parties.map(\.name), emails: parties.compactMap(\.email), phones: parties.compactMap(\.phone),
            addresses: parties.compactMap(\.postalAddress))
    }
}
