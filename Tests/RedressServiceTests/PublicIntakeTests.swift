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

@Suite("Public intake and status")
struct PublicIntakeTests {
    @Test func intakeRegistersACaseAndGivesAStatusToken() async throws {
        try await withService { service in
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(ServiceFixtures.complaint))
            #expect(response.status == .created)
            let receipt = try service.json(response)
            let reference = try #require(receipt["reference"] as? String)
            let token = try #require(receipt["status_token"] as? String)
            #expect(reference.hasSuffix("-000001"))
            #expect(token.count == 64)
            #expect(response.headers[.location] == "/v1/complaints/\(reference)/status")
            #expect(response.headers[.cacheControl] == "no-store")

            // The case is the store's: opened by the public intake login, over the web.
            let (openedBy, channel, stored) = try service.withConnection { connection in
                let row = try connection.query(
                    """
                    SELECT cc.opened_by, cc.channel, encode(t.secret_sha256, 'hex')
                    FROM complaint_case cc JOIN complaint_status_token t ON t.case_id = cc.id WHERE cc.reference = \(reference)
                    """
                ).first!
                return (
                    try row.decode(String.self, at: 0), try row.decode(String.self, at: 1),
                    try row.decode(String.self, at: 2)
                )
            }
            #expect(openedBy == "public_intake")
            #expect(channel == "web")
            #expect(stored != token, "only a hash of the status token is stored")
            #expect(stored.count == 64)
        }
    }

    @Test func statusShowsStageAndDeadlinesButNoPersonalData() async throws {
        try await withService { service in
            let (reference, token) = try await service.submitComplaint()
            let template = "/v1/complaints/{reference}/status"
            let response = try await service.send(
                .get, "/v1/complaints/\(reference)/status", documented: template,
                headers: [HTTPField.Name("Redress-Status-Token")!: token])
            #expect(response.status == .ok)
            let status = try service.json(response)
            #expect(status["reference"] as? String == reference)
            #expect(status["status"] as? String == "received")
            let clocks = try #require(status["clocks"] as? [[String: Any]])
            #expect(clocks.map { $0["kind"] as? String } == ["acknowledge", "triage", "complainant_update"])
            let text = String(buffer: response.body)
            for secret in ["Park", "minjun", "+82", "Eviction", "Gwangju Housing"] {
                #expect(!text.contains(secret), "the status must not show \(secret)")
            }
        }
    }

    @Test func statusRefusesAMissingOrWrongTokenAndAnUnknownCase() async throws {
        try await withService { service in
            let (reference, token) = try await service.submitComplaint()
            let (other, _) = try await service.submitComplaint()
            let template = "/v1/complaints/{reference}/status"
            let header = HTTPField.Name("Redress-Status-Token")!
            let missing = try await service.send(.get, "/v1/complaints/\(reference)/status", documented: template)
            #expect(missing.status == .unauthorized)
            var wrong = token
            wrong.removeLast()
            wrong += token.last == "0" ? "1" : "0"
            let forged = try await service.send(
                .get, "/v1/complaints/\(reference)/status", documented: template, headers: [header: wrong])
            #expect(forged.status == .unauthorized)
            let crossed = try await service.send(
                .get, "/v1/complaints/\(other)/status", documented: template, headers: [header: token])
            #expect(crossed.status == .unauthorized, "a token opens its own case only")
            let unknown = try await service.send(
                .get, "/v1/complaints/HRC-2026-999999/status", documented: template, headers: [header: token])
            #expect(unknown.status == .notFound)
            let malformed = try await service.send(
                .get, "/v1/complaints/not-a-reference/status", documented: template, headers: [header: token])
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func intakeValidatesLikeCaseOpen() async throws {
        // Thirteen requests from one client: the limit is tested on its own below, and with the
        // default burst this test passed only when intake was slow enough to refill it.
        try await withService(configure: { $0.publicBurst = 50 }) { service in
            func post(_ body: String) async throws -> (Int, String) {
                let response = try await service.send(
                    .post, "/v1/complaints", documented: "/v1/complaints", body: .json(body))
                let message = (try? service.json(response)["error"] as? [String: Any])?["message"] as? String ?? ""
                return (response.status.code, message)
            }
            let invalidJSON = try await post(#"{"complainants": [{"name": "A"}], "summary": "x""#)
            #expect(invalidJSON.0 == 400)
            #expect(invalidJSON.1.contains("not valid JSON"))
            let notObject = try await post("[1, 2]")
            #expect(notObject.0 == 400)
            let missing = try await post(#"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}}"#)
            #expect(missing == (400, "field 'summary' is missing"))
            let unknown = try await post(
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": "s", "sumary": "t"}"#)
            #expect(unknown.0 == 400)
            #expect(unknown.1.contains("unknown field 'sumary'"))
            let nestedUnknown = try await post(
                #"{"complainants": [{"name": "A", "age": 3}], "respondent": {"name": "B"}, "summary": "s"}"#)
            #expect(nestedUnknown.0 == 400)
            #expect(nestedUnknown.1.contains("complainants[0].age"))
            let wrongType = try await post(
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": 7}"#)
            #expect(wrongType == (400, "field 'summary' must be a string"))
            // The store's own checks: the same sentences as `case open`.
            let blank = try await post(
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": "   "}"#)
            #expect(blank.0 == 400)
            #expect(blank.1.contains("needs a summary"))
            let noComplainant = try await post(#"{"complainants": [], "respondent": {"name": "B"}, "summary": "s"}"#)
            #expect(noComplainant.0 == 400)
            let badEmail = try await post(
                #"{"complainants": [{"name": "A", "email": "nope"}], "respondent": {"name": "B"}, "summary": "s"}"#)
            #expect(badEmail.0 == 400)
            #expect(badEmail.1.contains("is not an email address"))
            let badCategory = try await post(
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": "s", "categories": ["astrology"]}"#
            )
            #expect(badCategory.0 == 400)
            let badPreference = try await post(
                #"{"complainants": [{"name": "A", "contact_preference": "pigeon"}], "respondent": {"name": "B"}, "summary": "s"}"#
            )
            #expect(badPreference.0 == 400)
            let sql = try await post(
                #"{"complainants": [{"name": "Robert'); DROP TABLE complaint_case;--"}], "respondent": {"name": "B"}, "summary": "s"}"#
            )
            #expect(sql.0 == 201, "SQL text is just text")
            let late = try await post(
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": "s", "incident_date": "2001-01-01"}"#
            )
            #expect(late.0 == 422)
            #expect(late.1.contains("filing limit"))
            let count = try service.withConnection {
                try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            }
            #expect(count == 1, "only the valid complaint was written")
        }
    }

    @Test func aBodyOverTheLimitGets413() async throws {
        try await withService { service in
            let huge =
                #"{"complainants": [{"name": "A"}], "respondent": {"name": "B"}, "summary": ""#
                + String(repeating: "x", count: 1 << 20) + #""}"#
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(huge))
            #expect(response.status == .contentTooLarge)
            let error = try #require(try service.json(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "too_large")
            // Just over the limit, without a Content-Length the client could lie in.
            let over = Data(repeating: UInt8(ascii: " "), count: 64 * 1024 + 1)
            let second = try await service.send(.post, "/v1/complaints", documented: "/v1/complaints", body: over)
            #expect(second.status == .contentTooLarge)
        }
    }

    @Test func publicRequestsAreRateLimitedPerClient() async throws {
        try await withService(configure: {
            $0.publicBurst = 2
            $0.publicRequestsPerMinute = 1
            $0.trustForwardedFor = true
            // Time stands still, so however slowly the intakes run no token comes back.
            $0.publicClock = { 1_000 }
        }) { service in
            let first: HTTPFields = [.init("X-Forwarded-For")!: "192.0.2.1"]
            let second: HTTPFields = [.init("X-Forwarded-For")!: "10.0.0.9, 192.0.2.2"]
            for _ in 0..<2 {
                let ok = try await service.send(
                    .post, "/v1/complaints", documented: "/v1/complaints", headers: first,
                    body: .json(ServiceFixtures.complaint))
                #expect(ok.status == .created)
            }
            let limited = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", headers: first,
                body: .json(ServiceFixtures.complaint))
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            let status = try await service.send(
                .get, "/v1/complaints/HRC-2026-000001/status", documented: "/v1/complaints/{reference}/status",
                headers: first)
            #expect(status.status == .tooManyRequests, "status reads share the client's bucket")
            let other = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", headers: second,
                body: .json(ServiceFixtures.complaint))
            #expect(other.status == .created, "another client has its own bucket")
            #expect(service.server.metrics.prometheusText(pool: nil).contains("redress_http_rate_limited_total 2"))
        }
    }

    @Test func intakeIsClosedWhenThePublicIntakeLoginIsDeactivated() async throws {
        try await withService { service in
            _ = try service.withConnection {
                try $0.execute("UPDATE staff SET active = false WHERE login = 'public_intake'")
            }
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(ServiceFixtures.complaint))
            #expect(response.status == .serviceUnavailable)
        }
    }
}

extension PublicIntakeTests {
    /// A web page can make a visitor's browser post text/plain or form bodies anywhere without
    /// a CORS check, but not JSON: only JSON is read.
    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", nil])
    func intakeReadsJSONBodiesOnly(_ contentType: String?) async throws {
        try await withService { service in
            let headers: HTTPFields = contentType.map { [.contentType: $0] } ?? [:]
            let response = try await service.client.execute(
                uri: "/v1/complaints", method: .post, headers: headers,
                body: ByteBuffer(string: ServiceFixtures.complaint))
            #expect(response.status == .unsupportedMediaType)
            #expect(String(buffer: response.body).contains("application/json"))
            let cases = try service.withConnection {
                try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            }
            #expect(cases == 0, "nothing is written")
            let charset = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints",
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .json(ServiceFixtures.complaint))
            #expect(charset.status == .created)
        }
    }
}

extension PublicIntakeTests {
    /// Each of these once got a 500, or was taken and broke a notice later: each is now refused
    /// with a sentence that names the field, and nothing is written.
    @Test(arguments: [
        (#""respondent": {"name": "Gwangju\u0000Office"}"#, "control character"),
        (#""respondent": {"name": "Gwangju\u001b[2JOffice"}"#, "control character"),
        (#""respondent": {"name": "\#(String(repeating: "가", count: 1_000))"}"#, "bytes"),
        (#""respondent": {"name": "\#(String(repeating: "e\u{301}", count: 600))"}"#, "characters"),
        (#""respondent": {"name": "Gwangju Housing Office"}, "group_size": 2147483648"#, "2 to 1000000"),
        (
            #""respondent": {"name": "Gwangju Housing Office", "email": "a\"b,c@evil.example;x.y"}"#,
            "not an email address"
        ),
    ])
    func badFieldsAreRefusedWithASentence(_ replacement: String, _ mentioning: String) async throws {
        try await withService { service in
            let body = ServiceFixtures.complaint.replacingOccurrences(
                of: #""respondent": {"name": "Gwangju Housing Office"}"#, with: replacement)
            #expect(body != ServiceFixtures.complaint)
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(body))
            #expect(response.status == .badRequest, "\(String(buffer: response.body))")
            #expect(String(buffer: response.body).contains(mentioning), "\(String(buffer: response.body))")
            let cases = try service.withConnection {
                try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            }
            #expect(cases == 0)
        }
    }
}

@Suite("The service's own login")
struct ServiceLoginTests {
    @Test func theServiceWorksWhenItConnectsAsAMemberOfRedressService() async throws {
        try await withTestDatabase { database in
            // Deployed, the service connects as a login of its own, not the owner of the schema.
            try ServiceLogin.shared.ensure(database)
            let pool = PostgresConnectionPool(
                configuration: PostgresConfiguration(url: database.url(asUser: ServiceLogin.name)),
                maximumConnections: 2)
            defer { pool.shutdown() }
            let server = RedressServer(configuration: ServiceConfiguration(), pool: pool, logger: quietLogger)
            try await server.buildApplication().test(.router) { client in
                let intake = try await client.execute(
                    uri: "/v1/complaints", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: ServiceFixtures.complaint))
                #expect(intake.status == .created, "\(String(buffer: intake.body))")
                let receipt = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: intake.body)) as? [String: Any])
                let reference = try #require(receipt["reference"] as? String)
                let token = try #require(receipt["status_token"] as? String)
                let status = try await client.execute(
                    uri: "/v1/complaints/\(reference)/status", method: .get,
                    headers: [HTTPField.Name("Redress-Status-Token")!: token])
                #expect(status.status == .ok, "\(String(buffer: status.body))")
            }
            // The audit row names the staff record public intake acts as, written by the service's login.
            let recorded = try database.withConnection {
                try $0.query("SELECT actor, recorded_by FROM case_event WHERE case_id IS NOT NULL ORDER BY id LIMIT 1")
                    .first.map { [try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)] }
            }
            #expect(recorded == ["public_intake", "redress_web"])
        }
    }
}
