import Foundation
import Postgres
import RedressCore

/// Builds demo cases through the store's own rules, in memory, and copies them in.
struct DemoSeedLoader {
    let connection: PostgresConnection
    let context: OfficeContext
    let office: DemoOffice
    /// `respondent_body.id` of each of `DemoVocabulary.bodies`.
    let bodyIDs: [Int]
    let actors: [String: Actor] = Dictionary(
        uniqueKeysWithValues: DemoVocabulary.staff.map { ($0.login, Actor(login: $0.login, roles: Set($0.roles))) })

    /// A case built in memory, waiting for its ids.
    struct Built {
        var demo: DemoCase
        var record: CaseRecord
        var events: [Event]
        /// Its mediations, investigation, decisions and remedy items.
        var resolution: DemoResolution
        /// The notices its changes queued, sent when they were queued.
        var notices: [(at: Date, request: NoticeRequest)]
        /// The date of its last change: what its clocks' stored status is as of.
        var lastChange: LocalDate
    }

    /// An audit row to write.
    struct Event {
        var actor: String
        var at: Date
        var kind: String
        var data: [String: JSONValue]
    }

    /// Builds cases `range` and copies them, their parties, categories, clocks, pauses,
    /// extensions and audit rows into the database.
    mutating func load(_ range: Range<Int>, into result: inout DemoSeed.Result) throws {
        let demos = range.map { office.makeCase($0) }
        let prefix = context.settings.referencePrefix
        // Each year's numbers come from its counter in one block, gapless, in case order.
        var perYear: [Int: Int] = [:]
        for demo in demos { perYear[demo.receivedOn.year, default: 0] += 1 }
        var numbers: [Int: Int] = [:]
        for (year, count) in perYear.sorted(by: { $0.key < $1.key }) {
            numbers[year] = try CaseStore(connection).takeReferenceNumbers(prefix: prefix, year: year, count: count)
        }
        // The resolution rows' ids appear in audit data: take them for the batch, in case order.
        var mediations = 0
        var arbitrations = 0
        var decisions = 0
        var items = 0
        for demo in demos {
            if demo.steps.contains(where: { if case .arbitrationConsent = $0.action { true } else { false } }) {
                arbitrations += 1
            }
            for step in demo.steps {
                switch step.action {
                case .mediationOffered: mediations += 1
                case let .decision(decision):
                    decisions += 1
                    items += decision.items.count
                default: break
                }
            }
        }
        var ids = DemoIDPool(
            mediations: try nextIDs("mediation_id_seq", mediations),
            arbitrations: try nextIDs("arbitration_id_seq", arbitrations),
            decisions: try nextIDs("decision_id_seq", decisions),
            items: try nextIDs("remedy_item_id_seq", items))
        var built = try demos.map { demo in
            let number = numbers[demo.receivedOn.year]!
            numbers[demo.receivedOn.year] = number + 1
            return try build(
                demo,
                reference: try CaseReference(prefix: prefix, year: demo.receivedOn.year, number: number).formatted,
                ids: &ids)
        }
        let caseIDs = try nextIDs("complaint_case_id_seq", built.count)
        let clockIDs = try nextIDs("clock_id_seq", built.reduce(0) { $0 + $1.record.clocks.count })
        var nextClock = 0
        for index in built.indices {
            built[index].record.id = caseIDs[index]
            for clock in built[index].record.clocks.indices {
                built[index].record.clocks[clock].id = clockIDs[nextClock]
                nextClock += 1
            }
        }
        try copy(built, into: &result)
    }

    /// The next `count` values of a sequence.
    func nextIDs(_ sequence: String, _ count: Int) throws -> [Int] {
        guard count > 0 else { return [] }
        return try connection.query("SELECT nextval(\(sequence)::regclass) FROM generate_series(1, \(count))").map {
            try $0.decode(Int.self, at: 0)
        }
    }

    // MARK: Building

