import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedressCore
import RedressStore

/// `POST /v1/cases/{reference}/remedies`: a remedy item, as `remedy add`.
struct RemedyBody: ChangeBody {
    static let fields: Set<String> = [
        "kind", "description", "class", "scale", "amount", "currency", "due", "body", "accepted", "supersedes", "at",
        "expect_version",
    ]
    var kind: String
    var description: String
    var remedyClass: String?
    var scale: String?
    var amount: String?
    var currency: String?
    var due: String?
    var body: String?
    var accepted: Bool?
    var supersedes: Int?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case kind, description
        case remedyClass = "class"
        case scale, amount, currency, due, body, accepted, supersedes, at
        case expectVersion = "expect_version"
    }

    func spec() throws -> RemedySpec {
        let money: Money?
        switch (amount, currency) {
        case let (amount?, currency?): money = try Money(amount: amount, currency: currency)
        case (nil, nil): money = nil
        default: throw ServiceError.malformed("give both 'amount' and 'currency' for a financial remedy")
        }
        return try RemedySpec(
            kind: try vocabulary(kind, field: "kind", as: RemedyKind.self), text: description,
            remedyClass: try remedyClass.map { try vocabulary($0, field: "class", as: RemedyClass.self) },
            scale: try scale.map { try vocabulary($0, field: "scale", as: RemedyScale.self) },
            amount: money, dueOn: try due.map { try isoDate($0, field: "due") }, body: body)
    }
}

/// `POST /v1/cases/{reference}/remedies/{number}/actions`: what happened to
/// an item, as `remedy accept | reject | progress | evidence | verify`.
struct RemedyActionBody: ChangeBody {
    static let fields: Set<String> = ["action", "text", "due", "at", "expect_version"]
    /// accept, reject, progress, evidence, verify, verify_partial, not_implemented or supersede.
    var action: String
    /// The reason, note or evidence the action records.
    var text: String?
    /// For accept: a due date agreed by hand.
    var due: String?
    var at: String?
    var expectVersion: Int?

    enum CodingKeys: String, CodingKey {
        case action, text, due, at
        case expectVersion = "expect_version"
    }
}

/// A strict YYYY-MM-DD date in a body field.
func isoDate(_ text: String, field: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text) else {
        throw ServiceError.malformed("field '\(field)' must be a date written YYYY-MM-DD")
    }
    return date
}

extension HTTPField.Name {
    /// The number of the remedy item a `POST …/remedies` added.
    static let remedyNumber = HTTPField.Name("Redress-Remedy-Number")!
}

extension RedressServer {
    /// Remedy items: listed across cases as `remedy list`, added and moved
    /// through their states as the `remedy` commands do.
    func addRemedyRoutes(to router: Router<RedressRequestContext>) {
        router.get("/v1/remedies") { request, _ in
            let query = try Query(
                request, allowed: ["case", "state", "respondent", "kind", "overdue", "systemic", "as_of"])
            if let reference = query.string("case") { _ = try CaseReference(parsing: reference) }
            let filter = RemedyFilter(
                reference: query.string("case"), state: try query.value("state", as: RemedyState.self),
                respondent: query.string("respondent"), kind: try query.value("kind", as: RemedyKind.self),
                overdue: try query.bool("overdue"), systemic: try query.bool("systemic"))
            let asOf = try query.date("as_of")
            let items = try await asStaff(request, reading: true) { connection, actor in
                try connection.withStoreTransaction { connection in
                    let calendar = try OfficeContext.load(connection).calendar
                    return try RemedyStore(connection).list(filter, actor: actor, asOf: asOf ?? calendar.clock.today)
                }
            }
            return try Response.json(items, encoder: RedressJSON.encoder(pretty: false))
        }

        router.post("/v1/cases/{reference}/remedies") { request, context in
            let number = NumberBox()
            var response = try await change(request, context, RemedyBody.self) { store, body, reference, actor, at in
                let added = try RemedyStore(store.connection).add(
                    reference: reference, spec: try body.spec(), accepted: body.accepted ?? false,
                    supersedes: body.supersedes,
                    actor: actor, at: at, expectVersion: body.expectVersion)
                number.value = added.number
                return added.change
            }
            response.headers[.remedyNumber] = String(number.value)
            return response
        }

        router.post("/v1/cases/{reference}/remedies/{number}/actions") { request, context in
            let number = try context.parameters.require("number", as: Int.self)
            return try await change(request, context, RemedyActionBody.self) { store, body, reference, actor, at in
                let remedies = RemedyStore(store.connection)
                let action = try vocabulary(body.action, field: "action", as: RemedyAction.self)
                func text(_ what: String) throws -> String {
                    guard let text = body.text else {
                        throw ServiceError.malformed("the action \(action.rawValue) needs 'text': \(what)")
                    }
                    return text
                }
                switch action {
                case .accept:
                    return try remedies.accept(
                        reference: reference, number: number, due: try body.due.map { try isoDate($0, field: "due") },
                        actor: actor, at: at, expectVersion: body.expectVersion)
                case .reject:
                    return try remedies.reject(
                        reference: reference, number: number, reason: try text("the reasons"), actor: actor, at: at,
                        expectVersion: body.expectVersion)
                case .progress:
                    return try remedies.progress(
                        reference: reference, number: number, note: try text("the progress"), actor: actor, at: at,
                        expectVersion: body.expectVersion)
                case .evidence:
                    return try remedies.evidence(
                        reference: reference, number: number, description: try text("the evidence"), actor: actor,
                        at: at, expectVersion: body.expectVersion)
                case .verify, .verifyPartial, .notImplemented:
                    return try remedies.verify(
                        reference: reference, number: number, result: action, reason: body.text, actor: actor, at: at,
                        expectVersion: body.expectVersion)
                case .supersede:
                    return try remedies.supersede(
                        reference: reference, number: number, reason: try text("why"), actor: actor, at: at,
                        expectVersion: body.expectVersion)
                @unknown default:
                    throw ServiceError.malformed("the action \(action.rawValue) cannot be recorded here")
                }
            }
        }
    }
}

/// Carries the number a change made out of its closure.
final class NumberBox: @unchecked Sendable {
    var value = 0
}
