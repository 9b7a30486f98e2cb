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

@Suite("Case search endpoint")
struct CaseFindEndpointTests {
    @Test func searchFindsAsTheTokensStaffMemberMaySee() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let worker = try service.token(for: "wendy", roles: [.caseworker])
            let supervisor = try service.token(for: "sam", roles: [.supervisor])
            func find(_ query: String, _ token: String) async throws -> [[String: Any]] {
                let response = try await service.send(
                    .get, "/v1/cases?\(query)", documented: "/v1/cases", headers: .bearer(token))
                #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]] ?? []
            }
            // The supervisor may see identities: by name (any case) and by phone as typed otherwise.
            let byName = try await find("q=min-JUN", supervisor)
            #expect(byName.first?["reference"] as? String == reference)
            #expect(byName.first?["matched_field"] as? String == "name")
            #expect(byName.first?["complainant"] as? String == "Park Min-jun")
            let byPhone = try await find("q=%2B82-62-000-0000&in=phone", supervisor)
            #expect(byPhone.first?["matched_fields"] as? [String] == ["phone"])
            // The caseworker may not: nothing by name, though the summary still finds it.
            #expect(try await find("q=min-jun", worker).isEmpty)
            #expect(try await find("q=Park&in=name,email,phone", worker).isEmpty)
            let bySummary = try await find("q=HEARING&in=summary", worker)
            #expect(bySummary.first?["reference"] as? String == reference)
            #expect(bySummary.first?["complainant"] as? String == "[redacted]")
            // Each search that reached an identity field is in the audit log, without the text.
            let audited = try service.withConnection { connection in
                try connection.query(
                    "SELECT actor, data::text FROM case_event WHERE kind = 'identities_searched' ORDER BY id"
                ).map { [try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)] }
            }
            #expect(audited.map { $0[0] } == ["sam", "sam", "wendy", "wendy"])
            #expect(audited.allSatisfy { !$0[1].contains("min-jun") && !$0[1].contains("Park") })
            // Bad searches are 400 and name what to fix.
            for query in ["q=x", "q=", "q=ab&in=colour", "q=ab&state=triage", "q=ab&limit=0", "q=%FF%FE"] {
                let response = try await service.send(
                    .get, "/v1/cases?\(query)", documented: "/v1/cases", headers: .bearer(worker))
                #expect(response.status == .badRequest, "\(query)")
            }
        }
    }
}
