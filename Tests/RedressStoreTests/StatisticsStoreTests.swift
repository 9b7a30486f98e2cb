import Foundation
import Postgres
import RedressCore
import RedressStore
import RedressTesting
import Testing

/// A small office built by hand through the case store, whose statistics for the second
/// quarter of 2026 were worked out on paper (see `StatisticsStoreTests`).
///
/// Seoul time, Monday to Friday; holidays Tuesday 5 May, Monday 25 May and Wednesday 3 June.
/// Respondents: H (Gwangju Housing Corporation) and T (Gwangju Transit Authority).
///
/// | case | received | channel | respondent | categories | history |
/// |---|---|---|---|---|---|
/// | A | Wed 25 Mar | web | H | housing | acknowledged 27 Mar, investigation 8 Apr; open |
/// | B | Thu 2 Apr | email | T | mobility | acknowledged 6 Apr, closed out of jurisdiction 10 Apr |
/// | C | Mon 20 Apr | web | H | housing, energy | ack 23 Apr; information asked 28 Apr, received 7 May (paused over 5 May); triage +5 WD on 11 May; early resolution 19 May; closed early_resolution 4 Jun |
/// | D | Fri 22 May | post | T | mobility | ack 29 May (late: 25 May is a holiday); closed withdrawn 9 Jun; reopened 12 Jun; open |
/// | E | Mon 22 Jun | web | H | housing | ack 24 Jun; open at the end of June |
/// | F | Tue 10 Mar | post | T | mobility | ack 12 Mar, investigation 20 Mar, decided upheld 14 May, closed upheld 28 May |
/// | G | Wed 1 Apr | web | H | housing | ack 3 Apr; mediation offered 13 Apr, accepted 15 and 16 Apr, settled 12 May (apology, 500,000 KRW, training for T); policy change for T added 13 May, rejected 20 May; apology evidence 18 May, verified 20 May; payment evidence 15 Jun (late), verified 17 Jun; training not implemented 22 Jun, and the case closes by itself |
///
/// Assignments: A and C to `cw_a` (1 Apr, 21 Apr), D to `cw_b` (25 May).
struct StatisticsOffice {
    let connection: PostgresConnection
    let actor: Actor
    let store: CaseStore
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    static let housing = "Gwangju Housing Corporation"
    static let transit = "Gwangju Transit Authority"

    init(_ connection: PostgresConnection) throws {
        self.connection = connection
        try connection.execute("UPDATE office SET time_zone = 'Asia/Seoul', name = 'Gwangju Human Rights Office'")
        actor = try StaffStore(connection).currentActor()
        store = CaseStore(connection)
        let holidays = [
            ("2026-05-05", "Children's Day"), ("2026-05-25", "Substitute holiday for Buddha's Birthday"),
            ("2026-06-03", "Local elections"),
        ]
        .map { Holiday(date: LocalDate(iso: $0.0)!, name: $0.1, calendar: "KR national") }
        let actor = self.actor
        try connection.withTransaction { connection in
            _ = try CalendarStore(connection).add(holidays, actor: actor, at: Self.at("2026-01-02T09:00"))
            for login in ["cw_a", "cw_b"] {
                _ = try StaffStore(connection).add(
                    login: login, roles: [.caseworker], displayName: nil, email: nil, actor: actor,
                    at: Self.at("2026-01-02T09:00"))
            }
        }
    }

    static func at(_ text: String) -> Date {
        try! EventTime.instant(parsing: text, timeZone: seoul)
    }

    func open(_ at: String, channel: Channel, respondent: String, categories: [String]) throws -> String {
        try connection.withTransaction { _ in
            try store.open(
                NewCase(
                    receivedAt: Self.at(at), channel: channel, complainants: [Party(name: "Complainant")],
                    respondent: RespondentBody(name: respondent), categories: categories, summary: "A complaint"),
                actor: actor
            ).reference
        }
    }

    func act(_ body: (CaseStore) throws -> Void) throws {
        try connection.withTransaction { _ in try body(store) }
    }

