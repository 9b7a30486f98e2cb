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

@Suite("Case document endpoints")
struct DocumentEndpointTests {
    @Test func documentsAreListedAndServedAsAttachmentsUnderTheIdentityRules() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let pdf = Array("%PDF-1.4\n<script>alert(1)</script>".utf8)
            let large = (0..<(2 * 1024 * 1024 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
            try service.database.withConnection { connection in
                try connection.withStoreTransaction { connection in
                    let admin = try StaffStore(connection).currentActor()
                    let store = DocumentStore(connection)
                    for (bytes, name, confidential) in [
                        (pdf, "reply \"final\".pdf", false), (large, "recording.bin", false),
                        (pdf, "medical.pdf", true),
                    ] {
                        _ = try store.attach(
                            reference: reference, BytesSource(bytes),
                            details: DocumentDetails(filename: name, confidential: confidential), actor: admin,
                            at: Date())
                    }
                }
            }
            let supervisor = try service.token(for: "sam", roles: [.supervisor])
            let worker = try service.token(for: "wendy", roles: [.caseworker])

            let listed = try await service.send(
                .get, "/v1/cases/\(reference)/documents", documented: "/v1/cases/{reference}/documents",
                headers: .bearer(supervisor))
            #expect(listed.status == .ok)
            let documents = try JSONSerialization.jsonObject(with: Data(buffer: listed.body)) as? [[String: Any]] ?? []
            #expect(documents.map { $0["number"] as? Int } == [1, 2, 3])
            #expect(documents.first?["content_type"] as? String == "application/pdf")

            // Served as an attachment, never rendered, byte for byte.
            let template = "/v1/cases/{reference}/documents/{number}"
            let first = try await service.send(
                .get, "/v1/cases/\(reference)/documents/1", documented: template, headers: .bearer(supervisor))
            #expect(first.status == .ok)
            #expect(Array(buffer: first.body) == pdf)
            #expect(first.headers[.contentType] == "application/pdf")
            #expect(first.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let disposition = first.headers[.contentDisposition] ?? ""
            #expect(disposition.hasPrefix("attachment; filename=\"reply _final_.pdf\""), "\(disposition)")
            let second = try await service.send(
                .get, "/v1/cases/\(reference)/documents/2", documented: template, headers: .bearer(supervisor))
            #expect(Array(buffer: second.body) == large)
            #expect(second.headers[.contentType] == "application/octet-stream")

            // A caseworker who may not see identities neither lists nor reads the confidential one.
            let seen = try await service.send(
                .get, "/v1/cases/\(reference)/documents", documented: "/v1/cases/{reference}/documents",
                headers: .bearer(worker))
            let numbers = (try JSONSerialization.jsonObject(with: Data(buffer: seen.body)) as? [[String: Any]] ?? [])
                .map { $0["number"] as? Int }
            #expect(numbers == [1, 2])
            let hidden = try await service.send(
                .get, "/v1/cases/\(reference)/documents/3", documented: template, headers: .bearer(worker))
            #expect(hidden.status == .notFound)

            // Bad requests.
            for (uri, status) in [
                ("/v1/cases/\(reference)/documents/0", HTTPResponse.Status.badRequest),
                ("/v1/cases/\(reference)/documents/x", .badRequest),
                ("/v1/cases/\(reference)/documents/99", .notFound),
                ("/v1/cases/HRC-2026-999999/documents", .notFound),
            ] {
                let response = try await service.send(.get, uri, documented: nil, headers: .bearer(supervisor))
                #expect(response.status == status, "\(uri)")
            }
            let anonymous = try await service.send(
                .get, "/v1/cases/\(reference)/documents/1", documented: template)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
