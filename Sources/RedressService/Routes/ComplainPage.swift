import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedressCore
import RedressStore

/// The complaint form: shown, checked, and filed through the same store call, intake
/// validation and rate limit as `POST /v1/complaints`.
extension RedressServer {
    func complainPage(_ request: Request, context: RedressRequestContext, path: String?, post: Bool) async throws
        -> Response
    {
        let office = try await loadOffice()
        let language = try pageLanguage(request, path: path, office: office)
        guard post else { return complainForm(language: language, office: office, form: nil) }
        do {
            try limitPublicRequest(request, context: context)
            let form = try await readForm(request)
            guard let key = formTokens.check(form["form_token"], purpose: "complain") else {
                return complainForm(
                    language: language, office: office, form: form,
                    banner: pages.text("form_expired", language: language), status: .forbidden)
            }
            if let trap = form["website"], !trap.isEmpty {
                return messagePage(
                    heading: pages.text("errors_title", language: language),
                    message: pages.text("honeypot_refused", language: language), language: language,
                    office: office.name, page: "complain", status: .badRequest)
            }
            var (new, errors) = complaint(from: form, language: language, office: office)
            guard errors.isEmpty, var new else {
                return complainForm(
                    language: language, office: office, form: form, nonce: key, errors: errors,
                    status: .unprocessableContent)
            }
            let filing: FormFiling
            do {
                filing = try await file(new, key: key)
            } catch StoreError.lateFiling {
                guard let reason = form.trimmed("late_reason") else {
                    errors.append(
                        (
                            "late_reason",
                            pages.text(
                                "error_late", language: language,
                                ["label": pages.text("late_reason_label", language: language)])
                        ))
                    return complainForm(
                        language: language, office: office, form: form, nonce: key, errors: errors,
                        status: .unprocessableContent)
                }
                // Asked kindly rather than refused: the complainant's reason goes with the case,
                // which is marked as filed late for a caseworker to decide on.
                new.acceptLateReason = reason
                filing = try await file(new, key: key)
            } catch let error where ServiceError.from(error, logger: context.logger).status == .badRequest {
                context.logger.info("public form refused by intake validation")
                return complainForm(
                    language: language, office: office, form: form, nonce: key,
                    banner: pages.text("form_other_error", language: language), status: .unprocessableContent)
            }
            return received(filing, language: language, office: office, logger: context.logger)
        } catch {
            return try pageRefusal(
                error, language: language, office: office.name, page: "complain", logger: context.logger)
        }
    }