    /// Opens the demo complaint as intake does (`CaseOpening`) and walks it through its steps.
    func build(_ demo: DemoCase, reference: String, ids: inout DemoIDPool) throws -> Built {
        let policy = try context.policies.inForce(on: demo.receivedOn)
        let late = policy.isLateFiling(eventsOn: demo.incidentDate, receivedOn: demo.receivedOn)
        let body = demo.body
        func party(_ p: DemoParty) -> Party {
            Party(
                name: p.name, email: p.email, phone: p.phone, postalAddress: p.postalAddress, language: demo.language,
                contactPreference: ContactPreference(rawValue: p.contactPreference))
        }
        let openedBy = demo.index % 2 == 0 ? "intake1" : "intake2"
        let respondent = RespondentBody(
            name: body.name, email: body.email, headOfBodyName: body.headName, headOfBodyEmail: body.headEmail)
        let new = NewCase(
            receivedAt: demo.receivedAt, channel: Channel(rawValue: demo.channel) ?? .web,
            complainants: [party(demo.complainant)],
            groupSize: demo.groupSize, representative: demo.representative.map(party), respondent: respondent,
            categories: demo.categories, summary: demo.summary, language: demo.language, urgent: demo.urgent,
            confidential: demo.confidential, incidentDate: demo.incidentDate,
            acceptLateReason: "The complainant learned of the decision only recently; accepted by the ombudsperson.")
        let opening = try CaseOpening(
            new, intake: IntakeValidator.Intake(receivedOn: demo.receivedOn, lateFiling: late), reference: reference,
            openedBy: openedBy, respondent: respondent, context: context)
        var record = opening.record
        var events = [Event(actor: openedBy, at: demo.receivedAt, kind: opening.eventKind, data: opening.event)]
        var lastChange = demo.receivedOn
        var resolution = DemoResolution()
        var notices: [(at: Date, request: NoticeRequest)] = []
        for step in demo.steps {
            var recorded: [DemoRecorded] = []
            switch step.action {
            case let .assign(login):
                let previous = record.assignee
                record.assignee = login
                recorded = [("case_assigned", ["from": .text(previous), "to": .string(login)], [])]
            case .acknowledge:
                recorded = [
                    try move(&record, &resolution, Move(from: record.state, to: .triage), at: step.at, on: step.on)
                ]
            case let .move(move):
                recorded = [try self.move(&record, &resolution, move, at: step.at, on: step.on)]
            case .respondentResponded:
                // `DecisionStore.recordResponse`: the investigation's record, and its clock ends.
                var investigation = Investigation()
                let effects = try record.applyResolution(
                    try investigation.recordFirstResponse(at: step.at, calendar: context.calendar), context: context)
                var row = resolution.investigation ?? DemoResolution.InvestigationRow()
                row.firstResponseAt = step.at
                row.firstResponseOn = step.on
                resolution.investigation = row
                recorded = [
                    try finish(
                        &record, "respondent_responded", [:], effects: effects, notices: [], at: step.at)
                ]
            case let .extend(kind, amount, reason, consent):
                recorded =
                    try extend(
                        &record, kind, amount: amount, reason: reason, consent: consent, by: step.actor, at: step.at,
                        on: step.on
                    ).map { [$0] } ?? []
            case .complainantUpdated:
                // The letter of the past is not queued; its clock restarts as if it were, which
                // changes the case's clocks (not its history).
                _ = try record.complainantUpdated(at: step.at, context: context)
                lastChange = step.on
            case let .mediationOffered(mediator):
                recorded = try offerMediation(
                    &record, &resolution, ids: &ids, mediator: mediator, by: step.actor, at: step.at, on: step.on)
            case let .mediationAnswered(party, accepts):
                recorded = [
                    try answerMediation(
                        &record, &resolution, party: party, accepts: accepts, by: step.actor, at: step.at)
                ]
            case let .mediationSession(place, mediator):
                recorded = [
                    try mediationSession(
                        &record, &resolution, place: place, mediator: mediator, by: step.actor, at: step.at)
                ]
            case let .mediationFailed(reason, next):
                recorded = [try failMediation(&record, &resolution, reason: reason, then: next, at: step.at)]
            case let .arbitrationConsent(party):
                recorded = try consentToArbitration(
                    &record, &resolution, ids: &ids, party: party, by: step.actor, at: step.at, on: step.on)
            case .arbitratorsAppointed, .arbitrationHearing, .arbitrationHearingClosed:
                recorded = [try arbitrationStep(&record, &resolution, step.action, by: step.actor, at: step.at)]
            case let .decision(decision):
                recorded = try decide(
                    &record, &resolution, ids: &ids, decision, by: step.actor, at: step.at, on: step.on)
            case let .remedyAnswered(item, accepts):
                recorded = [
                    try remedyStep(
                        &record, &resolution, item: item, action: accepts ? .accept : .reject, by: step.actor,
                        at: step.at, on: step.on)
                ]
            case let .remedyEvidence(item):
                recorded = [
                    try remedyStep(
                        &record, &resolution, item: item, action: .evidence, by: step.actor, at: step.at, on: step.on)
                ]
            case let .remedyVerdict(item, verdict):
                recorded = [
                    try remedyStep(
                        &record, &resolution, item: item, action: verdict, by: step.actor, at: step.at, on: step.on)
                ]
            }
            for var row in recorded {
                record.version += 1
                row.data["version"] = .int(record.version)
                events.append(Event(actor: step.actor, at: step.at, kind: row.kind, data: row.data))
                notices += row.notices.map { (step.at, $0) }
                lastChange = step.on
                record.updatedAt = step.at
            }
        }
        return Built(
            demo: demo, record: record, events: events, resolution: resolution, notices: notices,
            lastChange: lastChange)
    }

