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

@Suite("Staff endpoints")
struct StaffEndpointTests {
    @Test func staffEndpointsNeedAValidToken() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let good = try service.token(for: "carol", roles: [.caseworker])
            let path = "/v1/cases/\(reference)"
            let template = "/v1/cases/{reference}"
            let none = try await service.send(.get, path, documented: template)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let basic = try await service.send(
                .get, path, documented: template, headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == .unauthorized)
            let garbage = try await service.send(.get, path, documented: template, headers: .bearer("not-a-token"))
            #expect(garbage.status == .unauthorized)
            // The right id with another secret.
            let id = good.split(separator: "_")[1]
            let forged = try await service.send(
                .get, path, documented: template, headers: .bearer("rdt_\(id)_" + String(repeating: "a", count: 64)))
            #expect(forged.status == .unauthorized)
            let ok = try await service.send(.get, path, documented: template, headers: .bearer(good))
            #expect(ok.status == .ok)

            // Revoked and expired tokens stop working at once.
            try service.withConnection { connection in
                try connection.withStoreTransaction { connection in
                    let admin = try StaffStore(connection).currentActor()
                    try StaffTokenStore(connection).revoke(id: Int64(id)!, actor: admin, at: Date())
                }
            }
            let revoked = try await service.send(.get, path, documented: template, headers: .bearer(good))
            #expect(revoked.status == .unauthorized)
            #expect(
                (try service.json(revoked)["error"] as? [String: Any])?["message"] as? String
                    == "this staff token was revoked: ask an admin for a new one")
            let expiring = try service.token(
                for: "carol", roles: [.caseworker], expires: .at(Date().addingTimeInterval(1)))
            try await Task.sleep(for: .milliseconds(1200))
            let expired = try await service.send(.get, path, documented: template, headers: .bearer(expiring))
            #expect(expired.status == .unauthorized)
            // A deactivated staff member's tokens stop too.
            let dave = try service.token(for: "dave", roles: [.supervisor])
            _ = try service.withConnection { try $0.execute("UPDATE staff SET active = false WHERE login = 'dave'") }
            let inactive = try await service.send(.get, path, documented: template, headers: .bearer(dave))
            #expect(inactive.status == .unauthorized)
        }
    }

    @Test func showListExplainAndHistoryMatchTheCLIJSON() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            // A real login for the CLI: made first, so that 'staff add' grants it redress_staff.
            try service.database.createLogin("olivia")
            let token = try service.token(for: "olivia", roles: [.ombudsperson])
            let show = try await service.send(
                .get, "/v1/cases/\(reference)?as_of=2030-01-01", documented: "/v1/cases/{reference}",
                headers: .bearer(token))
            #expect(show.status == .ok)
            let list = try await service.send(
                .get, "/v1/cases?state=received&as_of=2030-01-01", documented: "/v1/cases", headers: .bearer(token))
            #expect(list.status == .ok)
            let explain = try await service.send(
                .get, "/v1/cases/\(reference)/explain?clock=triage&as_of=2030-01-01",
                documented: "/v1/cases/{reference}/explain", headers: .bearer(token))
            #expect(explain.status == .ok)
            let history = try await service.send(
                .get, "/v1/cases/\(reference)/history", documented: "/v1/cases/{reference}/history",
                headers: .bearer(token))
            #expect(history.status == .ok)

            // The same JSON the CLI prints with --format json, as the same staff member would see it.
            let cli = RedressBinary(database: service.database.url(asUser: "olivia"))
            func same(
                _ arguments: [String], _ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation
            ) throws {
                let result = try cli.run(arguments)
                try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
                // Same values, whatever the whitespace: compare canonical re-encodings.
                func canonical(_ data: Data) throws -> Data {
                    try JSONSerialization.data(
                        withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
                }
                #expect(
                    try canonical(Data(result.stdout.utf8)) == canonical(Data(buffer: response.body)), "\(arguments)",
                    sourceLocation: sourceLocation)
            }
            try same(["case", "show", reference, "--as-of", "2030-01-01", "--format", "json"], show)
            try same(["case", "list", "--state", "received", "--as-of", "2030-01-01", "--format", "json"], list)
            try same(
                ["case", "explain", reference, "--clock", "triage", "--as-of", "2030-01-01", "--format", "json"],
                explain)
            try same(["case", "history", reference, "--format", "json"], history)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [[String: Any]])
            #expect(rows.map { $0["reference"] as? String } == [reference])
        }
    }

    @Test func listFiltersAreCheckedStrictly() async throws {
        try await withService { service in
            let token = try service.token(for: "amy", roles: [.auditor])
            for query in [
                "state=nowhere", "breached=maybe", "due_within=-1", "limit=0", "limit=5000", "as_of=2026-02-30",
                "colour=red", "state=received&state=triage",
            ] {
                let response = try await service.send(
                    .get, "/v1/cases?\(query)", documented: "/v1/cases", headers: .bearer(token))
                #expect(response.status == .badRequest, "\(query)")
            }
            let empty = try await service.send(
                .get, "/v1/cases?breached=true&paused=false&limit=5", documented: "/v1/cases", headers: .bearer(token))
            #expect(empty.status == .ok)
            #expect(String(buffer: empty.body) == "[]")
        }
    }

    @Test func identityIsRedactedAsInTheCLI() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let worker = try service.token(for: "wendy", roles: [.caseworker])
            let supervisor = try service.token(for: "sam", roles: [.supervisor])
            let asWorker = try await service.send(
                .get, "/v1/cases/\(reference)", documented: "/v1/cases/{reference}", headers: .bearer(worker))
            let workerView = try service.json(asWorker)
            #expect(workerView["identity_redacted"] as? Bool == true)
            #expect(!String(buffer: asWorker.body).contains("Park Min-jun"))
            let asSupervisor = try await service.send(
                .get, "/v1/cases/\(reference)", documented: "/v1/cases/{reference}", headers: .bearer(supervisor))
            #expect(try service.json(asSupervisor)["identity_redacted"] as? Bool == false)
            #expect(String(buffer: asSupervisor.body).contains("Park Min-jun"))
            let listed = try await service.send(.get, "/v1/cases", documented: "/v1/cases", headers: .bearer(worker))
            #expect(!String(buffer: listed.body).contains("Park Min-jun"))
        }
    }

    @Test func changesRunTheStoreRulesAsTheTokensStaffMember() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let worker = try service.token(for: "wendy", roles: [.caseworker])
            let supervisor = try service.token(for: "sam", roles: [.supervisor])
            func post(_ action: String, _ body: String, token: String) async throws -> TestResponse {
                try await service.send(
                    .post, "/v1/cases/\(reference)/\(action)", documented: "/v1/cases/{reference}/\(action)",
                    headers: .bearer(token), body: .json(body))
            }
            let moved = try await post("moves", #"{"to": "triage"}"#, token: worker)
            #expect(moved.status == .ok)
            let document = try service.json(moved)
            #expect(document["status"] as? String == "triage")
            #expect(document["version"] as? Int == 2)
            #expect(document["identity_redacted"] as? Bool == true, "a caseworker not assigned sees no identity")

            let illegal = try await post("moves", #"{"to": "decided", "outcome": "upheld"}"#, token: worker)
            #expect(illegal.status == .unprocessableContent)
            #expect(
                ((try service.json(illegal)["error"] as? [String: Any])?["message"] as? String ?? "").contains(
                    "cannot move to decided"))

            let paused = try await post("pauses", #"{"reason": "waiting for the housing file"}"#, token: worker)
            #expect(paused.status == .ok)
            let pausedClock = try #require(
                (try service.json(paused)["clocks"] as? [[String: Any]])?.first { $0["kind"] as? String == "triage" })
            #expect(pausedClock["status"] as? String == "paused")
            let resumed = try await service.send(
                .post, "/v1/cases/\(reference)/resume", documented: "/v1/cases/{reference}/resume",
                headers: .bearer(worker))
            #expect(resumed.status == .ok, "resume takes an empty body")

            let extended = try await post(
                "extensions", #"{"clock": "triage", "days": 5, "reason": "a second site visit"}"#, token: supervisor)
            #expect(extended.status == .ok)
            let byWorker = try await post(
                "extensions", #"{"clock": "triage", "days": 5, "reason": "more"}"#, token: worker)
            #expect(byWorker.status == .unprocessableContent, "the triage extension needs a supervisor")

            let noted = try await post("notes", #"{"text": "Phoned the housing office."}"#, token: worker)
            #expect(noted.status == .ok)
            let stale = try await post("notes", #"{"text": "late", "expect_version": 2}"#, token: worker)
            #expect(stale.status == .conflict)
            let badAt = try await post("notes", #"{"text": "x", "at": "yesterday"}"#, token: worker)
            #expect(badAt.status == .badRequest)
            let badClock = try await post("pauses", #"{"reason": "x", "clock": "sundial"}"#, token: worker)
            #expect(badClock.status == .badRequest)
            let unknownCase = try await service.send(
                .post, "/v1/cases/HRC-2026-000404/notes", documented: "/v1/cases/{reference}/notes",
                headers: .bearer(worker), body: .json(#"{"text": "x"}"#))
            #expect(unknownCase.status == .notFound)

            // The audit log names the token's staff member as the actor of each change.
            let actors = try service.withConnection { connection in
                try connection.query(
                    """
                    SELECT e.kind, e.actor FROM case_event e JOIN complaint_case c ON c.id = e.case_id
                    WHERE c.reference = \(reference) ORDER BY e.id
                    """
                ).map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
            }
            #expect(actors.first! == ("case_opened", "public_intake"))
            #expect(actors.contains { $0 == ("clock_extended", "sam") })
            #expect(actors.filter { $0.1 == "wendy" }.count >= 4)
        }
    }

    @Test func aRoleThatMayNotMoveCasesGets403() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let worker = try service.token(for: "wendy", roles: [.caseworker])
            let triaged = try await service.send(
                .post, "/v1/cases/\(reference)/moves", documented: "/v1/cases/{reference}/moves",
                headers: .bearer(worker), body: .json(#"{"to": "triage"}"#))
            #expect(triaged.status == .ok)
            for (login, role) in [("ian", Role.intake), ("aud", Role.auditor), ("adm", Role.admin)] {
                let token = try service.token(for: login, roles: [role])
                let response = try await service.send(
                    .post, "/v1/cases/\(reference)/moves", documented: "/v1/cases/{reference}/moves",
                    headers: .bearer(token), body: .json(#"{"to": "investigation"}"#))
                #expect(response.status == .forbidden, "\(role)")
                let message = (try service.json(response)["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains("may not change cases"))
            }
            let version = try service.withConnection {
                try $0.query("SELECT version FROM complaint_case WHERE reference = \(reference)").first!.decode(
                    Int.self, at: 0)
            }
            #expect(version == 2, "refused moves change nothing")
        }
    }

    /// A note dated 9999 by an intake token would have frozen the case for everyone.
    @Test func aTimeInTheFutureIsRefusedAndTheCaseStaysWorkable() async throws {
        try await withService { service in
            let (reference, _) = try await service.submitComplaint()
            let intake = try service.token(for: "ines", roles: [.intake])
            let path = "/v1/cases/\(reference)/notes"
            let future = try await service.send(
                .post, path, documented: "/v1/cases/{reference}/notes", headers: .bearer(intake),
                body: .json(#"{"text": "x", "at": "9999-12-30T00:00:00Z"}"#))
            #expect(future.status == .badRequest)
            #expect(String(buffer: future.body).contains("in the future"))
            // Nor may a note carry a terminal escape.
            let escape = try await service.send(
                .post, path, documented: "/v1/cases/{reference}/notes", headers: .bearer(intake),
                body: .json(#"{"text": "x\u001b[2J"}"#))
            #expect(escape.status == .badRequest)
            #expect(String(buffer: escape.body).contains("U+001B"))
            let now = try await service.send(
                .post, path, documented: "/v1/cases/{reference}/notes", headers: .bearer(intake),
                body: .json(#"{"text": "called back"}"#))
            #expect(now.status == .ok)
        }
    }

    @Test func concurrentChangesToOneCaseLetOneWin() async throws {
        // Time limits far off: on a loaded machine the losers wait on the winner's row lock for
        // seconds, and a 503 from the limits is not what this is about.
        try await withService(configure: {
            $0.statementTimeout = .seconds(120)
            $0.databaseWaitLimit = .seconds(120)
        }) { service in
            let (reference, _) = try await service.submitComplaint()
            let worker = try service.token(for: "wendy", roles: [.caseworker])
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let response = try await service.send(
                            .post, "/v1/cases/\(reference)/notes", documented: "/v1/cases/{reference}/notes",
                            headers: .bearer(worker), body: .json(#"{"text": "note \#(index)", "expect_version": 1}"#))
                        return response.status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 5, "\(statuses)")
        }
    }
}