    /// Records the cases of the table above, up to the end of June 2026.
    func recordSecondQuarter() throws -> [String: String] {
        var refs: [String: String] = [:]
        refs["F"] = try open("2026-03-10T10:00", channel: .post, respondent: Self.transit, categories: ["mobility"])
        refs["A"] = try open("2026-03-25T10:00", channel: .web, respondent: Self.housing, categories: ["housing"])
        refs["B"] = try open("2026-04-02T10:00", channel: .email, respondent: Self.transit, categories: ["mobility"])
        refs["C"] = try open(
            "2026-04-20T10:00", channel: .web, respondent: Self.housing, categories: ["housing", "energy"])
        refs["D"] = try open("2026-05-22T10:00", channel: .post, respondent: Self.transit, categories: ["mobility"])
        refs["E"] = try open("2026-06-22T10:00", channel: .web, respondent: Self.housing, categories: ["housing"])
        refs["G"] = try open("2026-04-01T10:00", channel: .web, respondent: Self.housing, categories: ["housing"])
        let (a, b, c, d, e, f, g) = (refs["A"]!, refs["B"]!, refs["C"]!, refs["D"]!, refs["E"]!, refs["F"]!, refs["G"]!)
        let mediation = MediationStore(connection)
        let remedies = RemedyStore(connection)
        try act { s in
            _ = try s.acknowledge(reference: f, actor: actor, at: Self.at("2026-03-12T10:00"))
            _ = try s.move(reference: f, MoveRequest(to: .investigation), actor: actor, at: Self.at("2026-03-20T10:00"))
            _ = try s.acknowledge(reference: a, actor: actor, at: Self.at("2026-03-27T10:00"))
            _ = try s.assign(reference: a, to: "cw_a", actor: actor, at: Self.at("2026-04-01T10:00"))
            _ = try s.acknowledge(reference: g, actor: actor, at: Self.at("2026-04-03T10:00"))
            _ = try s.acknowledge(reference: b, actor: actor, at: Self.at("2026-04-06T10:00"))
            _ = try s.move(reference: a, MoveRequest(to: .investigation), actor: actor, at: Self.at("2026-04-08T10:00"))
            _ = try s.close(
                reference: b, outcome: .outOfJurisdiction, reason: nil, actor: actor, at: Self.at("2026-04-10T10:00"))
            _ = try mediation.offer(reference: g, mediator: nil, actor: actor, at: Self.at("2026-04-13T10:00"))
            _ = try mediation.answer(
                reference: g, party: .complainant, accepts: true, actor: actor, at: Self.at("2026-04-15T10:00"))
            _ = try mediation.answer(
                reference: g, party: .respondent, accepts: true, actor: actor, at: Self.at("2026-04-16T10:00"))
            _ = try s.assign(reference: c, to: "cw_a", actor: actor, at: Self.at("2026-04-21T10:00"))
            _ = try s.acknowledge(reference: c, actor: actor, at: Self.at("2026-04-23T10:00"))
            _ = try s.requestInformation(
                reference: c, requested: "the tenancy agreement", actor: actor, at: Self.at("2026-04-28T10:00"))
            _ = try s.informationReceived(reference: c, actor: actor, at: Self.at("2026-05-07T10:00"))
            _ = try s.extend(
                reference: c, kind: .triage, amount: 5, reason: "the respondent's records arrived late", consent: false,
                actor: actor, at: Self.at("2026-05-11T10:00"))
            _ = try mediation.settle(
                reference: g,
                terms: [
                    try RemedySpec(kind: .apology, text: "A written apology from the director"),
                    try RemedySpec(
                        kind: .financial, text: "Compensation for the lost deposit",
                        amount: try Money(amount: "500000", currency: "KRW")),
                    try RemedySpec(kind: .training, text: "Eviction procedure training for staff", body: Self.transit),
                ], actor: actor, at: Self.at("2026-05-12T10:00"))
            _ = try remedies.add(
                reference: g,
                spec: try RemedySpec(
                    kind: .policyChange, text: "Notice periods in the tenancy rules", body: Self.transit),
                actor: actor, at: Self.at("2026-05-13T10:00"))
            _ = try s.move(
                reference: f, MoveRequest(to: .decided, outcome: .upheld), actor: actor, at: Self.at("2026-05-14T10:00")
            )
            _ = try remedies.evidence(
                reference: g, number: 1, description: "the letter", actor: actor, at: Self.at("2026-05-18T10:00"))
            _ = try s.move(
                reference: c, MoveRequest(to: .earlyResolution), actor: actor, at: Self.at("2026-05-19T10:00"))
            _ = try remedies.verify(reference: g, number: 1, actor: actor, at: Self.at("2026-05-20T10:00"))
            _ = try remedies.reject(
                reference: g, number: 4, reason: "the rules are under review", actor: actor,
                at: Self.at("2026-05-20T11:00"))
            _ = try s.assign(reference: d, to: "cw_b", actor: actor, at: Self.at("2026-05-25T10:00"))
            _ = try s.close(reference: f, outcome: .upheld, reason: nil, actor: actor, at: Self.at("2026-05-28T10:00"))
            _ = try s.acknowledge(reference: d, actor: actor, at: Self.at("2026-05-29T10:00"))
            _ = try s.close(
                reference: c, outcome: .earlyResolution, reason: nil, actor: actor, at: Self.at("2026-06-04T10:00"))
            _ = try s.close(
                reference: d, outcome: .withdrawn, reason: "the complainant withdrew", actor: actor,
                at: Self.at("2026-06-09T10:00"))
            _ = try s.reopen(
                reference: d, to: .triage, reason: "the complainant asked again", actor: actor,
                at: Self.at("2026-06-12T10:00"))
            _ = try remedies.evidence(
                reference: g, number: 2, description: "the bank transfer", actor: actor, at: Self.at("2026-06-15T10:00")
            )
            _ = try remedies.verify(reference: g, number: 2, actor: actor, at: Self.at("2026-06-17T10:00"))
            _ = try remedies.verify(
                reference: g, number: 3, result: .notImplemented, reason: "no trainer was found", actor: actor,
                at: Self.at("2026-06-22T10:00"))
            _ = try s.acknowledge(reference: e, actor: actor, at: Self.at("2026-06-24T10:00"))
        }
        return refs
    }