    /// A lifecycle move as `CaseStore.move` makes it (`Lifecycle.move`, applied to the record,
    /// restarting the update clock when it writes to the complainant), its audit row and its
    /// notices (with `MediationStore.leaving` when the case leaves mediation).
    func move(
        _ record: inout CaseRecord, _ resolution: inout DemoResolution, _ move: Move, at instant: Date,
        on date: LocalDate
    ) throws -> DemoRecorded {
        let policy = try context.policies.inForce(on: date)
        var (effects, notices) =
            record.state == .mediation
            ? try leaveMediation(&record, &resolution, to: move.to, at: instant, on: date) : (ClockEffects(), [])
        let plan = try Lifecycle.move(
            record.situation, to: move.to, data: move.data, policy: policy, at: instant, on: date)
        effects.absorb(try record.apply(plan, context: context))
        if move.to == .closed {
            // Closed as withdrawn, the open remedy items are superseded (the database's rule).
            for index in resolution.items.indices where !resolution.items[index].state.isTerminal {
                resolution.items[index].item.state = .superseded
                resolution.items[index].reason = "the case was withdrawn"
                resolution.items[index].updatedAt = instant
            }
        }
        notices += plan.notices.flatMap { store.notices($0, for: record, context: context) }
        return try finish(&record, plan.event.kind, plan.event.json, effects: effects, notices: notices, at: instant)
    }

    /// An extension under the clock's policy rules; `nil` (nothing recorded) when they refuse it.
    func extend(
        _ record: inout CaseRecord, _ kind: ClockKind, amount: Int, reason: String, consent: Bool, by login: String,
        at instant: Date, on date: LocalDate
    ) throws -> DemoRecorded? {
        let previousDue = record.noticeDueDate(kind, context: context)
        guard let actor = actors[login],
            let clock = try? record.extendClock(
                kind, amount: amount, reason: reason, actor: actor, on: date, consent: consent, context: context)
        else { return nil }
        var effects = ClockEffects()
        effects.extended = [kind]
        let due = clock.dueDate(on: context.calendar)
        let notices = store.complainantNotices(
            record, kind: "extension_letter",
            data: [
                "clock": .string(kind.rawValue), "reason": .string(reason), "new_due_date": .text(due?.iso),
                "previous_due_date": previousDue, "approved_by": .string(login),
                "amount": ["amount": .int(amount), "unit": .string(clock.allowance.unit.rawValue)],
            ])
        return try finish(
            &record, "clock_extended",
            [
                "clock": .string(kind.rawValue), "amount": .int(amount), "unit": .string(clock.allowance.unit.rawValue),
                "reason": .string(reason), "with_consent": .bool(consent),
                "approver_role": .string(clock.extensions.last!.approverRole.rawValue),
                "new_due_date": .text(due?.iso),
            ], effects: effects, notices: notices, at: instant)
    }

    // MARK: Copying

