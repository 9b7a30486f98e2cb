import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Postgres
import RedressCore
import RedressService
import RedressStore
import RedressTesting
import Testing

/// Every request the service fuzzer ever answered with a 5xx, kept as an example that must
/// keep getting a 4xx or a 2xx (ops/fuzz-service hunts for new ones).
@Suite("Fuzzer findings")
struct FuzzRegressionTests {
    /// A respondent named "NaN" was read back from the audit log as a number JSON cannot
    /// hold, and the history answered 500 (EncodingError).
    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func historyOfACaseWhoseTextReadsLikeAFloat(_ text: String) async throws {
        try await withService { service in
            let complaint = ServiceFixtures.complaint.replacingOccurrences(of: "Gwangju Housing Office", with: text)
            let (reference, _) = try await service.submitComplaint(complaint)
            let token = try service.token(for: "carol", roles: [.caseworker, .supervisor])
            let response = try await service.send(
                .get, "/v1/cases/\(reference)/history", documented: "/v1/cases/{reference}/history",
                headers: .bearer(token))
            #expect(response.status == .ok)
            let events = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            let opened = try #require(events.first { $0["kind"] as? String == "case_opened" })
            let data = try #require(opened["data"] as? [String: Any])
            #expect(data["respondent"] as? String == text, "the text stays text")
        }
    }

    /// A NUL in a query parameter reached libpq and answered 500.
    @Test func aNulInAQueryParameterIsA400() async throws {
        try await withService { service in
            let token = try service.token(for: "carol", roles: [.caseworker])
            let response = try await service.send(
                .get, "/v1/cases?state=closed&respondent=a%00b", documented: "/v1/cases", headers: .bearer(token))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("respondent"))
        }
    }

    /// A NUL inside a JSON string of an intake body reached libpq and answered 500.
    @Test func aNulInAComplaintIsRefusedAndNothingIsWritten() async throws {
        try await withService { service in
            let complaint = ServiceFixtures.complaint.replacingOccurrences(
                of: "Gwangju Housing Office", with: #"Gwangju\u0000Office"#)
            let response = try await service.send(
                .post, "/v1/complaints", documented: "/v1/complaints", body: .json(complaint))
            #expect(response.status.code == 400 || response.status.code == 422)
            let cases = try service.withConnection {
                try $0.query("SELECT count(*) FROM complaint_case").first!.decode(Int.self, at: 0)
            }
            #expect(cases == 0)
        }
    }
}
