import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Postgres
import RedressService
import RedressStore
import RedressTesting
import Testing

/// A page answer: its status, headers and HTML.
struct PageAnswer {
    var status: Int
    var headers: HTTPFields
    var html: String

    /// The hidden form token of the page's form.
    var formToken: String? {
        guard let range = html.range(of: #"name="form_token" value="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range].dropFirst(#"name="form_token" value=""#.count).dropLast())
    }
}

extension ServiceUnderTest {
    /// Requests a public page; when `documented` names the operation, the answer keeps the OpenAPI document.
    func page(
        _ method: HTTPRequest.Method, _ uri: String, documented template: String? = nil,
        form: [(String, String)]? = nil,
        headers: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> PageAnswer {
        var headers = headers
        var body: ByteBuffer? = nil
        if let form {
            if headers[.contentType] == nil { headers[.contentType] = "application/x-www-form-urlencoded" }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let text = form.map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }.joined(separator: "&")
            body = ByteBuffer(string: text)
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        if let template {
            let problems = contract.problems(
                method: method.rawValue, path: template, status: response.status.code,
                contentType: response.headers[.contentType], body: Data(buffer: response.body))
            #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        }
        return PageAnswer(status: response.status.code, headers: response.headers, html: String(buffer: response.body))
    }

    /// Cases in the database.
    func caseCount() throws -> Int {
        try withConnection { try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0) }
    }

    /// Adds a respondent body to the office's list.
    func addRespondent(_ name: String) throws {
        try withConnection { connection in
            try connection.withStoreTransaction { connection in
                let admin = try StaffStore(connection).currentActor()
                _ = try RespondentStore(connection).add(RespondentBody(name: name), actor: admin, at: Date())
            }
        }
    }
}

/// A filled-in complaint form, as a browser sends it.
func complaintForm(token: String, _ changes: [String: String] = [:]) -> [(String, String)] {
    var fields: [(String, String)] = [
        ("form_token", token), ("website", ""), ("filing_as", "self"), ("name", "Park Min-jun"),
        ("email", "minjun@example.org"), ("phone", "+82 62 000 0000"), ("postal_address", ""),
        ("helped_name", ""), ("helped_email", ""), ("helped_phone", ""),
        ("respondent", "Gwangju Housing Office"), ("respondent_other", ""),
        ("what_happened", "Eviction notice served without a hearing.\r\nThe office never answered."),
        ("incident_date", ""), ("late_reason", ""), ("wanted", "A hearing before any eviction"),
        ("harm_eviction", "yes"), ("contact_preference", "email"), ("language", "ko"), ("consent", "no"),
    ]
    for (name, value) in changes {
        if let index = fields.firstIndex(where: { $0.0 == name }) {
            fields[index].1 = value
        } else {
            fields.append((name, value))
        }
    }
    return fields.filter { $0.1 != "_drop" }
}

@Suite("Public pages: the complaint form and the status page")
struct PublicPagesTests {
    @Test func theFormRendersInEachLanguageAndAcceptLanguagePicksTheDefault() async throws {
        try await withService { service in
            try service.addRespondent("Gwangju Housing Office")
            for (language, title) in [("en", "Make a complaint"), ("ko", "진정하기"), ("es", "Presentar una queja")] {
                let page = try await service.page(.get, "/\(language)/complain", documented: "/{lang}/complain")
                #expect(page.status == 200)
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.html.contains("<html lang=\"\(language)\">"))
                #expect(page.html.contains("<h1>\(title)</h1>"))
                #expect(page.formToken != nil)
                #expect(page.html.contains(#"<option value="Gwangju Housing Office">"#), "the office's list of bodies")
                #expect(page.html.contains(#"autocomplete="email""#))
                #expect(page.html.contains(##"<a class="skip" href="#main">"##))
                // Each other language is linked, marked with its own language.
                for other in ["en", "ko", "es"] where other != language {
                    #expect(page.html.contains(#"href="/\#(other)/complain" lang="\#(other)" hreflang="\#(other)""#))
                }
                #expect(!page.html.contains("<script"), "no script at all")
                #expect(!page.html.contains("http://") && !page.html.contains("https://"), "nothing from elsewhere")
            }
            let spanish = try await service.page(
                .get, "/complain", documented: "/complain", headers: [.acceptLanguage: "fr-FR, es;q=0.8, en;q=0.5"])
            #expect(spanish.html.contains("<html lang=\"es\">"))
            let fallback = try await service.page(
                .get, "/complain", documented: "/complain", headers: [.acceptLanguage: "de"])
            #expect(fallback.html.contains("<html lang=\"en\">"), "the office's default language")
            let unknown = try await service.page(.get, "/fr/complain", documented: "/{lang}/complain")
            #expect(unknown.status == 404)
        }
    }

