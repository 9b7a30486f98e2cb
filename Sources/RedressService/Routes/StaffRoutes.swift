import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Postgres
import RedressCore
import RedressStore

extension RedressServer {
    /// The staff endpoints under `/v1/cases`: bearer tokens, the same roles,
    /// redaction and audit as the CLI (the store decides both), and the same
    /// JSON as the CLI's `--format json`.
    func addStaffRoutes(to router: Router<RedressRequestContext>) {
        router.get("/v1/cases") { request, _ in
            let query = try Query(
                request,
                allowed: [
                    "state", "assignee", "respondent", "category", "breached", "due_within", "paused", "as_of", "limit",
                    "q", "in",
                ])
            if let text = query.string("q") { return try await findCases(request, text: text, query: query) }
            let filter = CaseFilter(
                state: try query.value("state", as: CaseState.self), assignee: query.string("assignee"),
                respondent: query.string("respondent"), category: query.string("category"),
                breached: try query.bool("breached"),
                dueWithin: try query.int("due_within", in: CaseFilter.dueWithinRange),
                paused: try query.bool("paused"),
                limit: try query.int("limit", in: 1...Self.listLimit) ?? Self.listDefault)
            let asOf = try query.date("as_of")
            let summaries = try await asStaff(request, reading: true) { connection, actor in
                try connection.withStoreTransaction { connection in
                    let calendar = try OfficeContext.load(connection).calendar
                    return try CaseStore(connection).list(
                        filter, actor: actor, asOf: asOf ?? calendar.clock.today, calendar: calendar, at: Date())
                }
            }
            return try Response.json(summaries, encoder: RedressJSON.encoder(pretty: false))
        }

        router.get("/v1/cases/{reference}") { request, context in
            let reference = try context.parameters.require("reference")
            let asOf = try Query(request, allowed: ["as_of"]).date("as_of")
            let document = try await asStaff(request, reading: true) { connection, actor in
                try connection.withStoreTransaction { connection in
                    try CaseStore(connection).document(reference: reference, actor: actor, asOf: asOf, at: Date())
                }
            }
            return try Response.json(document, encoder: RedressJSON.encoder(pretty: false))
        }

        router.get("/v1/cases/{reference}/explain") { request, context in
            let reference = try context.parameters.require("reference")
            let query = try Query(request, allowed: ["clock", "as_of"])
            let kind = try query.value("clock", as: ClockKind.self)
            let asOf = try query.date("as_of")
            let explanations = try await asStaff(request, reading: true) { connection, actor in
                try connection.withStoreTransaction {
                    try CaseStore($0).explain(reference: reference, kind: kind, actor: actor, at: Date(), asOf: asOf)
                        .explanations
                }
            }
            return try Response.json(explanations, encoder: RedressJSON.encoder(pretty: false))
        }

        router.get("/v1/cases/{reference}/history") { request, context in
            let reference = try context.parameters.require("reference")
            _ = try Query(request, allowed: [])
            let events = try await asStaff(request, reading: true) { connection, actor in
                try connection.withStoreTransaction {
                    try CaseStore($0).history(reference: reference, actor: actor, at: Date())
                }
            }
            return try Response.json(events, encoder: RedressJSON.encoder(pretty: false))
        }

        router.post("/v1/cases/{reference}/moves") { request, context in
            try await change(request, context, MoveBody.self) { store, body, reference, actor, at in
                try store.move(
                    reference: reference, try body.request(), actor: actor, at: at, expectVersion: body.expectVersion)
            }
        }

        router.post("/v1/cases/{reference}/pauses") { request, context in
            try await change(request, context, PauseBody.self) { store, body, reference, actor, at in
                let kind = try body.clock.map { try vocabulary($0, field: "clock", as: ClockKind.self) }
                return try store.pause(
                    reference: reference, kind: kind, reason: body.reason, actor: actor, at: at,
                    expectVersion: body.expectVersion)
            }
        }

        router.post("/v1/cases/{reference}/resume") { request, context in
            try await change(request, context, ResumeBody.self, allowEmpty: true) { store, body, reference, actor, at in
                let kind = try body.clock.map { try vocabulary($0, field: "clock", as: ClockKind.self) }
                return try store.resume(
                    reference: reference, kind: kind, actor: actor, at: at, expectVersion: body.expectVersion)
            }
        }

        router.post("/v1/cases/{reference}/extensions") { request, context in
            try await change(request, context, ExtensionBody.self) { store, body, reference, actor, at in
                let kind = try vocabulary(body.clock, field: "clock", as: ClockKind.self)
                return try store.extend(
                    reference: reference, kind: kind, amount: body.days, reason: body.reason,
                    consent: body.consent ?? false, actor: actor, at: at, expectVersion: body.expectVersion)
            }
        }

        router.post("/v1/cases/{reference}/notes") { request, context in
            try await change(request, context, NoteBody.self) { store, body, reference, actor, at in
                try store.addNote(
                    reference: reference, text: body.text, actor: actor, at: at, expectVersion: body.expectVersion)
            }
        }
    }