    func copy(_ built: [Built], into result: inout DemoSeed.Result) throws {
        try connection.copyStaged(
            into: "complaint_case",
            columns:
                "id, reference, state, outcome, received_at, received_on, channel, summary, language, incident_date, late_filing, late_filing_reason, urgent, confidential, group_size, respondent_id, assignee, info_requests, version, opened_by, created_at, updated_at, closed_at"
        ) { writer in
            for item in built {
                let r = item.record
                try writer.write([
                    String(r.id), r.reference, r.state.rawValue, r.outcome?.rawValue, r.receivedAt.postgresText,
                    r.receivedOn.iso,
                    r.channel.rawValue, r.summary, r.language, r.incidentDate?.iso, Self.bool(r.lateFiling),
                    r.lateFilingReason,
                    Self.bool(r.urgent), Self.bool(r.confidential), r.groupSize.map(String.init),
                    String(bodyIDs[item.demo.bodyIndex]),
                    r.assignee, String(r.infoRequests), String(r.version), r.openedBy, r.createdAt.postgresText,
                    r.updatedAt.postgresText, r.closedAt?.postgresText,
                ])
            }
        }
        try connection.copyStaged(
            into: "party",
            columns: "case_id, role, position, name, email, phone, postal_address, language, contact_preference"
        ) { writer in
            for item in built {
                for (role, position, p) in item.record.partyRows {
                    try writer.write([
                        String(item.record.id), role, String(position), p.name, p.email, p.phone, p.postalAddress,
                        p.language, p.contactPreference?.rawValue,
                    ])
                }
            }
        }
        try connection.copyStaged(into: "case_category", columns: "case_id, category_code") { writer in
            for item in built {
                for code in Set(item.record.categories).sorted() { try writer.write([String(item.record.id), code]) }
            }
        }
        try connection.copyStaged(
            into: "clock",
            columns:
                "id, case_id, kind, subject, remedy_scale, start_at, start_date, allowance_amount, allowance_unit, policy_version, urgent, ended_on, cancelled_on, status, due_date, paused_days"
        ) { writer in
            for item in built {
                for stored in item.record.clocks {
                    let c = stored.clock
                    let stats = ClockWriter.results(of: c, calendar: context.calendar, asOf: item.lastChange)
                    try writer.write([
                        String(stored.id!), String(item.record.id), c.kind.rawValue, stored.subject.map(String.init),
                        c.remedyScale?.rawValue,
                        c.startInstant.postgresText,
                        c.startDate.iso, String(c.allowance.amount), c.allowance.unit.rawValue, String(c.policyVersion),
                        Self.bool(c.urgent),
                        c.endedOn?.iso, c.cancelled ? (c.cancelledOn ?? item.lastChange).iso : nil,
                        stats.status.rawValue, stats.due?.iso,
                        String(stats.pausedDays),
                    ])
                    result.clocks += 1
                }
            }
        }
        try connection.copyStaged(into: "clock_pause", columns: "clock_id, position, from_date, to_date, cause, reason")
        {
            writer in
            for item in built {
                for stored in item.record.clocks {
                    for (position, pause) in stored.clock.pauses.enumerated() {
                        try writer.write([
                            String(stored.id!), String(position + 1), pause.from.iso, pause.to?.iso,
                            stored.pauseCauses[position], pause.reason,
                        ])
                    }
                }
            }
        }
        try connection.copyStaged(
            into: "clock_extension",
            columns: "clock_id, grant_number, amount, reason, approver_role, approved_by, on_date, with_consent"
        ) { writer in
            for item in built {
                for stored in item.record.clocks {
                    for (position, grant) in stored.clock.extensions.enumerated() {
                        try writer.write([
                            String(stored.id!), String(position + 1), String(grant.amount), grant.reason,
                            grant.approverRole.rawValue,
                            grant.approvedBy, grant.onDate.iso, Self.bool(grant.withConsent),
                        ])
                    }
                }
            }
        }
        try connection.copyStaged(into: "case_event", columns: "case_id, actor, occurred_at, kind, data") { writer in
            for item in built {
                for event in item.events {
                    try writer.write([
                        String(item.record.id), event.actor, event.at.postgresText, event.kind,
                        DemoSeedJSON.text(.object(event.data)),
                    ])
                    result.events += 1
                }
            }
        }
        try copyResolution(built, into: &result)
        try connection.copyStaged(
            into: "notice",
            columns:
                "case_id, kind, audience, recipient, channel, language, state, automatic, data, attempts, next_attempt_at, created_at, sent_at"
        ) { writer in
            for item in built {
                for (at, notice) in item.notices {
                    let instant = at.postgresText
                    try writer.write([
                        String(item.record.id), notice.kind, notice.audience.rawValue, notice.recipient,
                        notice.channel.rawValue, notice.language, "sent", Self.bool(notice.automatic),
                        DemoSeedJSON.text(.object(notice.data)), "1", instant, instant, instant,
                    ])
                    result.notices += 1
                }
            }
        }
        for item in built { result.states[item.record.state, default: 0] += 1 }
        result.cases += built.count
    }