    /// Events dated after June: a reassignment, an extension, a pause and a closing.
    func recordJuly(_ refs: [String: String]) throws {
        try act { s in
            _ = try s.assign(reference: refs["D"]!, to: "cw_a", actor: actor, at: Self.at("2026-07-01T09:00"))
            _ = try s.extend(
                reference: refs["A"]!, kind: .investigation, amount: 30, reason: "a site visit is needed",
                consent: false,
                actor: actor, at: Self.at("2026-07-01T10:00"))
            _ = try s.pause(
                reference: refs["A"]!, kind: nil, reason: "the complainant is in hospital", actor: actor,
                at: Self.at("2026-07-02T10:00"))
            _ = try s.close(
                reference: refs["E"]!, outcome: .premature, reason: nil, actor: actor, at: Self.at("2026-07-03T10:00"))
        }
    }

    func report(
        _ from: String, _ to: String, by grouping: StatisticsGrouping? = nil,
        connect: (@Sendable () throws -> PostgresConnection)? = nil
    ) throws -> StatisticsReport {
        let context = try OfficeContext.load(connection)
        return try StatisticsStore(connection).report(
            period: try StatisticsPeriod(from: LocalDate(iso: from)!, to: LocalDate(iso: to)!), grouping: grouping,
            calendar: context.calendar, officeName: context.settings.name, connect: connect)
    }
}

@Suite("Statistics over a hand-built office")
struct StatisticsStoreTests {
    @Test func secondQuarter() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let office = try StatisticsOffice(connection)
                _ = try office.recordSecondQuarter()
                let report = try office.report("2026-04-01", "2026-06-30")
                #expect(report.office == "Gwangju Human Rights Office")
                #expect(report.timeZone == "Asia/Seoul")