    /// The keys a submission is known by: the nonce of its form, and digests of what it says
    /// (complainant, contacts, body, account) made today and yesterday (UTC), so a form sent again
    /// from a page the browser loaded afresh is known too. The first two are remembered.
    static func submissionKeys(_ new: NewCase, nonce: String) -> (lookUp: [String], remember: [String]) {
        let parties = (new.complainants + (new.representative.map { [$0] } ?? [])).map {
            [$0.name, $0.email ?? "", $0.phone ?? ""].joined(separator: "\u{1F}")
        }
        let content = ([new.respondent.name, new.summary] + parties).map {
            $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.joined(separator: "\u{1E}")
        let day = Int(new.receivedAt.timeIntervalSince1970 / 86_400)
        let today = "content|\(day)|\(content)"
        let yesterday = "content|\(day - 1)|\(content)"
        return ([nonce, today, yesterday], [nonce, today])
    }

    /// Opens the case, issues its status token and remembers the submission's keys, in one
    /// transaction; a submission already seen answers with the case it opened.
    func file(_ new: NewCase, key: String) async throws -> FormFiling {
        let keys = Self.submissionKeys(new, nonce: key)
        do {
            return try await database.withConnection { connection in
                try connection.withStoreTransaction { connection in
                    if let reference = try PublicSubmissionStore(connection).reference(
                        forKeys: keys.lookUp, at: new.receivedAt)
                    {
                        return .again(reference: reference)
                    }
                    guard let member = try StaffStore(connection).member(Self.publicIntakeLogin), member.active else {
                        throw ServiceError(
                            .serviceUnavailable, code: "unavailable",
                            message: "public intake is closed: contact the office by another channel")
                    }
                    let record = try CaseStore(connection).open(new, actor: member.actor)
                    let secret = try StatusTokenStore(connection).issue(caseID: record.id, at: new.receivedAt)
                    try PublicSubmissionStore(connection).remember(
                        keys: keys.remember, caseID: record.id, at: new.receivedAt)
                    let calendar = try OfficeContext.load(connection).calendar
                    let clocks = record.clocks.map {
                        ClockDocument($0, calendar: calendar, asOf: calendar.clock.today)
                    }
                    return .filed(reference: record.reference, statusToken: secret, clocks: clocks)
                }
            }
        } catch {
            // The same form sent twice at once: the second waits for the first and fails on the key.
            let earlier = try? await database.withConnection { connection in
                try PublicSubmissionStore(connection).reference(forKeys: keys.lookUp, at: new.receivedAt)
            }
            if let reference = earlier { return .again(reference: reference) }
            throw error
        }
    }

    /// The answer page: the reference, the status token once, and the dates the office keeps.
    func received(_ filing: FormFiling, language: String, office: PageOffice, logger: Logger) -> Response {
        var values: [String: Any] = [:]
        switch filing {
        case let .filed(reference, statusToken, clocks):
            logger.info("complaint registered from the public form", metadata: ["case.reference": "\(reference)"])
            values["reference"] = reference
            values["status_token"] = statusToken
            let next: [[String: Any]] = [ClockKind.acknowledge, .triage, .complainantUpdate].compactMap { kind in
                guard let due = clocks.first(where: { $0.kind == kind })?.dueDate else { return nil }
                return [
                    "text": pages.text(
                        "next_\(kind.rawValue)", language: language, ["date": pages.date(due, language: language)])
                ]
            }
            values["next"] = next
            values["has_next"] = !next.isEmpty
        case let .again(reference):
            values["reference"] = reference
            values["again"] = true
        }
        let body = pages.render(
            page: "received", language: language, title: pages.text("received_title", language: language),
            office: office.name, path: "complain", values: values)
        return html(body, status: .ok)
    }

    /// The form, empty or with the values sent and the errors found; shown again after errors,
    /// it keeps the `nonce` of the form sent, so any later version of it files one case.
    func complainForm(
        language: String, office: PageOffice, form: FormFields?, nonce: String? = nil, banner: String? = nil,
        errors: [(field: String, message: String)] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        var errorsByField: [String: String] = [:]
        for (field, message) in errors where errorsByField[field] == nil { errorsByField[field] = message }
        let representative = form?["filing_as"] == "representative"
        let chosen = form?["respondent"] ?? ""
        let fields = { (list: [PageField]) in
            list.map { field in
                self.fieldValues(
                    field, language: language, form: form, errors: errorsByField,
                    required: field.name == "helped_name" ? representative : nil)
            }
        }
        let preference = form?["contact_preference"] ?? ""
        let letterLanguage = form?["language"] ?? language
        let values: [String: Any] = [
            "form_token": formTokens.issue(purpose: "complain", nonce: nonce),
            "error_summary": errorSummary(language: language, banner: banner, errors: errors),
            "e": errorsByField,
            "v": [
                "filing_as_self": form?["filing_as"] == "self", "filing_as_representative": representative,
                "respondent_other_selected": chosen == "_other", "consent_yes": form?["consent"] == "yes",
                "consent_no": form?["consent"] == "no",
            ],
            "fields_who": fields(Self.whoFields), "fields_helped": fields(Self.helpedFields),
            "fields_about": fields(Self.aboutFields), "fields_what": fields(Self.whatFields),
            "respondents": office.respondents.map { ["name": $0, "selected": $0 == chosen] },
            "harms": Self.harms.map { name -> [String: Any] in
                ["name": name, "label": pages.text(name, language: language), "checked": form?[name] == "yes"]
            },
            "contacts": ContactPreference.allCases.map { preference0 -> [String: Any] in
                [
                    "value": preference0.rawValue,
                    "label": pages.text("contact_\(preference0.rawValue)", language: language),
                    "checked": preference == preference0.rawValue,
                ]
            },
            "letter_languages": pages.languages.map { code -> [String: Any] in
                ["code": code, "name": pages.text("language_name", language: code), "selected": code == letterLanguage]
            },
        ]
        let body = pages.render(
            page: "complain", language: language, title: pages.text("complain_title", language: language),
            office: office.name, path: "complain", values: values)
        return html(body, status: status, cacheable: form == nil)
    }

    /// The complaint the form describes, or the errors that keep it from being one.
    func complaint(from form: FormFields, language: String, office: PageOffice) -> (
        NewCase?, [(field: String, message: String)]
    ) {
        var errors: [(field: String, message: String)] = []
        func fail(_ field: String, _ key: String, label: String, _ extra: [String: Any] = [:]) {
            var values = extra
            values["label"] = pages.text(label, language: language)
            errors.append((field, pages.text(key, language: language, values)))
        }
        /// A single line: required or not, at most the intake limit, no control characters.
        func line(_ field: String, label: String, required: Bool = false, lines: Bool = false) -> String? {
            guard let value = form.trimmed(field) else {
                if required { fail(field, "error_required", label: label) }
                return nil
            }
            let limit =
                field == "what_happened" ? IntakeValidator.maximumSummaryLength : IntakeValidator.maximumFieldLength
            if value.unicodeScalars.count > limit.characters || value.utf8.count > limit.bytes {
                fail(field, "error_too_long", label: label, ["limit": limit.characters])
                return nil
            }
            if value.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && !(lines && ["\n", "\t", "\r"].contains($0))
            }) {
                fail(field, "error_characters", label: label)
                return nil
            }
            return value
        }
        func email(_ field: String, label: String) -> String? {
            guard let value = line(field, label: label) else { return nil }
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(where: \.isWhitespace)
            else {
                fail(field, "error_email", label: label)
                return nil
            }
            return value
        }
        func phone(_ field: String, label: String) -> String? {
            guard let value = line(field, label: label) else { return nil }
            guard value.allSatisfy({ $0.isNumber || " +-().".contains($0) }), value.contains(where: \.isNumber) else {
                fail(field, "error_phone", label: label)
                return nil
            }
            return value
        }