    @Test func aPostFilesACaseWithTheRightFieldsAndShowsTheReceiptOnce() async throws {
        try await withService { service in
            try service.addRespondent("Gwangju Housing Office")
            let form = try await service.page(.get, "/ko/complain")
            let token = try #require(form.formToken)
            let answer = try await service.page(
                .post, "/ko/complain", documented: "/{lang}/complain", form: complaintForm(token: token))
            #expect(answer.status == 200)
            #expect(answer.html.contains("진정을 받았습니다"))
            let reference = try #require(
                answer.html.range(of: #"[A-Z]+-\d{4}-\d{6}"#, options: .regularExpression).map {
                    String(answer.html[$0])
                })
            let statusCode = try #require(
                answer.html.range(of: #"[0-9a-f]{64}"#, options: .regularExpression).map { String(answer.html[$0]) })
            #expect(answer.html.contains("까지 진정을 받았다고 편지로 알려 드리겠습니다"), "the acknowledgement date")
            #expect(answer.html.contains("년 12월") || answer.html.contains("년 1월"), "a real date in words")

            let row = try service.withConnection { connection in
                try connection.query(
                    """
                    SELECT c.channel, c.summary, c.urgent, c.confidential, c.language, c.opened_by, r.name,
                           p.name, p.email, p.contact_preference, p.role
                    FROM complaint_case c JOIN respondent_body r ON r.id = c.respondent_id
                    JOIN party p ON p.case_id = c.id WHERE c.reference = \(reference)
                    """
                ).first!
            }
            #expect(try row.decode(String.self, at: 0) == "web")
            let summary = try row.decode(String.self, at: 1)
            #expect(summary.hasPrefix("Eviction notice served without a hearing.\nThe office never answered."))
            #expect(summary.contains("A hearing before any eviction"))
            #expect(try row.decode(Bool.self, at: 2), "eviction is urgent harm")
            #expect(try row.decode(Bool.self, at: 3), "no consent to share the name: confidential")
            #expect(try row.decode(String.self, at: 4) == "ko")
            #expect(try row.decode(String.self, at: 5) == "public_intake")
            #expect(try row.decode(String.self, at: 6) == "Gwangju Housing Office")
            #expect(try row.decode(String.self, at: 7) == "Park Min-jun")
            #expect(try row.decode(String.self, at: 8) == "minjun@example.org")
            #expect(try row.decode(String.self, at: 9) == "email")
            #expect(try row.decode(String.self, at: 10) == "complainant")
            // The status code works with the JSON status endpoint too.
            let status = try await service.send(
                .get, "/v1/complaints/\(reference)/status", documented: "/v1/complaints/{reference}/status",
                headers: [HTTPField.Name("Redress-Status-Token")!: statusCode])
            #expect(status.status == .ok)
        }
    }

    @Test func aRepresentativeFilesForSomeoneElseAndAnotherBodyIsNamed() async throws {
        try await withService { service in
            let token = try #require(try await service.page(.get, "/en/complain").formToken)
            let answer = try await service.page(
                .post, "/en/complain",
                form: complaintForm(
                    token: token,
                    [
                        "filing_as": "representative", "helped_name": "Kim Ji-woo", "respondent": "_other",
                        "respondent_other": "Seo-gu District Office", "consent": "yes", "harm_eviction": "_drop",
                    ]))
            #expect(answer.status == 200)
            let roles = try service.withConnection { connection in
                try connection.query(
                    "SELECT p.role, p.name, c.urgent, c.confidential FROM party p JOIN complaint_case c ON c.id = p.case_id ORDER BY p.role"
                ).map {
                    (
                        try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1),
                        try $0.decode(Bool.self, at: 2), try $0.decode(Bool.self, at: 3)
                    )
                }
            }
            #expect(roles.map(\.0) == ["complainant", "representative"])
            #expect(roles.map(\.1) == ["Kim Ji-woo", "Park Min-jun"])
            #expect(roles.first?.2 == false && roles.first?.3 == false)
        }
    }

