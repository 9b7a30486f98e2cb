import Crypto
public import Foundation
import Postgres
import RedressCore

extension CaseStore {
    /// Corrects what was entered at intake (summary, categories, urgency, channel, incident
    /// date), with a `case_corrected` audit row holding each field before and after. A new
    /// urgency puts the running clocks on the urgent profile or off it and recomputes their due
    /// dates; an acknowledged complainant hears of dates that moved. Returns the change and the
    /// due dates that moved. Call inside a transaction.
    public func correct(
        reference: String, _ correction: CaseCorrection, actor: Actor, at instant: Date, expectVersion: Int? = nil
    ) throws -> (change: CaseChange, moved: [MovedDueDate]) {
        if let summary = correction.summary {
            guard !summary.isBlankText else {
                throw StoreError.invalid("A case needs a summary; give one.", hint: .give(["summary"]))
            }
            try TextField.check("summary", summary, limit: IntakeValidator.maximumSummaryLength, lines: true)
        }
        guard !correction.isEmpty else { throw RegisterError.nothingToChange("case \(reference)") }
        var moved: [MovedDueDate] = []
        let change = try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) { record, context, date in
            var changes: [String: JSONValue] = [:]
            if let summary = correction.summary, summary != record.summary {
                changes["summary"] = ["from": .string(record.summary), "to": .string(summary)]
                record.summary = summary
            }
            if let channel = correction.channel, channel != record.channel {
                changes["channel"] = ["from": .string(record.channel.rawValue), "to": .string(channel.rawValue)]
                record.channel = channel
            }
            if let incident = correction.incidentDate, incident != record.incidentDate {
                guard incident <= record.receivedOn else {
                    throw StoreError.invalid(
                        "The incident date \(incident.iso) is after the complaint was received on \(record.receivedOn.iso); give a date on or before it.",
                        hint: .give(["incident_date"]))
                }
                changes["incident_date"] = ["from": .text(record.incidentDate?.iso), "to": .string(incident.iso)]
                record.incidentDate = incident
            }
            if let categories = try correctedCategories(record, correction) {
                changes["categories"] = [
                    "from": .array(record.categories.map(JSONValue.string)),
                    "to": .array(categories.map(JSONValue.string)),
                ]
                try writeCategories(caseID: record.id, from: record.categories, to: categories)
                record.categories = categories
            }
            if let urgent = correction.urgent, urgent != record.urgent {
                changes["urgent"] = ["from": .bool(record.urgent), "to": .bool(urgent)]
                record.urgent = urgent
                moved = try reprofile(&record, urgent: urgent, context: context)
                if !moved.isEmpty {
                    changes["due_dates"] = .array(
                        moved.map {
                            ["clock": .string($0.clock.rawValue), "from": .text($0.from?.iso), "to": .text($0.to?.iso)]
                        })
                }
            }
            guard !changes.isEmpty else { throw RegisterError.nothingToChange("case \(record.reference)") }
            try connection.execute(
                """
                UPDATE complaint_case SET summary = \(record.summary), channel = \(record.channel.rawValue),
                    incident_date = \(record.incidentDate), urgent = \(record.urgent)
                WHERE id = \(record.id)
                """)
            // As a calendar change does: an acknowledged complainant hears of the dates that moved,
            // except the next update's, which that letter is.
            let letter = moved.filter { $0.clock != .complainantUpdate }
            var notices: [NoticeRequest] = []
            if record.state != .received, !letter.isEmpty {
                let clocks = letter.map {
                    JSONValue.object([
                        "clock": .string($0.clock.rawValue), "from": .text($0.from?.iso), "to": .text($0.to?.iso),
                    ])
                }
                notices = complainantNotices(
                    record, kind: "corrected_due_dates",
                    data: ["cause": .string(urgentCause(record.urgent)), "clocks": .array(clocks)])
            }
            return ("case_corrected", ["changes": .object(changes)], ClockEffects(), notices)
        }
        return (change, moved)
    }

    func urgentCause(_ urgent: Bool) -> String {
        urgent ? "the case was made urgent" : "the case is no longer urgent"
    }

    /// The case's categories after the correction, sorted; nil when they stay as they are.
    /// Unknown and retired categories are refused.
    func correctedCategories(_ record: CaseRecord, _ correction: CaseCorrection) throws -> [String]? {
        var categories = Set(correction.categories ?? record.categories)
        categories.formUnion(correction.addCategories)
        categories.subtract(correction.removeCategories)
        let added = categories.subtracting(record.categories).sorted()
        try CategoryStore(connection).requireCurrent(added)
        let known = try categoryCodes()
        for code in added where !known.contains(code) { throw StoreError.unknownCategory(code, known: known) }
        let sorted = categories.sorted()
        return sorted == record.categories.sorted() ? nil : sorted
    }

    func writeCategories(caseID: Int, from old: [String], to new: [String]) throws {
        let removed = Set(old).subtracting(new).sorted()
        let added = Set(new).subtracting(old).sorted()
        if !removed.isEmpty {
            try connection.execute(
                """
                DELETE FROM case_category
                WHERE case_id = \(caseID) AND category_code = ANY (\(PostgresTextArray(removed))::text[])
                """)
        }
        if !added.isEmpty {
            try connection.execute(
                """
                INSERT INTO case_category (case_id, category_code)
                SELECT \(caseID)::bigint, code FROM unnest(\(PostgresTextArray(added))::text[]) AS code
                """)
        }
    }

    /// Puts the running clocks on the urgent profile or off it, each under the policy version it
    /// runs under; returns the due dates that moved.
    func reprofile(_ record: inout CaseRecord, urgent: Bool, context: OfficeContext) throws -> [MovedDueDate] {
        var moved: [MovedDueDate] = []
        for index in record.clocks.indices where record.clocks[index].isLive {
            let before = record.clocks[index].clock
            let policy = try context.policies.requirePolicy(version: before.policyVersion)
            let after = before.withUrgency(urgent, under: policy)
            guard after != before else { continue }
            record.clocks[index].clock = after
            record.clocks[index].isDirty = true
            let from = before.dueDate(on: context.calendar)
            let to = after.dueDate(on: context.calendar)
            if from != to {
                moved.append(MovedDueDate(reference: record.reference, clock: before.kind, from: from, to: to))
            }
        }
        return moved
    }

    // MARK: Parties

    /// Corrects a complainant's or the representative's name and contact details, with a
    /// `party_corrected` audit row holding each detail before and after; names, email
    /// addresses, phone numbers and postal addresses appear there only as SHA-256 digests (of
    /// the reference, a line feed and the value), since readers of the audit log may not see
    /// identities. Only who may both change the case and see the identity may do it: its
    /// assignee, supervisors and the ombudsperson. Call inside a transaction.
    public func correctParty(
        reference: String, _ party: PartySelector, _ correction: PartyCorrection, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard !correction.isEmpty else { throw RegisterError.nothingToChange("\(party.label) of \(reference)") }
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant
        ) { record, context, _ in
            guard actor.maySeeIdentity(assignee: record.assignee) else {
                throw StoreError.notPermitted(
                    login: actor.login, action: "correct who complained on a case they are not assigned",
                    allowed: [.supervisor, .ombudsperson])
            }
            let before: Party
            switch party {
            case let .complainant(position):
                guard record.complainants.indices.contains(position - 1) else {
                    throw RegisterError.partyNotFound(reference: record.reference, party: party.label)
                }
                before = record.complainants[position - 1]
            case .representative:
                guard let representative = record.representative else {
                    throw RegisterError.partyNotFound(reference: record.reference, party: party.label)
                }
                before = representative
            }
            var after = before
            func cleared(_ value: String) -> String? { value.isBlankText ? nil : value }
            if let name = correction.name { after.name = name }
            if let email = correction.email { after.email = cleared(email) }
            if let phone = correction.phone { after.phone = cleared(phone) }
            if let address = correction.postalAddress { after.postalAddress = cleared(address) }
            if let language = correction.language { after.language = cleared(language) }
            if let preference = correction.contactPreference {
                if let value = cleared(preference) {
                    guard let known = ContactPreference(rawValue: value) else {
                        throw StoreError.invalid(
                            "\"\(value)\" is not a contact preference; use email, post or phone.",
                            hint: .choose("contact_preference", ContactPreference.allCases.map(\.rawValue)))
                    }
                    after.contactPreference = known
                } else {
                    after.contactPreference = nil
                }
            }
            try IntakeValidator(context: context, knownCategories: []).checkParty(after)
            let changes = partyChanges(before, after, reference: record.reference)
            guard !changes.isEmpty else {
                throw RegisterError.nothingToChange("\(party.label) of \(record.reference)")
            }
            var role = "representative"
            var position = 1
            switch party {
            case let .complainant(number):
                role = "complainant"
                position = number
                record.complainants[number - 1] = after
            case .representative:
                record.representative = after
            }
            try connection.execute(
                """
                UPDATE party SET name = \(after.name), email = \(after.email), phone = \(after.phone),
                    postal_address = \(after.postalAddress), language = \(after.language),
                    contact_preference = \(after.contactPreference?.rawValue)
                WHERE case_id = \(record.id) AND role = \(role) AND position = (
                    SELECT p.position FROM party p WHERE p.case_id = \(record.id) AND p.role = \(role)
                    ORDER BY p.position OFFSET \(position - 1) LIMIT 1)
                """)
            var data: [String: JSONValue] = ["party": .string(party.label), "changes": .object(changes)]
            let due = try bringForwardNotices(caseID: record.id, party: party, actor: actor, at: instant)
            if !due.isEmpty { data["notices_due_now"] = .array(due.map { .int($0) }) }
            return ("party_corrected", data, ClockEffects(), [])
        }
    }

    /// The notices to the party waiting for their next attempt (one stuck for want of an
    /// address) become due at `instant`, so the next send or export tries them with the
    /// corrected details; only who sends notices moves them (supervisors and the
    /// ombudsperson), for others they wait for their next attempt. Returns their ids.
    func bringForwardNotices(caseID: Int, party: PartySelector, actor: Actor, at instant: Date) throws -> [Int] {
        let audience: String
        switch party {
        case .complainant(1): audience = "complainant"
        case .representative: audience = "representative"
        case .complainant: return []
        }
        guard actor.roles.contains(.supervisor) || actor.roles.contains(.ombudsperson) else { return [] }
        return try connection.query(
            """
            UPDATE notice SET next_attempt_at = \(instant)
            WHERE case_id = \(caseID) AND audience = \(audience) AND state = 'pending' AND next_attempt_at > \(instant)
            RETURNING id
            """
        ).map { try $0.decode(Int.self, at: 0) }.sorted()
    }

    /// What changed between two versions of a party, identity values as digests.
    func partyChanges(_ before: Party, _ after: Party, reference: String) -> [String: JSONValue] {
        func digest(_ value: String?) -> JSONValue {
            guard let value else { return .null }
            let hash = SHA256.hash(data: Array("\(reference)\n\(value)".utf8))
            return .string(hash.map { String(format: "%02x", $0) }.joined())
        }
        var changes: [String: JSONValue] = [:]
        let identity: [(String, String?, String?)] = [
            ("name", before.name, after.name), ("email", before.email, after.email),
            ("phone", before.phone, after.phone), ("postal_address", before.postalAddress, after.postalAddress),
        ]
        for (key, old, new) in identity where old != new {
            changes[key] = ["from_sha256": digest(old), "to_sha256": digest(new)]
        }
        if before.language != after.language {
            changes["language"] = ["from": .text(before.language), "to": .text(after.language)]
        }
        if before.contactPreference != after.contactPreference {
            changes["contact_preference"] = [
                "from": .text(before.contactPreference?.rawValue), "to": .text(after.contactPreference?.rawValue),
            ]
        }
        return changes
    }
}
