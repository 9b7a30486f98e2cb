import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RedressCore
import RedressStore

/// One input of a public form: its name, the text key of its label, how it is typed.
struct PageField {
    var name: String
    var label: String
    var type = "text"
    var autocomplete: String? = nil
    var required = false
    var multiline = false
    var rows = 3
    var hint: String? = nil
    var inputmode: String? = nil
    var spellcheckOff = false
}

/// What the office shows on every public page.
struct PageOffice {
    var name: String
    var defaultLanguage: String
    var sender: String
    var postalAddress: String?
    var respondents: [String]
}

/// The outcome of filing a complaint from the form.
enum FormFiling {
    case filed(reference: String, statusToken: String, clocks: [ClockDocument])
    case again(reference: String)
}

extension RedressServer {
    var pages: PageRenderer { PageRenderer.shared }

    static let whoFields = [
        PageField(name: "name", label: "your_name", autocomplete: "name", required: true),
        PageField(name: "email", label: "your_email", type: "email", autocomplete: "email", spellcheckOff: true),
        PageField(name: "phone", label: "your_phone", type: "tel", autocomplete: "tel"),
        PageField(name: "postal_address", label: "your_address", autocomplete: "street-address", multiline: true),
    ]
    static let helpedFields = [
        PageField(name: "helped_name", label: "helped_name", autocomplete: "off", hint: "helped_hint"),
        PageField(name: "helped_email", label: "helped_email", type: "email", autocomplete: "off", spellcheckOff: true),
        PageField(name: "helped_phone", label: "helped_phone", type: "tel", autocomplete: "off"),
    ]
    static let aboutFields = [PageField(name: "respondent_other", label: "respondent_other_label", autocomplete: "off")]
    static let whatFields = [
        PageField(
            name: "what_happened", label: "what_happened_label", required: true, multiline: true, rows: 8,
            hint: "what_happened_hint"),
        PageField(name: "incident_date", label: "incident_date_label", type: "date", hint: "incident_date_hint"),
        PageField(name: "late_reason", label: "late_reason_label", multiline: true, hint: "late_reason_hint"),
        PageField(name: "wanted", label: "wanted_label", multiline: true, rows: 4),
    ]
    static let statusFields = [
        PageField(
            name: "reference", label: "status_reference_label", autocomplete: "off", required: true,
            hint: "status_reference_hint", spellcheckOff: true),
        PageField(
            name: "status_code", label: "status_token_label", autocomplete: "off", required: true, spellcheckOff: true),
    ]
    static let harms = ["harm_eviction", "harm_utilities", "harm_detention"]
    /// The clocks that time what the office owes a complainant, shown on the status page.
    static let owedClocks: Set<ClockKind> = [
        .acknowledge, .triage, .complainantUpdate, .earlyResolution, .mediation, .investigation, .arbitrationAward,
        .arbitrationOverall, .verification, .review, .parallelReview,
    ]

    /// `GET /redress.css`, `GET|POST /complain`, `GET|POST /status` and the same under
    /// `/{lang}/`: the public pages, HTML without script, texts from Sources/RedressService/Pages.
    func addPageRoutes(to router: Router<RedressRequestContext>) {
        router.get("/redress.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: PageRenderer.shared.stylesheet)))
        }
        router.get("/complain") { request, context in
            try await complainPage(request, context: context, path: nil, post: false)
        }
        router.get("/{lang}/complain") { request, context in
            try await complainPage(request, context: context, path: context.parameters.get("lang"), post: false)
        }
        router.post("/complain") { request, context in
            try await complainPage(request, context: context, path: nil, post: true)
        }
        router.post("/{lang}/complain") { request, context in
            try await complainPage(request, context: context, path: context.parameters.get("lang"), post: true)
        }
        router.get("/status") { request, context in
            try await statusPage(request, context: context, path: nil, post: false)
        }
        router.get("/{lang}/status") { request, context in
            try await statusPage(request, context: context, path: context.parameters.get("lang"), post: false)
        }
        router.post("/status") { request, context in
            try await statusPage(request, context: context, path: nil, post: true)
        }
        router.post("/{lang}/status") { request, context in
            try await statusPage(request, context: context, path: context.parameters.get("lang"), post: true)
        }
    }

    // MARK: - Shared