    @Test func validationErrorsAreShownBesideEachFieldAndSummarisedWithValuesKept() async throws {
        try await withService { service in
            let token = try #require(try await service.page(.get, "/en/complain").formToken)
            let answer = try await service.page(
                .post, "/en/complain", documented: "/{lang}/complain",
                form: complaintForm(
                    token: token,
                    [
                        "name": "  ", "email": "not-an-address", "respondent": "", "consent": "_drop",
                        "phone": #"0" onfocus="x"#,
                        "what_happened": "<script>alert(1)</script> they refused", "incident_date": "30/11/2026",
                    ]))
            #expect(answer.status == 422)
            #expect(answer.html.contains(#"class="error-summary" role="alert""#))
            for field in ["name", "email", "respondent", "consent", "incident_date"] {
                #expect(answer.html.contains(##"<a href="#\##(field)">"##), "the summary links to \(field)")
                #expect(answer.html.contains(#"id="\#(field)-error""#), "an error beside \(field)")
            }
            #expect(answer.html.contains(#"aria-describedby="email-error" aria-invalid="true""#))
            #expect(answer.html.contains("Your full name: please fill this in."))
            #expect(answer.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; they refused"), "values kept, escaped")
            #expect(!answer.html.contains("<script>"))
            #expect(answer.html.contains(#"value="not-an-address""#))
            #expect(answer.html.contains(#"value="0&quot; onfocus=&quot;x""#), "quotes escaped in attributes")
            #expect(answer.formToken != nil, "a fresh token to send the form again")
            #expect(try service.caseCount() == 0)

            // The filing limit is asked kindly: the form asks why, and with a reason the case is filed, marked late.
            let late = try await service.page(
                .post, "/en/complain",
                form: complaintForm(
                    token: token, ["respondent": "_other", "respondent_other": "A body", "incident_date": "2001-01-01"])
            )
            #expect(late.status == 422)
            #expect(late.html.contains(#"id="late_reason-error""#))
            #expect(try service.caseCount() == 0)
            let token2 = try #require(late.formToken)
            let accepted = try await service.page(
                .post, "/en/complain",
                form: complaintForm(
                    token: token2,
                    [
                        "respondent": "_other", "respondent_other": "A body", "incident_date": "2001-01-01",
                        "late_reason": "I was detained until this year.",
                    ]))
            #expect(accepted.status == 200)
            let reason = try service.withConnection {
                try $0.query("SELECT late_filing, late_filing_reason FROM complaint_case").first!
            }
            #expect(try reason.decode(Bool.self, at: 0))
            #expect(try reason.decode(String.self, at: 1) == "I was detained until this year.")
        }
    }

    @Test func aPostWithoutAValidTokenIsRefusedAndCreatesNothing() async throws {
        try await withService { service in
            let good = try #require(try await service.page(.get, "/en/complain").formToken)
            let parts = good.split(separator: ".").map(String.init)
            let forged = "\(parts[0]).\(parts[1]).\(String(repeating: "0", count: 64))"
            let stale = "1000000000.\(parts[1]).\(parts[2])"
            for token in ["", "nonsense", forged, stale] {
                let answer = try await service.page(
                    .post, "/en/complain", documented: "/{lang}/complain",
                    form: complaintForm(token: token, ["respondent": "_other", "respondent_other": "A body"]))
                #expect(answer.status == 403, "token \(token)")
                #expect(answer.html.contains("nothing was sent"))
                #expect(answer.html.contains(#"value="Park Min-jun""#), "values kept")
            }
            var noToken = complaintForm(token: "", ["respondent": "_other", "respondent_other": "A body"])
            noToken.removeAll { $0.0 == "form_token" }
            #expect(try await service.page(.post, "/complain", form: noToken).status == 403)
            // A status token is not a complaint token.
            let statusToken = try #require(try await service.page(.get, "/en/status").formToken)
            let crossed = try await service.page(
                .post, "/en/complain",
                form: complaintForm(token: statusToken, ["respondent": "_other", "respondent_other": "A body"]))
            #expect(crossed.status == 403)
            // A form body that is not a form.
            let json = try await service.page(
                .post, "/en/complain", form: [("a", "b")], headers: [.contentType: "application/json"])
            #expect(json.status == 415)
            #expect(try service.caseCount() == 0)
            // The honeypot: a program filled the hidden field.
            let trapped = try await service.page(
                .post, "/en/complain", documented: "/{lang}/complain",
                form: complaintForm(
                    token: good,
                    ["website": "http://spam.example", "respondent": "_other", "respondent_other": "A body"]))
            #expect(trapped.status == 400)
            #expect(try service.caseCount() == 0)
            // The JSON intake keeps its own rules.
            _ = try await service.submitComplaint()
            #expect(try service.caseCount() == 1)
        }
    }