        let filingAs = form["filing_as"]
        if filingAs != "self" && filingAs != "representative" {
            fail("filing_as", "error_choose", label: "filing_as_legend")
        }
        let representative = filingAs == "representative"
        let name = line("name", label: "your_name", required: true)
        let preference = form["contact_preference"].flatMap(ContactPreference.init(rawValue:))
        let yourEmail = email("email", label: "your_email")
        let yourPhone = phone("phone", label: "your_phone")
        let address = line("postal_address", label: "your_address", lines: true)
        switch preference {
        case .email where yourEmail == nil && form.trimmed("email") == nil:
            fail("email", "error_required", label: "your_email")
        case .phone where yourPhone == nil && form.trimmed("phone") == nil:
            fail("phone", "error_required", label: "your_phone")
        case .post where address == nil && form.trimmed("postal_address") == nil:
            fail("postal_address", "error_required", label: "your_address")
        default: break
        }
        let helpedName = line("helped_name", label: "helped_name", required: representative)
        let helpedEmail = email("helped_email", label: "helped_email")
        let helpedPhone = phone("helped_phone", label: "helped_phone")

        var respondent: String? = nil
        switch form["respondent"] ?? "" {
        case "":
            fail("respondent", "error_choose", label: "respondent_label")
        case "_other":
            respondent = line("respondent_other", label: "respondent_other_label", required: true)
        case let chosen where office.respondents.contains(chosen):
            respondent = chosen
        default:
            fail("respondent", "error_choose", label: "respondent_label")
        }
        let happened = line("what_happened", label: "what_happened_label", required: true, lines: true)
        var incident: LocalDate? = nil
        if let text = form.trimmed("incident_date") {
            if let date = LocalDate(iso: text) {
                incident = date
            } else {
                fail("incident_date", "error_date", label: "incident_date_label")
            }
        }
        _ = line("late_reason", label: "late_reason_label", lines: true)
        let wanted = line("wanted", label: "wanted_label", lines: true)
        let consent = form["consent"]
        if consent != "yes" && consent != "no" { fail("consent", "error_choose", label: "consent_legend") }
        let letterLanguage = form["language"].flatMap { pages.languages.contains($0) ? $0 : nil } ?? language
        let harms = Self.harms.filter { form[$0] == "yes" }

        guard errors.isEmpty, let name, let respondent, let happened else { return (nil, errors) }
        if let incident,
            incident > LocalDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)) + 1)
        {
            fail("incident_date", "error_future", label: "incident_date_label")
            return (nil, errors)
        }
        // What the caseworker reads, in the office's language: the account, then what is wanted and the harms.
        let record = office.defaultLanguage
        var summary = happened
        if let wanted { summary += "\n\n" + plain(pages.text("record_wanted", language: record)) + "\n" + wanted }
        if !harms.isEmpty {
            summary +=
                "\n\n" + plain(pages.text("record_harms", language: record)) + " "
                + harms.map { plain(pages.text($0, language: record)) }.joined(separator: "; ")
        }
        let you = Party(
            name: name, email: yourEmail, phone: yourPhone, postalAddress: address, language: letterLanguage,
            contactPreference: preference)
        let complainants =
            representative
            ? [Party(name: helpedName ?? "", email: helpedEmail, phone: helpedPhone, language: letterLanguage)] : [you]
        let new = NewCase(
            receivedAt: Date(), channel: .web, complainants: complainants, representative: representative ? you : nil,
            respondent: RespondentBody(name: respondent), categories: [], summary: summary, language: letterLanguage,
            urgent: !harms.isEmpty, confidential: consent == "no", incidentDate: incident)
        return (new, [])
    }

    /// A page text as plain text, for the case record.
    func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