    func loadOffice() async throws -> PageOffice {
        try await database.withConnection { connection in
            let office = try OfficeContext.load(connection).settings
            let respondents = try RespondentStore(connection).list().map(\.body.name).sorted {
                $0.localizedStandardCompare($1) == .orderedAscending
            }
            return PageOffice(
                name: office.name, defaultLanguage: office.defaultLanguage, sender: office.sender,
                postalAddress: office.postalAddress, respondents: respondents)
        }
    }

    /// The page language: the one in the path (which must be offered), else the best of `Accept-Language`.
    func pageLanguage(_ request: Request, path: String?, office: PageOffice) throws -> String {
        if let path {
            guard pages.languages.contains(path) else {
                throw ServiceError.notFound(
                    "no public pages in '\(path)': the languages are \(pages.languages.joined(separator: ", "))")
            }
            return path
        }
        return pages.language(accepting: request.headers[.acceptLanguage], fallback: office.defaultLanguage)
    }

    /// An HTML answer. A blank form may be kept by the browser (`cacheable`), so that the back
    /// button shows the same form with the same token and a second Send is known as the first;
    /// every other page, the answer with the status code first, is never stored.
    func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], cacheable: Bool = false)
        -> Response
    {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = cacheable ? "private, no-cache" : "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads a form body (`application/x-www-form-urlencoded`, at most the body limit).
    func readForm(_ request: Request) async throws -> FormFields {
        let declared = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard declared == "application/x-www-form-urlencoded" else {
            throw ServiceError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "the form must be sent as application/x-www-form-urlencoded")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: configuration.maximumBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ServiceError.tooLarge(limit: configuration.maximumBodySize)
        }
        return FormFields(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// A short page that says one thing (too many requests, service unavailable).
    func messagePage(
        heading: String, message: String, language: String, office: String, page: String,
        status: HTTPResponse.Status, headers: HTTPFields = [:]
    ) -> Response {
        let body = pages.render(
            page: "message", language: language, title: heading, office: office, path: page,
            values: ["heading": heading, "message": message, "page": page])
        return html(body, status: status, headers: headers)
    }

    /// Turns the refusals a person can meet on a public page into a page in their language.
    func pageRefusal(_ error: any Error, language: String, office: String, page: String, logger: Logger) throws
        -> Response
    {
        let refusal = ServiceError.from(error, logger: logger)
        switch refusal.status {
        case .tooManyRequests:
            let seconds = refusal.headers[.retryAfter] ?? "60"
            return messagePage(
                heading: pages.text("too_many_heading", language: language),
                message: pages.text("too_many", language: language, ["seconds": seconds]), language: language,
                office: office, page: page, status: .tooManyRequests, headers: refusal.headers)
        case .serviceUnavailable:
            let key = refusal.code == "unavailable" ? "closed" : "unavailable"
            return messagePage(
                heading: pages.text("unavailable_heading", language: language),
                message: pages.text(key, language: language), language: language, office: office, page: page,
                status: .serviceUnavailable, headers: refusal.headers)
        default:
            throw error
        }
    }

    /// The values of one input for a page template.
    func fieldValues(
        _ field: PageField, language: String, form: FormFields?, errors: [String: String], required: Bool? = nil
    ) -> [String: Any] {
        var describedBy: [String] = []
        if field.hint != nil { describedBy.append("\(field.name)-hint") }
        if errors[field.name] != nil { describedBy.append("\(field.name)-error") }
        var values: [String: Any] = [
            "name": field.name, "label": pages.text(field.label, language: language), "type": field.type,
            "required": required ?? field.required, "multiline": field.multiline, "rows": field.rows,
            "value": form?[field.name] ?? "", "spellcheck_off": field.spellcheckOff,
        ]
        if let autocomplete = field.autocomplete { values["autocomplete"] = autocomplete }
        if let hint = field.hint { values["hint"] = pages.text(hint, language: language) }
        if let inputmode = field.inputmode { values["inputmode"] = inputmode }
        if let error = errors[field.name] { values["error"] = error }
        if !describedBy.isEmpty { values["describedby"] = describedBy.joined(separator: " ") }
        return values
    }

    /// The error summary at the top of a form: a banner, and a link to each field in error.
    func errorSummary(language: String, banner: String?, errors: [(field: String, message: String)]) -> String {
        guard banner != nil || !errors.isEmpty else { return "" }
        var values: [String: Any] = [
            "has_errors": true, "has_field_errors": !errors.isEmpty,
            "field_errors": errors.map { ["field": $0.field, "message": $0.message] },
        ]
        if let banner { values["banner"] = banner }
        return pages.fragment("errors", language: language, values: values)
    }
}