    @Test func theSameFormSentTwiceCreatesOneCase() async throws {
        try await withService { service in
            let token = try #require(try await service.page(.get, "/es/complain").formToken)
            let form = complaintForm(token: token, ["respondent": "_other", "respondent_other": "A body"])
            let first = try await service.page(.post, "/es/complain", form: form)
            #expect(first.status == 200)
            let second = try await service.page(.post, "/es/complain", documented: "/{lang}/complain", form: form)
            #expect(second.status == 200)
            #expect(second.html.contains("ya se había enviado"))
            #expect(
                second.html.range(of: #"[0-9a-f]{64}"#, options: .regularExpression) == nil, "the code is shown once")
            let reference = try #require(
                first.html.range(of: #"[A-Z]+-\d{4}-\d{6}"#, options: .regularExpression).map { String(first.html[$0]) }
            )
            #expect(second.html.contains(reference))
            #expect(try service.caseCount() == 1)
            // The same complaint from a form loaded afresh (a reload, a second tab): one case.
            let reloaded = try #require(try await service.page(.get, "/es/complain").formToken)
            let third = try await service.page(
                .post, "/es/complain",
                form: complaintForm(token: reloaded, ["respondent": "_other", "respondent_other": "A  BODY"]))
            #expect(third.html.contains(reference) && third.html.contains("ya se había enviado"))
            #expect(try service.caseCount() == 1)
            // A form first sent with errors, then corrected, then sent again from the error page
            // (back, fix, send): every version carries the first form's key.
            let fresh = try #require(try await service.page(.get, "/en/complain").formToken)
            let wrong = try await service.page(
                .post, "/en/complain",
                form: complaintForm(token: fresh, ["respondent": "", "what_happened": "A second complaint"]))
            #expect(wrong.status == 422)
            let corrected = try #require(wrong.formToken)
            #expect(corrected.split(separator: ".")[1] == fresh.split(separator: ".")[1], "the same key")
            let right = complaintForm(
                token: corrected,
                ["respondent": "_other", "respondent_other": "A body", "what_happened": "A second complaint"])
            #expect(try await service.page(.post, "/en/complain", form: right).status == 200)
            #expect(try service.caseCount() == 2)
            let stale = complaintForm(token: fresh, ["respondent": "_other", "respondent_other": "Another body"])
            let resent = try await service.page(.post, "/en/complain", form: stale)
            #expect(resent.html.contains("already been sent"))
            #expect(try service.caseCount() == 2)
            // A new form (a new token) is a new complaint.
            let again = try #require(try await service.page(.get, "/es/complain").formToken)
            _ = try await service.page(
                .post, "/es/complain",
                form: complaintForm(
                    token: again,
                    ["respondent": "_other", "respondent_other": "A body", "what_happened": "A third complaint"]))
            #expect(try service.caseCount() == 3)
        }
    }

    @Test func theStatusPageShowsStageDatesAndTheSameAnswerForAWrongCodeOrUnknownReference() async throws {
        try await withService(configure: { $0.publicBurst = 50 }) { service in
            let (reference, code) = try await service.submitComplaint()
            let form = try await service.page(.get, "/en/status", documented: "/{lang}/status")
            #expect(form.status == 200)
            let token = try #require(form.formToken)
            let answer = try await service.page(
                .post, "/en/status", documented: "/{lang}/status",
                form: [("form_token", token), ("reference", reference.lowercased()), ("status_code", code)])
            #expect(answer.status == 200)
            #expect(answer.html.contains("Complaint \(reference)"))
            #expect(answer.html.contains("We have received your complaint. We will look at it soon."))
            #expect(answer.html.contains("Confirm that we have your complaint by "))
            #expect(answer.html.contains("We have not sent you a letter yet."))
            #expect(answer.html.contains("give your reference \(reference)"))
            for secret in ["Park", "minjun", "+82", "Eviction", "Gwangju Housing"] {
                #expect(!answer.html.contains(secret), "the status page must not show \(secret)")
            }
            let easy = try await service.page(
                .post, "/en/status",
                form: [("form_token", token), ("reference", reference), ("status_code", code), ("easy", "yes")])
            #expect(easy.html.contains("We have your complaint. We will read it soon."))
            #expect(easy.html.contains("We will write to say we have your complaint by "))
            let korean = try await service.page(
                .post, "/ko/status", form: [("form_token", token), ("reference", reference), ("status_code", code)])
            #expect(korean.html.contains("진정을 받았습니다. 곧 살펴보겠습니다."))

            var wrong = code
            wrong.removeLast()
            wrong += code.last == "0" ? "1" : "0"
            let forged = try await service.page(
                .post, "/en/status", documented: "/{lang}/status",
                form: [("form_token", token), ("reference", reference), ("status_code", wrong)])
            let unknown = try await service.page(
                .post, "/en/status",
                form: [("form_token", token), ("reference", "HRC-2026-999999"), ("status_code", code)])
            let malformed = try await service.page(
                .post, "/en/status", form: [("form_token", token), ("reference", "nothing"), ("status_code", code)])
            #expect(forged.status == 404)
            #expect(unknown.status == 404 && malformed.status == 404)
            func withoutToken(_ html: String) -> String {
                html.replacingOccurrences(
                    of: #"name="form_token" value="[^"]+""#, with: "", options: .regularExpression
                )
                .replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression)
            }
            #expect(
                withoutToken(forged.html) == withoutToken(unknown.html), "a wrong code looks like an unknown reference")
            #expect(forged.html.contains("We found no complaint with this reference and status code."))

            let missing = try await service.page(
                .post, "/en/status", documented: "/{lang}/status",
                form: [("form_token", token), ("reference", reference)])
            #expect(missing.status == 422)
            #expect(missing.html.contains(##"<a href="#status_code">"##))
            let crossSite = try await service.page(
                .post, "/en/status", documented: "/{lang}/status",
                form: [("reference", reference), ("status_code", code)])
            #expect(crossSite.status == 403)
        }
    }

    @Test func statusLookupsAndFilingsShareThePublicRateLimit() async throws {
        try await withService(configure: {
            $0.publicBurst = 2
            // A clock that stands still: no token comes back however slow the machine is.
            $0.publicClock = { 1_000 }
        }) { service in
            let token = try #require(try await service.page(.get, "/en/status").formToken)
            let form = [("form_token", token), ("reference", "HRC-2026-000001"), ("status_code", "x")]
            _ = try await service.page(.post, "/en/status", form: form)
            _ = try await service.page(.post, "/en/status", form: form)
            let limited = try await service.page(.post, "/en/status", documented: "/{lang}/status", form: form)
            #expect(limited.status == 429)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.html.contains("Please wait"))
            let complaint = try await service.page(
                .post, "/en/complain",
                form: complaintForm(token: token, ["respondent": "_other", "respondent_other": "A body"]))
            #expect(complaint.status == 429, "the form and the JSON intake share one limit")
            let json = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(ServiceFixtures.complaint))
            #expect(json.status == .tooManyRequests)
            #expect(try service.caseCount() == 0)
        }
    }

    @Test func everyPageCarriesTheSecurityHeaders() async throws {
        try await withService { service in
            let token = try #require(try await service.page(.get, "/en/complain").formToken)
            let answers = [
                try await service.page(.get, "/complain"),
                try await service.page(.get, "/ko/status"),
                try await service.page(.get, "/redress.css", documented: "/redress.css"),
                try await service.page(.post, "/en/complain", form: complaintForm(token: "")),
                try await service.page(.post, "/en/complain", form: complaintForm(token: token, ["name": ""])),
                try await service.page(.get, "/fr/status"),
            ]
            for answer in answers {
                let policy = try #require(answer.headers[HTTPField.Name("Content-Security-Policy")!])
                #expect(policy.contains("default-src 'self'"))
                #expect(policy.contains("script-src 'none'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(answer.headers[.setCookie] == nil, "no cookies")
            }
            #expect(answers[2].headers[.contentType] == "text/css; charset=utf-8")
            // A blank form may be kept for the back button; a form with values, never.
            #expect(answers[0].headers[.cacheControl] == "private, no-cache")
            #expect(answers[4].headers[.cacheControl] == "no-store")
            #expect(answers[2].html.contains(":focus-visible"))
        }
    }
}