    static func bool(_ value: Bool) -> String { value ? "t" : "f" }

    /// Copies the resolution records: mediations with their answers and sessions, investigation
    /// records, decisions, remedy items and their evidence.
    func copyResolution(_ built: [Built], into result: inout DemoSeed.Result) throws {
        try connection.copyStaged(
            into: "mediation",
            columns:
                "id, case_id, status, offered_at, offered_on, offered_by, mediator, ended_at, ended_on, end_reason, created_at"
        ) { writer in
            for item in built {
                for row in item.resolution.mediations {
                    let m = row.mediation
                    try writer.write([
                        String(row.id), String(item.record.id), m.status.rawValue, m.offeredAt.postgresText,
                        m.offeredOn.iso, row.offeredBy, m.mediator, m.endedOn == nil ? nil : row.endedAt?.postgresText,
                        m.endedOn?.iso, row.endReason, m.offeredAt.postgresText,
                    ])
                    result.mediations += 1
                }
            }
        }
        try connection.copyStaged(
            into: "mediation_answer",
            columns: "mediation_id, party, accepted, answered_on, deemed, recorded_by, recorded_at"
        ) { writer in
            for item in built {
                for row in item.resolution.mediations {
                    for party in DisputeParty.allCases {
                        guard let answer = row.mediation.answers[party] else { continue }
                        let by = row.answeredBy[party]
                        try writer.write([
                            String(row.id), party.rawValue, Self.bool(answer.accepted), answer.on.iso,
                            Self.bool(answer.deemed), by?.login ?? row.offeredBy,
                            (by?.at ?? row.endedAt ?? row.mediation.offeredAt).postgresText,
                        ])
                    }
                }
            }
        }
        try connection.copyStaged(
            into: "mediation_session", columns: "mediation_id, held_at, place, mediator, recorded_by, recorded_at"
        ) { writer in
            for item in built {
                for row in item.resolution.mediations {
                    for (index, session) in row.mediation.sessions.enumerated() {
                        try writer.write([
                            String(row.id), session.at.postgresText, session.place, session.mediator,
                            row.sessionRecorders[index], session.at.postgresText,
                        ])
                    }
                }
            }
        }
        try connection.copyStaged(
            into: "arbitration",
            columns:
                "id, case_id, panel_constituted_on, hearing_closed_at, hearing_closed_on, created_at"
        ) { writer in
            for item in built {
                guard let row = item.resolution.arbitration else { continue }
                let a = row.arbitration
                try writer.write([
                    String(row.id), String(item.record.id), a.panelConstitutedOn?.iso,
                    row.hearingClosedAt?.postgresText, a.hearingClosedOn?.iso,
                    row.consentedAt.values.map(\.at).min()?.postgresText,
                ])
            }
        }
        try connection.copyStaged(
            into: "arbitration_consent", columns: "arbitration_id, party, consented_at, consented_on, recorded_by"
        ) { writer in
            for item in built {
                guard let row = item.resolution.arbitration else { continue }
                for party in DisputeParty.allCases {
                    guard let on = row.arbitration.consents[party], let by = row.consentedAt[party] else { continue }
                    try writer.write([String(row.id), party.rawValue, by.at.postgresText, on.iso, by.login])
                }
            }
        }
        try connection.copyStaged(into: "arbitrator", columns: "arbitration_id, position, name, appointed_at") {
            writer in
            for item in built {
                guard let row = item.resolution.arbitration, let at = row.appointedAt else { continue }
                for (index, name) in row.arbitration.arbitrators.enumerated() {
                    try writer.write([String(row.id), String(index + 1), name, at.postgresText])
                }
            }
        }
        try connection.copyStaged(into: "arbitration_hearing", columns: "arbitration_id, held_at, place, recorded_by") {
            writer in
            for item in built {
                guard let row = item.resolution.arbitration else { continue }
                for (index, hearing) in row.arbitration.hearings.enumerated() {
                    try writer.write([
                        String(row.id), hearing.at.postgresText, hearing.place, row.hearingRecorders[index],
                    ])
                }
            }
        }
        // The award, once the consents are in (the database checks it).
        try connection.execute(
            unsafeSQL:
                "CREATE TEMPORARY TABLE IF NOT EXISTS staged_award (id bigint, award_text text, award_binding boolean, awarded_at timestamptz, awarded_on date) ON COMMIT DROP"
        )
        try connection.copyFrom(
            PostgresQuery(
                unsafeSQL: "COPY staged_award (id, award_text, award_binding, awarded_at, awarded_on) FROM STDIN")
        ) { writer in
            for item in built {
                guard let row = item.resolution.arbitration, let award = row.arbitration.award,
                    let at = row.awardedAt
                else { continue }
                try writer.write([String(row.id), award.text, Self.bool(award.binding), at.postgresText, award.on.iso])
            }
        }
        try connection.execute(
            unsafeSQL: """
                UPDATE arbitration a SET award_text = s.award_text, award_binding = s.award_binding,
                    awarded_at = s.awarded_at, awarded_on = s.awarded_on
                FROM staged_award s WHERE a.id = s.id;
                TRUNCATE staged_award
                """)
        try connection.copyStaged(
            into: "investigation",
            columns:
                "case_id, first_response_at, first_response_on, first_response_note, findings, findings_at, findings_by"
        ) { writer in
            for item in built {
                guard let row = item.resolution.investigation else { continue }
                try writer.write([
                    String(item.record.id), row.firstResponseAt?.postgresText, row.firstResponseOn?.iso, nil,
                    row.findings, row.findingsAt?.postgresText, row.findingsBy,
                ])
            }
        }
        try connection.copyStaged(
            into: "decision",
            columns: "id, case_id, kind, outcome, text, binding, issued_at, issued_on, issued_by, created_at"
        ) { writer in
            for item in built {
                for row in item.resolution.decisions {
                    let d = row.decision
                    try writer.write([
                        String(row.id), String(item.record.id), d.kind.rawValue, d.outcome.rawValue, d.text,
                        d.binding.map(Self.bool), d.issuedAt.postgresText, row.issuedOn.iso, row.issuedBy,
                        d.issuedAt.postgresText,
                    ])
                    result.decisions += 1
                }
            }
        }
        try connection.copyStaged(
            into: "remedy_item",
            columns:
                "id, case_id, number, decision_id, kind, remedy_class, scale, description, body_id, amount, currency, due_on, state, late, reason, superseded_by, created_at, created_by, answered_at, verified_at, updated_at"
        ) { writer in
            for item in built {
                for row in item.resolution.items {
                    let spec = row.item.spec
                    try writer.write([
                        String(row.id), String(item.record.id), String(row.number), String(row.decisionID),
                        spec.kind.rawValue, spec.remedyClass.rawValue, spec.scale.rawValue, spec.text,
                        String(bodyIDs[item.demo.bodyIndex]), spec.amount?.amount, spec.amount?.currency,
                        spec.dueOn?.iso, row.state.rawValue, row.item.late.map(Self.bool), row.reason, nil,
                        row.createdAt.postgresText, row.createdBy, row.answeredAt?.postgresText,
                        row.verifiedAt?.postgresText, row.updatedAt.postgresText,
                    ])
                    result.remedies += 1
                }
            }
        }
        try connection.copyStaged(
            into: "remedy_entry",
            columns: "remedy_item_id, kind, occurred_at, occurred_on, text, recorded_by, recorded_at"
        ) { writer in
            for item in built {
                for row in item.resolution.items {
                    for entry in row.entries {
                        try writer.write([
                            String(row.id), entry.kind, entry.at.postgresText, entry.on.iso, entry.text,
                            entry.recordedBy, entry.at.postgresText,
                        ])
                    }
                }
            }
        }
    }
}

/// JSON text for audit data, written directly (keys sorted) rather than through an encoder,
/// because a seed writes millions of rows.
enum DemoSeedJSON {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .number(number):
            if number == number.rounded(), abs(number) < 1e15 {
                out += String(Int64(number))
            } else {
                out += String(number)
            }
        case let .string(text): string(text, to: &out)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case let .object(fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                string(key, to: &out)
                out += ":"
                write(fields[key]!, to: &out)
            }
            out += "}"
        }
    }

    static func string(_ text: String, to out: inout String) {
        out += JSONText.quoted(text)
    }
}
