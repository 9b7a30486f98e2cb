import Crypto
public import Foundation
public import Postgres
public import RedressCore
import RedressNotices

/// Subject access: where a person appears (`person find`) and everything held about them
/// (`person export`), as the connected login may see it. The database's `person_find` decides
/// which cases a login may learn a person is in, and audits every search; an export is
/// recorded in the register of subject access requests with its own audit row.
public struct PersonStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Every case and role in which the person with `key` appears, among the cases whose
    /// parties `actor` may see, oldest case first. Audited. Call inside a transaction.
    public func find(_ key: PersonKey, actor: Actor) throws -> [PersonAppearance] {
        try actor.require(.read)
        return try connection.query(
            """
            SELECT f.case_id, cc.reference, f.role, f.party_position, cc.state, cc.received_on, r.name
            FROM person_find(\(key.kind.rawValue), \(key.value)) f
            JOIN complaint_case cc ON cc.id = f.case_id
            JOIN respondent_body r ON r.id = cc.respondent_id
            ORDER BY cc.received_on, cc.reference, f.role, f.party_position
            """
        ).map { row in
            PersonAppearance(
                reference: try row.decode(String.self, at: 1), role: try row.decode(String.self, at: 2),
                position: try row.decode(String.self, at: 2) == "complainant" ? try row.decode(Int?.self, at: 3) : nil,
                state: try row.decode(String.self, at: 4),
                receivedOn: try row.decode(LocalDate.self, at: 5), respondent: try row.decode(String.self, at: 6),
                caseID: try row.decode(Int.self, at: 0))
        }
    }

    /// Everything held about the person with `key` on the cases `actor` may see, other people
    /// redacted. Only those who see every identity (supervisors, the ombudsperson) export.
    /// Throws `SubjectAccessError.personNotFound` when the person is in none of them. Reading
    /// each case is audited; nothing is recorded as answered until `record` is called. Call
    /// inside a transaction.
    public func export(
        _ key: PersonKey, actor: Actor, receivedOn: LocalDate, reference: String?, officeName: String,
        at instant: Date
    ) throws -> SubjectAccessExport {
        guard actor.roles.contains(.supervisor) || actor.roles.contains(.ombudsperson) else {
            throw StoreError.notPermitted(
                login: actor.login, action: "export what is held about a person", allowed: [.supervisor, .ombudsperson])
        }
        if let reference, reference.trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalid(
                "The request's reference is blank; give it or leave it out.", hint: .give(["reference"]))
        }
        let found = try find(key, actor: actor)
        guard !found.isEmpty else { throw SubjectAccessError.personNotFound(kind: key.kind, value: key.value) }
        let composer = try NoticeComposer(connection)
        var cases: [SubjectAccessCase] = []
        var order: [Int] = []
        var roles: [Int: [PersonAppearance]] = [:]
        for appearance in found {
            if roles[appearance.caseID] == nil { order.append(appearance.caseID) }
            roles[appearance.caseID, default: []].append(appearance)
        }
        for caseID in order {
            cases.append(
                try exportCase(caseID, appearances: roles[caseID] ?? [], key: key, composer: composer))
            try AuditLog(connection).record(
                caseID: caseID, actor: actor.login, at: instant, kind: "case_viewed",
                data: ["purpose": "subject_access", "identity_shown": true])
        }
        return SubjectAccessExport(
            request: nil, office: officeName, foundBy: key.kind, receivedOn: receivedOn, completedAt: instant,
            handledBy: actor.login, reference: reference?.trimmingCharacters(in: .whitespaces), cases: cases,
            redaction: SubjectAccessExport.redactionNotes)
    }

    /// Records `export` as the answer to a subject access request, with the salted digest of
    /// `key`; returns the request's number. Call in the transaction of `export`.
    public func record(_ export: SubjectAccessExport, key: PersonKey) throws -> Int {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let digest = Array(
            HMAC<SHA256>.authenticationCode(
                for: Array((key.kind.rawValue + ":" + key.normalised).utf8), using: SymmetricKey(data: salt)))
        let caseIDs: [String] = export.cases.map { String($0.caseID) }
        return try connection.query(
            """
            SELECT subject_access_record(\(export.receivedOn), \(export.completedAt), \(key.kind.rawValue), \(salt),
                \(digest), \(export.reference), \(PostgresTextArray(caseIDs))::text[]::bigint[])
            """
        ).first!.decode(Int.self, at: 0)
    }

    /// Hands the bytes of an exported document to `body` a chunk at a time; returns their
    /// SHA-256 in hexadecimal, as read.
    public func read(_ document: SubjectAccessDocument, _ body: ([UInt8]) throws -> Void) throws -> String {
        var hash = SHA256()
        try DocumentStore(connection).read(document.record) { chunk in
            hash.update(data: chunk)
            try body(chunk)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    // MARK: One case

    struct PartyRow {
        var role: String
        var position: Int
        var name: String
        var email: String?
        var phone: String?
        var postalAddress: String?
        var language: String?
        var contactPreference: String?
    }

    func exportCase(
        _ caseID: Int, appearances: [PersonAppearance], key: PersonKey, composer: NoticeComposer
    ) throws -> SubjectAccessCase {
        guard let record = try CaseStore(connection).load(where: "cc.id = \(caseID)") else {
            throw StoreError.caseNotFound(appearances.first?.reference ?? String(caseID))
        }
        let parties = try connection.query(
            """
            SELECT pi.role, pi.position, pi.name, pi.email, pi.phone, pi.postal_address, p.language, p.contact_preference
            FROM party_identity pi JOIN party p ON p.id = pi.id
            WHERE pi.case_id = \(caseID) ORDER BY pi.role, pi.position
            """
        ).map { row in
            PartyRow(
                role: try row.decode(String.self, at: 0), position: try row.decode(Int.self, at: 1),
                name: try row.decode(String.self, at: 2), email: try row.decode(String?.self, at: 3),
                phone: try row.decode(String?.self, at: 4), postalAddress: try row.decode(String?.self, at: 5),
                language: try row.decode(String?.self, at: 6), contactPreference: try row.decode(String?.self, at: 7))
        }
        let isSelf = { (party: PartyRow) in
            appearances.contains { $0.role == party.role && ($0.position ?? party.position) == party.position }
        }
        let mine = parties.filter(isSelf)
        let sideRoles = Set(mine.map(\.role))
        var others: [Redactor.Other] = parties.filter { !isSelf($0) }.map { party -> Redactor.Other in
            let role =
                party.role == "representative"
                ? "representative" : sideRoles.contains("complainant") ? "other complainant" : "complainant"
            return Redactor.Other(
                role: role, names: [party.name], emails: party.email.map { [$0] } ?? [],
                phones: party.phone.map { [$0] } ?? [], addresses: party.postalAddress.map { [$0] } ?? [])
        }
        let body = record.respondent
        others.append(
            Redactor.Other(
                role: "respondent officer", names: body.headOfBodyName.map { [$0] } ?? [],
                emails: body.headOfBodyEmail.map { [$0] } ?? [], phones: body.headOfBodyPhone.map { [$0] } ?? [],
                addresses: body.headOfBodyPostalAddress.map { [$0] } ?? []))
        others.append(
            Redactor.Other(
                role: "respondent", emails: body.email.map { [$0] } ?? [],
                addresses: body.postalAddress.map { [$0] } ?? []))
        let redactor = Redactor(others: others, keep: mine.map(\.name) + [body.name])

        let notes = try connection.query(
            """
            SELECT noted_at, body FROM case_note WHERE case_id = \(caseID) AND NOT under_mediation ORDER BY noted_at, id
            """
        ).map {
            SubjectAccessNote(
                notedAt: try $0.decode(Date.self, at: 0), text: redactor.redact(try $0.decode(String.self, at: 1)))
        }

        // Notices go to the first complainant and to the representative.
        var audiences: [String] = []
        if mine.contains(where: { $0.role == "complainant" && $0.position == 1 }) { audiences.append("complainant") }
        if mine.contains(where: { $0.role == "representative" }) { audiences.append("representative") }
        let notices: [SubjectAccessNotice] = try connection.query(
            """
            SELECT \(unsafeSQL: NoticeStore.columns) FROM notice n LEFT JOIN complaint_case c ON c.id = n.case_id
            WHERE n.case_id = \(caseID) AND n.audience = ANY (\(PostgresTextArray(audiences))) ORDER BY n.id
            """
        ).map { try NoticeStore.decode($0).notice }.map { notice -> SubjectAccessNotice in
            var exported = SubjectAccessNotice(
                id: notice.id, kind: notice.kind, audience: notice.audience.rawValue,
                channel: notice.channel.rawValue, state: notice.state.rawValue, queuedAt: notice.createdAt,
                sentAt: notice.sentAt)
            do {
                // A letter waiting for an address still says what it would say.
                var input = try composer.input(for: notice)
                if input.channel == .post && input.recipient.postalAddress.isEmpty {
                    input.recipient.postalAddress = ["(no postal address on file)"]
                }
                let rendered = try composer.renderer.render(input)
                exported.subject = redactor.redact(rendered.subject)
                exported.body = redactor.redact(rendered.body)
            } catch {
                exported.problem = "It could not be rendered: \(error)"
            }
            return exported
        }

        // Messages from the person's addresses on this case.
        let emails = Array(
            Set(mine.compactMap { $0.email?.lowercased() } + (key.kind == .email ? [key.normalised] : [])))
        let messages = try connection.query(
            """
            SELECT m.id, m.received_at, m.subject, m.text_body,
                (SELECT coalesce(array_agg(d.number ORDER BY d.number), '{}') FROM case_document d
                 WHERE d.mail_message_id = m.id AND d.case_id = m.case_id)::text
            FROM mail_message m
            WHERE m.case_id = \(caseID) AND m.state = 'filed' AND EXISTS (
                SELECT 1 FROM unnest(\(PostgresTextArray(emails))::text[]) e(address)
                WHERE lower(btrim(m.sender)) = e.address OR position('<' || e.address || '>' IN lower(m.sender)) > 0)
            ORDER BY m.received_at, m.id
            """
        ).map { row -> SubjectAccessMessage in
            let numbers = try row.decode(String.self, at: 4).trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
                .split(separator: ",").compactMap { Int($0) }
            return SubjectAccessMessage(
                number: try row.decode(Int.self, at: 0), receivedAt: try row.decode(Date.self, at: 1),
                subject: redactor.redact(try row.decode(String?.self, at: 2)),
                text: redactor.redact(try row.decode(String?.self, at: 3)), documents: numbers)
        }
        let sent = Set(messages.flatMap(\.documents))

        let contacts = try connection.query(
            """
            SELECT contact_at, channel, direction, summary FROM case_contact
            WHERE case_id = \(caseID) AND party = 'complainant' ORDER BY contact_at, id
            """
        ).map { row in
            SubjectAccessContact(
                contactAt: try row.decode(Date.self, at: 0), channel: try row.decode(String.self, at: 1),
                direction: try row.decode(String.self, at: 2),
                summary: redactor.redact(try row.decode(String.self, at: 3)))
        }

        let documents = try DocumentStore(connection).documents(caseID: caseID).map {
            document -> SubjectAccessDocument in
            let mineToGive = sent.contains(document.number)
            return SubjectAccessDocument(
                number: document.number, title: redactor.redact(document.title), contentType: document.contentType,
                size: document.size, sha256: document.sha256, addedAt: document.addedAt, source: document.source,
                file: nil,
                withheld: mineToGive
                    ? nil : "Not sent by the person: it may name others, so the office reviews it before release.",
                record: document)
        }

        return SubjectAccessCase(
            reference: record.reference, roles: Array(Set(appearances.map(\.role))).sorted(),
            receivedOn: record.receivedOn, channel: record.channel.rawValue, state: record.state.rawValue,
            outcome: record.outcome?.rawValue, incidentDate: record.incidentDate, closedAt: record.closedAt,
            respondent: body.name, categories: record.categories, summary: redactor.redact(record.summary),
            details: mine.map {
                SubjectAccessParty(
                    role: $0.role, name: $0.name, email: $0.email, phone: $0.phone, postalAddress: $0.postalAddress,
                    language: $0.language, contactPreference: $0.contactPreference)
            }, notes: notes, notices: notices, messages: messages, contacts: contacts, documents: documents,
            caseID: caseID)
    }
}

extension SubjectAccessExport {
    static let redactionNotes = [
        "Names, email addresses, phone numbers and postal addresses of other people on these cases are replaced by their role in brackets, such as [other complainant], [representative] or [respondent officer]; the body complained about keeps its name.",
        "Notes made during mediation are not given: what is said in mediation stays confidential.",
        "Documents the person did not send are listed with their SHA-256 but not given: they may name others, and the office reviews them before releasing them.",
    ]
}

/// Why a subject access request cannot be answered as asked.
public enum SubjectAccessError: Error, Sendable, Hashable {
    /// No case the login may see has a party (or a message) with that key.
    case personNotFound(kind: PersonKey.Kind, value: String)
}

extension SubjectAccessError: RedressError {
    public var kind: ErrorKind { .notFound }
    public var message: String {
        switch self {
        case let .personNotFound(kind, value):
            return "No case you may see has a person with the \(kind.rawValue) \"\(value)\"."
        }
    }
    public var hint: ErrorHint? {
        switch self {
        case let .personNotFound(kind, _): return .command("person find --\(kind.rawValue) VALUE")
        }
    }
}
