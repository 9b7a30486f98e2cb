import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedressCore
import RedressStore

/// What a complainant sees of their case: its stage and deadlines, never
/// names, notes, the assignee or anything said in mediation.
struct ComplaintStatus: Encodable {
    struct ClockStatusLine: Encodable {
        var kind: ClockKind
        var status: ClockStatus
        var dueDate: LocalDate?
        var metDate: LocalDate?

        enum CodingKeys: String, CodingKey {
            case kind, status
            case dueDate = "due_date"
            case metDate = "met_date"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(status, forKey: .status)
            try c.encode(dueDate, forKey: .dueDate)
            try c.encode(metDate, forKey: .metDate)
        }
    }

    var reference: String
    var status: CaseState
    var outcome: Outcome?
    var receivedOn: LocalDate
    var updatedAt: Date
    var closedAt: Date?
    var clocks: [ClockStatusLine]
    var asOf: LocalDate

    enum CodingKeys: String, CodingKey {
        case reference, status, outcome, clocks
        case receivedOn = "received_on"
        case updatedAt = "updated_at"
        case closedAt = "closed_at"
        case asOf = "as_of"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(status, forKey: .status)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(receivedOn, forKey: .receivedOn)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(closedAt, forKey: .closedAt)
        try c.encode(clocks, forKey: .clocks)
        try c.encode(asOf, forKey: .asOf)
    }
}

/// The answer to a registered complaint.
struct ComplaintReceipt: Encodable {
    var reference: String
    /// Shown once: the complainant presents it to read the status.
    var statusToken: String
    var statusURL: String

    enum CodingKeys: String, CodingKey {
        case reference
        case statusToken = "status_token"
        case statusURL = "status_url"
    }
}

extension HTTPField.Name {
    /// The header a complainant presents their status token in.
    static let statusToken = HTTPField.Name("Redress-Status-Token")!
}

extension RedressServer {
    /// The staff login public intake registers complaints as (migration 0012).
    static let publicIntakeLogin = "public_intake"

    /// `POST /v1/complaints` and `GET /v1/complaints/{reference}/status`:
    /// no login, rate limited per client.
    func addPublicRoutes(to router: Router<RedressRequestContext>) {
        router.post("/v1/complaints") { request, context in
            try limitPublicRequest(request, context: context)
            var request = request
            let body = try await request.decodeJSON(ComplaintBody.self, limit: configuration.maximumBodySize)
            let new = try body.newCase(receivedAt: Date())
            let receipt = try await database.withConnection { connection in
                try connection.withStoreTransaction { connection in
                    guard let member = try StaffStore(connection).member(Self.publicIntakeLogin), member.active else {
                        throw ServiceError(
                            .serviceUnavailable, code: "unavailable",
                            message: "public intake is closed: contact the office by another channel")
                    }
                    let record: CaseRecord
                    do {
                        record = try CaseStore(connection).open(new, actor: member.actor)
                    } catch StoreError.lateFiling(let incidentDate, let limit) {
                        throw ServiceError.refused(
                            "the events of \(incidentDate.iso) are older than the office's filing limit of \(limit): contact the office to ask for the complaint to be accepted late"
                        )
                    }
                    let secret = try StatusTokenStore(connection).issue(caseID: record.id, at: new.receivedAt)
                    return ComplaintReceipt(
                        reference: record.reference, statusToken: secret,
                        statusURL: "/v1/complaints/\(record.reference)/status")
                }
            }
            context.logger.info("complaint registered", metadata: ["case.reference": "\(receipt.reference)"])
            var response = try Response.json(receipt, status: .created, encoder: RedressJSON.encoder(pretty: false))
            response.headers[.location] = receipt.statusURL
            return response
        }

        router.get("/v1/complaints/{reference}/status") { request, context in
            try limitPublicRequest(request, context: context)
            let reference = try context.parameters.require("reference")
            _ = try CaseReference(parsing: reference)
            guard let given = request.headers[.statusToken], !given.isEmpty else {
                throw ServiceError.unauthorized(
                    "send the status token given when the complaint was registered in the Redress-Status-Token header")
            }
            let status = try await database.withConnection { connection -> ComplaintStatus in
                let store = CaseStore(connection)
                guard let record = try store.find(reference: reference) else {
                    throw ServiceError.notFound("no complaint has the reference \(reference)")
                }
                guard try StatusTokenStore(connection).matches(caseID: record.id, offered: given) else {
                    throw ServiceError.unauthorized("this status token does not belong to complaint \(reference)")
                }
                let calendar = try OfficeContext.load(connection).calendar
                let today = calendar.clock.today
                let clocks = record.clocks.map { ClockDocument($0, calendar: calendar, asOf: today) }
                return ComplaintStatus(
                    reference: record.reference, status: record.state, outcome: record.outcome,
                    receivedOn: record.receivedOn,
                    updatedAt: record.updatedAt, closedAt: record.closedAt,
                    clocks: clocks.map {
                        .init(kind: $0.kind, status: $0.status, dueDate: $0.dueDate, metDate: $0.metDate)
                    },
                    asOf: today)
            }
            return try Response.json(status, encoder: RedressJSON.encoder(pretty: false))
        }
    }

    /// Takes a token from the client's bucket, or refuses with 429.
    func limitPublicRequest(_ request: Request, context: RedressRequestContext) throws {
        if let wait = publicLimiter.acquire(clientKey(request, context: context)) {
            metrics.recordRateLimited()
            throw ServiceError.rateLimited(retryAfter: wait)
        }
    }

    /// Who the client is for rate limiting: the peer address, or the last
    /// X-Forwarded-For entry when the service is told to trust its proxy.
    func clientKey(_ request: Request, context: RedressRequestContext) -> String {
        if configuration.trustForwardedFor, let forwarded = request.headers[.xForwardedFor] {
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !last.isEmpty { return String(last.prefix(64)) }
        }
        return context.peerAddress ?? "local"
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
