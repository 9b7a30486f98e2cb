public import Foundation
import Postgres
public import RedressCore

/// How a contact happened.
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case phone
    case inPerson = "in_person"
    case letter, email
}

/// Which way a contact went: `in` to the office, `out` from it.
public enum ContactDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case `in`, out
}

/// Who the office was in contact with.
public enum ContactParty: String, Sendable, Hashable, Codable, CaseIterable {
    case complainant, respondent, other
}

/// A contact logged on a case (`case contact`).
public struct ContactRecord: Sendable, Encodable {
    public var channel: ContactChannel
    public var direction: ContactDirection
    public var party: ContactParty
    public var summary: String
    public var at: Date
    public var by: String
}

extension CaseStore {
    /// Logs a call, visit, letter or email that did not come through `mail receive`. A contact
    /// with the complainant's side restarts the `complainant_update` clock, as a notice to them
    /// does. What was said stays out of the audit row of a confidential case.
    public func logContact(
        reference: String, channel: ContactChannel, direction: ContactDirection, party: ContactParty,
        summary: String, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard !summary.isBlankText else {
            throw StoreError.invalid("A contact needs a summary of what was said.", hint: .give(["summary"]))
        }
        try TextField.checkLong("summary", summary)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .acknowledge, at: instant,
            { record, context, _ in
                var effects = ClockEffects()
                if party == .complainant {
                    effects.absorb(try record.complainantUpdated(at: instant, context: context))
                }
                var data: [String: JSONValue] = [
                    "channel": .string(channel.rawValue), "direction": .string(direction.rawValue),
                    "party": .string(party.rawValue),
                ]
                if !record.confidential { data["summary"] = .string(summary) }
                return ("contact_logged", data, effects, [])
            },
            afterClaim: { record in
                let id = try connection.query(
                    """
                    INSERT INTO case_contact (case_id, channel, direction, party, summary, contact_at, recorded_by)
                    VALUES (\(record.id), \(channel.rawValue), \(direction.rawValue), \(party.rawValue), \(summary),
                        \(instant), \(actor.login))
                    RETURNING id
                    """
                ).first!.decode(Int.self, at: 0)
                return ["contact_id": .int(id)]
            })
    }

    /// The contacts of case `caseID` the reader may see, oldest first.
    func contacts(caseID: Int) throws -> [ContactRecord] {
        try connection.query(
            """
            SELECT channel, direction, party, summary, contact_at, recorded_by FROM case_contact
            WHERE case_id = \(caseID) ORDER BY contact_at, id
            """
        ).map { row in
            ContactRecord(
                channel: ContactChannel(rawValue: try row.decode(String.self, at: 0)) ?? .phone,
                direction: ContactDirection(rawValue: try row.decode(String.self, at: 1)) ?? .in,
                party: ContactParty(rawValue: try row.decode(String.self, at: 2)) ?? .other,
                summary: try row.decode(String.self, at: 3), at: try row.decode(Date.self, at: 4),
                by: try row.decode(String.self, at: 5))
        }
    }
}