    /// `GET /v1/cases?q=`: `case find --format json`, which takes no list filter beside it.
    func findCases(_ request: Request, text: String, query: Query) async throws -> Response {
        let filters = ["state", "assignee", "respondent", "category", "breached", "due_within", "paused"]
        if let filter = filters.first(where: { query.string($0) != nil }) {
            throw ServiceError.malformed("query parameter '\(filter)' does not combine with 'q': give one or the other")
        }
        let search = try CaseSearch(
            text: text, fields: try query.string("in").map(CaseSearch.fields(parsing:)) ?? CaseSearch.Field.allCases,
            limit: try query.int("limit", in: CaseSearch.limitRange) ?? CaseSearch.defaultLimit)
        let asOf = try query.date("as_of")
        let hits = try await asStaff(request, reading: true) { connection, actor in
            try connection.withStoreTransaction { connection in
                let calendar = try OfficeContext.load(connection).calendar
                return try CaseStore(connection).find(
                    search, actor: actor, asOf: asOf ?? calendar.clock.today, calendar: calendar, at: Date())
            }
        }
        return try Response.json(hits, encoder: RedressJSON.encoder(pretty: false))
    }

    /// The most cases one list answer holds, and how many when none is asked.
    static let listLimit = 1_000
    static let listDefault = 100

    /// Authenticates the bearer token and runs `work` as its staff member,
    /// on one pooled connection. With `reading`, work that only reads runs on the read
    /// database when there is one and it answers; work that must write there (the audit row
    /// of a confidential case's read) is refused by the standby and run again on the primary.
    func asStaff<T: Sendable>(
        _ request: Request, reading: Bool = false,
        _ work: @escaping @Sendable (PostgresConnection, Actor) throws -> T
    ) async throws -> T {
        let token = try Self.bearerToken(request)
        let run: @Sendable (PostgresConnection) throws -> T = { connection in
            let actor = try StaffTokenStore(connection).authenticate(bearer: token, at: Date())
            return try work(connection, actor)
        }
        if reading, let readDatabase, readRoute.isOpen {
            do {
                return try await readDatabase.withConnection(run)
            } catch let error as PostgresError where error.sqlState == "25006" {
                // Rolled back on the standby; the primary writes the audit row.
            } catch let error as PostgresError where error.isConnectionFailure {
                readRoute.failed()
            } catch let error as ServiceError where error.status == .serviceUnavailable {
                readRoute.failed()
            }
        }
        return try await database.withConnection(run)
    }

    /// The token of `Authorization: Bearer TOKEN`, or a 401.
    static func bearerToken(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization] else { throw ServiceError.unauthorized() }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ServiceError.unauthorized("the Authorization header must read 'Bearer TOKEN'")
        }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// One case change: read the body, authenticate, run the store's change
    /// in one transaction, answer with the case as `case show --format json`
    /// prints it (identity redacted unless the actor may see it).
    func change<Body: ChangeBody>(
        _ request: Request, _ context: RedressRequestContext, _ type: Body.Type, allowEmpty: Bool = false,
        _ body: @escaping @Sendable (CaseStore, Body, String, Actor, Date) throws -> CaseChange
    ) async throws -> Response {
        let reference = try context.parameters.require("reference")
        _ = try CaseReference(parsing: reference)
        var request = request
        let decoded = try await request.decodeJSON(
            Body.self, limit: configuration.maximumBodySize, allowEmpty: allowEmpty)
        let document = try await asStaff(request) { connection, actor in
            try connection.withStoreTransaction { connection -> CaseDocument in
                let at = try decoded.at.map(OfficeStore(connection).clock().instant(parsing:)) ?? Date()
                let store = CaseStore(connection)
                let change = try body(store, decoded, reference, actor, at)
                return try store.document(of: change.record, actor: actor, at: at)
            }
        }
        context.logger.info(
            "case changed", metadata: ["case.reference": "\(reference)", "case.version": "\(document.version)"])
        return try Response.json(document, encoder: RedressJSON.encoder(pretty: false))
    }
}