                // Volume: A and F carried in; B, C, D, E, G received; B, F, C, D, G closed; D reopened.
                let volume = report.volume
                #expect(volume.openAtStart == 2)
                #expect(volume.received == 5)
                #expect(volume.reopened == 1)
                #expect(volume.closed == 5)
                #expect(volume.openAtEnd == 3)
                #expect(volume.balances)
                #expect(
                    volume.byChannel == [
                        VolumeRow(key: "web", received: 3, closed: 2, openAtEnd: 2),
                        VolumeRow(key: "email", received: 1, closed: 1, openAtEnd: 0),
                        VolumeRow(key: "post", received: 1, closed: 2, openAtEnd: 1),
                    ])
                #expect(
                    volume.byCategory == [
                        VolumeRow(key: "housing", received: 3, closed: 2, openAtEnd: 2),
                        VolumeRow(key: "mobility", received: 2, closed: 3, openAtEnd: 1),
                        VolumeRow(key: "energy", received: 1, closed: 1, openAtEnd: 0),
                    ])
                #expect(
                    volume.byRespondent == [
                        VolumeRow(key: StatisticsOffice.housing, received: 3, closed: 2, openAtEnd: 2),
                        VolumeRow(key: StatisticsOffice.transit, received: 2, closed: 3, openAtEnd: 1),
                    ])

                // Stage of closure and outcomes of the five closings; G closed by itself when its
                // last remedy item was found not implemented, with its settlement's outcome.
                let outcomes = report.outcomes
                #expect(outcomes.closed == 5)
                #expect(
                    outcomes.byStage == [
                        CountRow(key: "triage", count: 2, of: 5), CountRow(key: "early_resolution", count: 1, of: 5),
                        CountRow(key: "mediation", count: 1, of: 5), CountRow(key: "investigation", count: 1, of: 5),
                        CountRow(key: "arbitration", count: 0, of: 5),
                    ])
                let counted = Dictionary(uniqueKeysWithValues: outcomes.byOutcome.map { ($0.key, $0.count) })
                #expect(
                    counted.filter { $0.value > 0 } == [
                        "out_of_jurisdiction": 1, "early_resolution": 1, "withdrawn": 1, "upheld": 1, "settled": 1,
                    ])
                #expect(outcomes.byOutcome.map(\.key) == Outcome.allCases.map(\.rawValue))
                #expect(outcomes.byOutcome.first { $0.key == "withdrawn" }?.share.percentText == "20.0%")
                #expect(outcomes.premature == Proportion(0, of: 5))
                #expect(outcomes.upheld == Proportion(1, of: 1))

                // Timeliness, clock by clock (working days net of pauses).
                let clocks = Dictionary(uniqueKeysWithValues: report.timeliness.clocks.map { ($0.kind, $0) })
                #expect(
                    report.timeliness.clocks.map(\.kind) == [
                        .acknowledge, .triage, .infoResponse, .earlyResolution, .mediationAcceptance, .mediation,
                        .respondentResponse,
                        .investigation, .respondentReply, .remedy, .verification,
                    ])
                // acknowledge: G 2, B 2, C 3, D 4 (late: 25 May is a holiday), E 2.
                let acknowledge = try #require(clocks[.acknowledge])
                #expect(acknowledge.ended == 5)
                #expect(acknowledge.withinAllowance == Proportion(4, of: 5))
                #expect(acknowledge.late == Proportion(1, of: 5))
                #expect(acknowledge.meanWorkingDays == 2.6)
                #expect(acknowledge.medianWorkingDays == 2)
                #expect(acknowledge.p90WorkingDays == 4)
                #expect(acknowledge.distribution == [5, 0, 0, 0, 0, 0, 0])
                #expect(acknowledge.extensionsGranted == 0)
                #expect(acknowledge.breachedAtEnd == 0)
                // triage: A 10, G 8, B 6, C 20 − 6 paused = 14 (within 10 + 5 extended), D 10; D's second
                // triage clock (from the reopening on 12 June, due 26 June) is breached at the end.
                let triage = try #require(clocks[.triage])
                #expect(triage.ended == 5)
                #expect(triage.withinAllowance == Proportion(5, of: 5))
                #expect(triage.late == Proportion(0, of: 5))
                #expect(triage.meanWorkingDays == 9.6)
                #expect(triage.medianWorkingDays == 10)
                #expect(triage.p90WorkingDays == 14)
                #expect(triage.distribution == [0, 4, 1, 0, 0, 0, 0])
                #expect(triage.extensionsGranted == 1)
                #expect(triage.breachedAtEnd == 1)
                // info_response: C, 28 April to 7 May over Children's Day: 6.
                let info = try #require(clocks[.infoResponse])
                #expect(info.ended == 1)
                #expect(info.withinAllowance == Proportion(1, of: 1))
                #expect(info.medianWorkingDays == 6)
                #expect(info.p90WorkingDays == 6)
                // early_resolution: C, 19 May to 4 June over 25 May and 3 June: 10, exactly the allowance.
                let early = try #require(clocks[.earlyResolution])
                #expect(early.ended == 1)
                #expect(early.withinAllowance == Proportion(1, of: 1))
                #expect(early.meanWorkingDays == 10)
                // G's mediation: accepted within 3 working days, settled after 17.
                #expect(clocks[.mediationAcceptance]?.medianWorkingDays == 3)
                #expect(clocks[.mediation]?.withinAllowance == Proportion(1, of: 1))
                #expect(clocks[.mediation]?.medianWorkingDays == 17)
                // respondent_response: A's, from 8 April, due 7 May, still running: breached.
                let response = try #require(clocks[.respondentResponse])
                #expect(response.ended == 0)
                #expect(response.withinAllowance == Proportion(0, of: 0))
                #expect(response.meanWorkingDays == nil)
                #expect(response.medianWorkingDays == nil)
                #expect(response.p90WorkingDays == nil)
                #expect(response.breachedAtEnd == 1)
                // investigation: F, 20 March to 14 May: 38.
                let investigation = try #require(clocks[.investigation])
                #expect(investigation.ended == 1)
                #expect(investigation.medianWorkingDays == 38)
                #expect(investigation.distribution == [0, 0, 0, 0, 1, 0, 0])
                #expect(investigation.breachedAtEnd == 0)
                // respondent_reply (30 calendar days): F, 14 to 28 May: 9 working days; G's ended the
                // day of the settlement, whose terms need no answer: 0.
                let reply = try #require(clocks[.respondentReply])
                #expect(reply.ended == 2)
                #expect(reply.withinAllowance == Proportion(2, of: 2))
                #expect(reply.medianWorkingDays == 4.5)
                #expect(reply.p90WorkingDays == 9)
                // remedy (personal, 20 working days from 12 May, due 11 June): the apology's evidence
                // came after 4, the payment's after 22 (late); the training's clock was cancelled.
                let remedy = try #require(clocks[.remedy])
                #expect(remedy.ended == 2)
                #expect(remedy.late == Proportion(1, of: 2))
                #expect(remedy.meanWorkingDays == 13)
                #expect(remedy.medianWorkingDays == 13)
                #expect(remedy.p90WorkingDays == 22)
                #expect(remedy.distribution == [1, 0, 0, 1, 0, 0, 0])
                #expect(clocks[.verification]?.withinAllowance == Proportion(2, of: 2))
                #expect(report.timeliness.extensionsGranted == 1)

                // C's one pause, 28 April to 7 May: 6 working days, 9 calendar days.
                #expect(
                    report.timeliness.pausedByReason == [
                        PauseRow(reason: "awaiting_info", pauses: 1, workingDays: 6, calendarDays: 9)
                    ])
                // Open at the end: A (since 25 March, over 3 months), D, E.
                #expect(
                    report.timeliness.ageProfile == AgeProfile(open: 3, over3Months: 1, over6Months: 0, over12Months: 0)
                )

                // G: offered 13 April, both accepted by 16 April, settled 12 May, 20 working days after the offer.
                #expect(
                    report.mediation
                        == MediationStatistics(
                            offered: 1, accepted: 1, declined: 0, settled: 1, failed: 0, withdrawn: 0,
                            medianWorkingDaysToSettlement: 20, meanWorkingDaysToSettlement: 20))
                let remedies = try #require(report.remedies)
                #expect(remedies.total == 4)
                #expect(
                    remedies.byClass.filter { $0.count > 0 } == [
                        CountRow(key: "personal", count: 2, of: 4), CountRow(key: "learning", count: 2, of: 4),
                    ])
                #expect(
                    remedies.byKind.filter { $0.count > 0 }.map(\.key) == [
                        "apology", "financial", "policy_change", "training",
                    ])
                #expect(
                    remedies.financial == [
                        FinancialRow(
                            currency: "KRW", items: 1, recommended: "500000.00", verifiedItems: 1, verified: "500000.00"
                        )
                    ])

                // H accepted both its terms, one implemented on time and one late, and owes A's
                // respondent response, due 7 May: busday_offset(7 May, 30) is 22 June, so it is in
                // non-compliance. T accepted the training (not implemented) and rejected the policy change.
                let compliance = try #require(report.compliance)
                #expect(compliance.accepted == Proportion(3, of: 4))
                #expect(compliance.implemented == Proportion(2, of: 3))
                #expect(compliance.implementedLate == Proportion(1, of: 2))
                #expect(compliance.openNonCompliance == 1)
                #expect(
                    compliance.byRespondent == [
                        ComplianceRow(
                            respondent: StatisticsOffice.housing, accepted: 2, rejected: 0, implementedOnTime: 1,
                            implementedLate: 1,
                            partial: 0, notImplemented: 0, overdueAtEnd: 1, nonComplianceAtEnd: 1),
                        ComplianceRow(
                            respondent: StatisticsOffice.transit, accepted: 1, rejected: 1, implementedOnTime: 0,
                            implementedLate: 0,
                            partial: 0, notImplemented: 1, overdueAtEnd: 0, nonComplianceAtEnd: 0),
                    ])
                #expect(report.groups == nil)
            }
        }
    }

    @Test func groupedByRespondentAndAssignee() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let office = try StatisticsOffice(connection)
                let refs = try office.recordSecondQuarter()
                let byRespondent = try #require(try office.report("2026-04-01", "2026-06-30", by: .respondent).groups)
                #expect(byRespondent.grouping == .respondent)
                // H: A, C, E, G; C closed after 30 working days, G after 55; of its 15 clocks that
                // ended, only G's payment was late. T: B (6), D (10), F (55); F upheld.
                #expect(
                    byRespondent.rows == [
                        GroupRow(
                            key: StatisticsOffice.housing, received: 3, closed: 2, openAtEnd: 2, openOver12Months: 0,
                            upheld: Proportion(0, of: 0), clocksWithinAllowance: Proportion(14, of: 15),
                            medianWorkingDaysToClose: 42.5),
                        GroupRow(
                            key: StatisticsOffice.transit, received: 2, closed: 3, openAtEnd: 1, openOver12Months: 0,
                            upheld: Proportion(1, of: 1), clocksWithinAllowance: Proportion(5, of: 6),
                            medianWorkingDaysToClose: 10),
                    ])
                // D is reassigned in July; at the end of June it is still cw_b's.
                try office.recordJuly(refs)
                let byAssignee = try #require(try office.report("2026-04-01", "2026-06-30", by: .assignee).groups)
                #expect(byAssignee.rows.map(\.key) == ["(unassigned)", "cw_a", "cw_b"])
                #expect(byAssignee.rows.map(\.received) == [3, 1, 1])
                #expect(byAssignee.rows.map(\.openAtEnd) == [1, 1, 1])
                let byCategory = try #require(try office.report("2026-04-01", "2026-06-30", by: .category).groups)
                #expect(byCategory.rows.map(\.key) == ["housing", "mobility", "energy"])
                #expect(byCategory.rows.map(\.closed) == [2, 3, 1])
            }
        }
    }

    /// The clock and resolution figures computed on two more connections, sharing the first
    /// one's snapshot, are the same as when one connection computes everything.
    @Test func helperConnectionsGiveTheSameReport() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let office = try StatisticsOffice(connection)
                let refs = try office.recordSecondQuarter()
                let alone = try office.report("2026-04-01", "2026-06-30", by: .respondent)
                let helped = try office.report(
                    "2026-04-01", "2026-06-30", by: .respondent, connect: { try db.connect() })
                #expect(helped == alone)
                // Events recorded by others after the snapshot was taken are not seen by the helpers.
                try office.recordJuly(refs)
                let july = try office.report("2026-07-01", "2026-07-31", connect: { try db.connect() })
                #expect(july == (try office.report("2026-07-01", "2026-07-31")))
            }
        }
    }

    @Test func pastPeriodDoesNotChangeWithLaterEvents() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let office = try StatisticsOffice(connection)
                let refs = try office.recordSecondQuarter()
                let before = try office.report("2026-04-01", "2026-06-30", by: .assignee)
                try office.recordJuly(refs)
                let after = try office.report("2026-04-01", "2026-06-30", by: .assignee)
                #expect(after == before)
                #expect(after.renderJSON() == before.renderJSON())
                // The July events do count in July.
                let july = try office.report("2026-07-01", "2026-07-31")
                #expect(july.volume.openAtStart == 3)
                #expect(july.volume.closed == 1)
                #expect(july.outcomes.byOutcome.first { $0.key == "premature" }?.count == 1)
                #expect(july.timeliness.clocks.first { $0.kind == .investigation }?.extensionsGranted == 1)
                #expect(july.timeliness.pausedByReason.map(\.reason) == ["manual"])
            }
        }
    }
}
