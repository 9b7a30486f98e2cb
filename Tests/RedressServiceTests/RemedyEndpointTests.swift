import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RedressCore
import RedressService
import RedressTesting
import Testing

@Suite("Remedy endpoints")
struct RemedyEndpointTests {
    @Test func remediesAreAddedWorkedThroughAndListedAsInTheCLI() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            try service.database.createLogin("olivia")
            let token = try service.token(for: "olivia", roles: [.ombudsperson])
            func post(_ path: String, _ template: String, _ body: String) async throws -> TestResponse {
                try await service.send(
                    .post, "/v1/cases/\(reference)\(path)", documented: "/v1/cases/{reference}\(template)",
                    headers: .bearer(token), body: .json(body))
            }
            for body in [
                #"{"to": "triage"}"#, #"{"to": "early_resolution"}"#,
                #"{"to": "decided", "outcome": "early_resolution"}"#,
            ] {
                let moved = try await post("/moves", "/moves", body)
                try #require(moved.status == .ok, "\(body): \(String(buffer: moved.body))")
            }
            let added = try await post(
                "/remedies", "/remedies",
                #"{"kind": "apology", "description": "A written apology from the housing office"}"#)
            try #require(added.status == .ok, "\(String(buffer: added.body))")
            #expect(added.headers[HTTPField.Name("Redress-Remedy-Number")!] == "1")
            let remedies = try #require(try service.json(added)["remedies"] as? [[String: Any]])
            #expect(remedies.first?["state"] as? String == "proposed")

            let financial = try await post(
                "/remedies", "/remedies", #"{"kind": "financial", "description": "Moving costs"}"#)
            #expect(financial.status == .unprocessableContent, "a financial remedy needs an amount")
            let badAmount = try await post(
                "/remedies", "/remedies",
                #"{"kind": "financial", "description": "Moving costs", "amount": "12.345", "currency": "KRW"}"#)
            #expect(badAmount.status == .badRequest)
            let badKind = try await post("/remedies", "/remedies", #"{"kind": "hug", "description": "x"}"#)
            #expect(badKind.status == .badRequest)

            let template = "/remedies/{number}/actions"
            for body in [
                #"{"action": "accept"}"#, #"{"action": "progress", "text": "Letter drafted"}"#,
                #"{"action": "evidence", "text": "Copy of the signed letter"}"#,
            ] {
                let response = try await post("/remedies/1/actions", template, body)
                #expect(response.status == .ok, "\(body): \(String(buffer: response.body))")
            }
            let missingText = try await post("/remedies/1/actions", template, #"{"action": "reject"}"#)
            #expect(missingText.status == .badRequest)
            let wrongState = try await post("/remedies/1/actions", template, #"{"action": "accept"}"#)
            #expect(wrongState.status == .unprocessableContent)
            let unknownItem = try await post("/remedies/9/actions", template, #"{"action": "accept"}"#)
            #expect(unknownItem.status == .notFound)
            let verified = try await post("/remedies/1/actions", template, #"{"action": "verify"}"#)
            #expect(verified.status == .ok)

            let listed = try await service.send(
                .get, "/v1/remedies?case=\(reference)&as_of=2030-01-01", documented: "/v1/remedies",
                headers: .bearer(token))
            #expect(listed.status == .ok)
            let items = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: listed.body)) as? [[String: Any]])
            #expect(items.map { $0["state"] as? String } == ["verified"])
            let cli = try RedressBinary(database: service.database.url(asUser: "olivia"))
                .run(["remedy", "list", "--case", reference, "--as-of", "2030-01-01", "--format", "json"])
            try #require(cli.status == 0, "\(cli)")
            func canonical(_ data: Data) throws -> Data {
                try JSONSerialization.data(
                    withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
            }
            #expect(try canonical(Data(cli.stdout.utf8)) == canonical(Data(buffer: listed.body)))

            let badFilter = try await service.send(
                .get, "/v1/remedies?state=lost", documented: "/v1/remedies", headers: .bearer(token))
            #expect(badFilter.status == .badRequest)
            let unknownCase = try await service.send(
                .get, "/v1/remedies?case=HRC-2026-000404", documented: "/v1/remedies", headers: .bearer(token))
            #expect(unknownCase.status == .notFound)
        }
    }
}

@Suite("Deadline report endpoint")
struct DeadlineReportEndpointTests {
    @Test func theReportIsTheCLIsJSON() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            try service.database.createLogin("sam")
            let token = try service.token(for: "sam", roles: [.supervisor])
            // Far enough ahead that the complaint's clocks are overdue.
            let template = "/v1/reports/deadlines"
            let report = try await service.send(
                .get, "/v1/reports/deadlines?as_of=2030-01-07&within=10", documented: template, headers: .bearer(token))
            #expect(report.status == .ok)
            #expect(String(buffer: report.body).contains(reference))
            let cli = try RedressBinary(database: service.database.url(asUser: "sam"))
                .run(["report", "deadlines", "--as-of", "2030-01-07", "--within", "10", "--format", "json"])
            try #require(cli.status == 0, "\(cli)")
            func canonical(_ data: Data) throws -> Data {
                try JSONSerialization.data(
                    withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
            }
            #expect(try canonical(Data(cli.stdout.utf8)) == canonical(Data(buffer: report.body)))

            let unknown = try await service.send(
                .get, "/v1/reports/deadlines?assignee=nobody", documented: template, headers: .bearer(token))
            #expect(unknown.status == .notFound)
            let tooFar = try await service.send(
                .get, "/v1/reports/deadlines?within=261", documented: template, headers: .bearer(token))
            #expect(tooFar.status == .badRequest)
            let anonymous = try await service.send(.get, "/v1/reports/deadlines", documented: template)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
