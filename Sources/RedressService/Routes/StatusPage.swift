import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import RedressCore
import RedressStore

/// What the status page shows of a case: its stage, what the office owes and by when, the
/// letters sent to the complainant's side. Never names, notes or the respondent's data.
struct StatusPageCase {
    var reference: String
    var state: CaseState
    var clocks: [ClockDocument]
    var letters: [(kind: String, on: LocalDate)]
}

extension RedressServer {
    func statusPage(_ request: Request, context: RedressRequestContext, path: String?, post: Bool) async throws
        -> Response
    {
        let office = try await loadOffice()
        let language = try pageLanguage(request, path: path, office: office)
        guard post else { return statusForm(language: language, office: office, form: nil) }
        do {
            try limitPublicRequest(request, context: context)
            let form = try await readForm(request)
            guard formTokens.check(form["form_token"], purpose: "status") != nil else {
                return statusForm(
                    language: language, office: office, form: form,
                    banner: pages.text("form_expired", language: language), status: .forbidden)
            }
            var errors: [(field: String, message: String)] = []
            let reference = form.trimmed("reference")?.uppercased()
            let code = form.trimmed("status_code")?.lowercased()
            if reference == nil {
                errors.append(
                    (
                        "reference",
                        pages.text(
                            "error_required", language: language,
                            ["label": pages.text("status_reference_label", language: language)])
                    ))
            }
            if code == nil {
                errors.append(
                    (
                        "status_code",
                        pages.text(
                            "error_required", language: language,
                            ["label": pages.text("status_token_label", language: language)])
                    ))
            }
            guard let reference, let code else {
                return statusForm(
                    language: language, office: office, form: form, errors: errors, status: .unprocessableContent)
            }
            // An unknown reference and a wrong code get the same answer.
            guard let found = try await lookUp(reference: reference, code: code) else {
                return statusForm(
                    language: language, office: office, form: form,
                    banner: pages.text("status_not_found", language: language), status: .notFound)
            }
            return statusForm(
                language: language, office: office, form: form, found: found, easy: form["easy"] == "yes")
        } catch {
            return try pageRefusal(
                error, language: language, office: office.name, page: "status", logger: context.logger)
        }
    }

    /// The case whose reference and status code these are, or nil for any mismatch.
    func lookUp(reference: String, code: String) async throws -> StatusPageCase? {
        guard (try? CaseReference(parsing: reference)) != nil, code.utf8.count <= 200 else { return nil }
        return try await database.withConnection { connection -> StatusPageCase? in
            guard let record = try CaseStore(connection).find(reference: reference),
                try StatusTokenStore(connection).matches(caseID: record.id, offered: code)
            else { return nil }
            let context = try OfficeContext.load(connection)
            let today = context.calendar.clock.today
            let letters = try connection.query(
                """
                SELECT kind, sent_at FROM notice
                WHERE case_id = \(record.id) AND audience IN ('complainant', 'representative') AND state = 'sent'
                ORDER BY sent_at DESC, id DESC LIMIT 5
                """
            ).map { row in
                (kind: try row.decode(String.self, at: 0), on: context.localDate(try row.decode(Date.self, at: 1)))
            }
            return StatusPageCase(
                reference: record.reference, state: record.state,
                clocks: record.clocks.map { ClockDocument($0, calendar: context.calendar, asOf: today) },
                letters: letters)
        }
    }

    func statusForm(
        language: String, office: PageOffice, form: FormFields?, banner: String? = nil,
        errors: [(field: String, message: String)] = [], found: StatusPageCase? = nil, easy: Bool = false,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var errorsByField: [String: String] = [:]
        for (field, message) in errors where errorsByField[field] == nil { errorsByField[field] = message }
        var values: [String: Any] = [
            "form_token": formTokens.issue(purpose: "status"),
            "error_summary": errorSummary(language: language, banner: banner, errors: errors),
            // After an answer the form is offered empty, for another case.
            "fields": Self.statusFields.map {
                fieldValues($0, language: language, form: found == nil ? form : nil, errors: errorsByField)
            },
            "easy": form?["easy"] == "yes",
        ]
        if let found { values["result"] = result(found, language: language, office: office, easy: easy) }
        let body = pages.render(
            page: "status", language: language, title: pages.text("status_title", language: language),
            office: office.name, path: "status", values: values)
        return html(body, status: status, cacheable: form == nil)
    }

    func result(_ found: StatusPageCase, language: String, office: PageOffice, easy: Bool) -> [String: Any] {
        let prefix = easy ? "easy_" : ""
        let due: [[String: Any]] = found.clocks
            .filter {
                Self.owedClocks.contains($0.kind) && $0.dueDate != nil
                    && [.running, .paused, .breached].contains($0.status)
            }
            .sorted { ($0.dueDate!, $0.kind.rawValue) < ($1.dueDate!, $1.kind.rawValue) }
            .map { clock in
                let what = pages.text("\(prefix)owe_\(clock.kind.rawValue)", language: language)
                let key = clock.status == .breached ? "\(prefix)status_due_late" : "\(prefix)status_due_line"
                return [
                    "text": pages.text(
                        key, language: language, ["what": what, "date": pages.date(clock.dueDate!, language: language)])
                ]
            }
        let letters: [[String: Any]] = found.letters.map { letter in
            let key = pages.has("letter_\(letter.kind)", language: language) ? "letter_\(letter.kind)" : "letter_other"
            return [
                "text": pages.text(
                    "status_notice_line", language: language,
                    ["date": pages.date(letter.on, language: language), "what": pages.text(key, language: language)])
            ]
        }
        var contact = pages.text(
            "status_contact", language: language, ["sender": office.sender, "reference": found.reference])
        if let address = office.postalAddress, !address.isEmpty {
            contact += " " + pages.text("status_contact_post", language: language, ["address": address])
        }
        return [
            "heading": pages.text("status_heading", language: language, ["reference": found.reference]),
            "stage": pages.text("\(prefix)stage_\(found.state.rawValue)", language: language),
            "due": due, "has_due": !due.isEmpty,
            "due_none": pages.text("status_due_none", language: language),
            "notices": letters, "has_notices": !letters.isEmpty,
            "notices_none": pages.text("status_notices_none", language: language),
        ].merging(["contact": contact]) { $1 }
    }
}
