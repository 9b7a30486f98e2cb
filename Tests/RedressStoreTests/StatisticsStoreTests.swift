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
        let holidays = [("2026-05-05", "Children's Day"), ("2026-05-25", "Substitute holiday for Buddha's Birthday"), ("2026-06-03", "Local elections")]
            .map { Holiday(date: LocalDate(iso: $0.0)!, name: $0.1, calendar: "KR national") }
        let actor = self.actor
        try connection.withTransaction { connection in
            _ = try CalendarStore(connection).add(holidays, actor: actor, at: Self.at("2026-01-02T09:00"))
            for login in ["cw_a", "cw_b"] {
                _ = try StaffStore(connection).add(login: login, roles: [.caseworker], displayName: nil, email: nil, actor: actor, at: Self.at("2026-01-02T09:00"))
            }
        }
    }

    static func at(_ text: String) -> Date {
        try! EventTime.instant(parsing: text, timeZone: seoul)
    }

    func open(_ at: String, channel: Channel, respondent: String, categories: [String]) throws -> String {
        try connection.withTransaction { _ in
            try store.open(NewCase(receivedAt: Self.at(at), channel: channel, complainants: [Party(name: "Complainant")],
                                   respondent: RespondentBody(name: respondent), categories: categories, summary: "A complaint"),
                           actor: actor).reference
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
        refs["C"] = try open("2026-04-20T10:00", channel: .web, respondent: Self.housing, categories: ["housing", "energy"])
        refs["D"] = try open("2026-05-22T10:00", channel: .post, respondent: Self.transit, categories: ["mobility"])
        refs["E"] = try open("2026-06-22T10:00", channel: .web, respondent: Self.housing, categories: ["housing"])
        let (a, b, c, d, e, f) = (refs["A"]!, refs["B"]!, refs["C"]!, refs["D"]!, refs["E"]!, refs["F"]!)
        try act { s in
            _ = try s.acknowledge(reference: f, actor: actor, at: Self.at("2026-03-12T10:00"))
            _ = try s.move(reference: f, MoveRequest(to: .investigation), actor: actor, at: Self.at("2026-03-20T10:00"))
            _ = try s.acknowledge(reference: a, actor: actor, at: Self.at("2026-03-27T10:00"))
            _ = try s.assign(reference: a, to: "cw_a", actor: actor, at: Self.at("2026-04-01T10:00"))
            _ = try s.acknowledge(reference: b, actor: actor, at: Self.at("2026-04-06T10:00"))
            _ = try s.move(reference: a, MoveRequest(to: .investigation), actor: actor, at: Self.at("2026-04-08T10:00"))
            _ = try s.close(reference: b, outcome: .outOfJurisdiction, reason: nil, actor: actor, at: Self.at("2026-04-10T10:00"))
            _ = try s.assign(reference: c, to: "cw_a", actor: actor, at: Self.at("2026-04-21T10:00"))
            _ = try s.acknowledge(reference: c, actor: actor, at: Self.at("2026-04-23T10:00"))
            _ = try s.requestInformation(reference: c, requested: "the tenancy agreement", actor: actor, at: Self.at("2026-04-28T10:00"))
            _ = try s.informationReceived(reference: c, actor: actor, at: Self.at("2026-05-07T10:00"))
            _ = try s.extend(reference: c, kind: .triage, amount: 5, reason: "the respondent's records arrived late", consent: false,
                             actor: actor, at: Self.at("2026-05-11T10:00"))
            _ = try s.move(reference: f, MoveRequest(to: .decided, outcome: .upheld), actor: actor, at: Self.at("2026-05-14T10:00"))
            _ = try s.move(reference: c, MoveRequest(to: .earlyResolution), actor: actor, at: Self.at("2026-05-19T10:00"))
            _ = try s.assign(reference: d, to: "cw_b", actor: actor, at: Self.at("2026-05-25T10:00"))
            _ = try s.close(reference: f, outcome: .upheld, reason: nil, actor: actor, at: Self.at("2026-05-28T10:00"))
            _ = try s.acknowledge(reference: d, actor: actor, at: Self.at("2026-05-29T10:00"))
            _ = try s.close(reference: c, outcome: .earlyResolution, reason: nil, actor: actor, at: Self.at("2026-06-04T10:00"))
            _ = try s.close(reference: d, outcome: .withdrawn, reason: "the complainant withdrew", actor: actor, at: Self.at("2026-06-09T10:00"))
            _ = try s.reopen(reference: d, to: .triage, reason: "the complainant asked again", actor: actor, at: Self.at("2026-06-12T10:00"))
            _ = try s.acknowledge(reference: e, actor: actor, at: Self.at("2026-06-24T10:00"))
        }
        return refs
    }

    /// Events dated after June: a reassignment, an extension, a pause and a closing.
    func recordJuly(_ refs: [String: String]) throws {
        try act { s in
            _ = try s.assign(reference: refs["D"]!, to: "cw_a", actor: actor, at: Self.at("2026-07-01T09:00"))
            _ = try s.extend(reference: refs["A"]!, kind: .investigation, amount: 30, reason: "a site visit is needed", consent: false,
                             actor: actor, at: Self.at("2026-07-01T10:00"))
            _ = try s.pause(reference: refs["A"]!, kind: nil, reason: "the complainant is in hospital", actor: actor, at: Self.at("2026-07-02T10:00"))
            _ = try s.close(reference: refs["E"]!, outcome: .premature, reason: nil, actor: actor, at: Self.at("2026-07-03T10:00"))
        }
    }

    func report(_ from: String, _ to: String, by grouping: StatisticsGrouping? = nil) throws -> StatisticsReport {
        let context = try OfficeContext.load(connection)
        return try StatisticsStore(connection).report(
            period: try StatisticsPeriod(from: LocalDate(iso: from)!, to: LocalDate(iso: to)!), grouping: grouping,
            calendar: context.calendar, officeName: context.settings.name)
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

                // Volume: A and F carried in; B, C, D, E received; B, F, C, D closed; D reopened.
                let volume = report.volume
                #expect(volume.openAtStart == 2)
                #expect(volume.received == 4)
                #expect(volume.reopened == 1)
                #expect(volume.closed == 4)
                #expect(volume.openAtEnd == 3)
                #expect(volume.balances)
                #expect(volume.byChannel == [
                    VolumeRow(key: "web", received: 2, closed: 1, openAtEnd: 2),
                    VolumeRow(key: "email", received: 1, closed: 1, openAtEnd: 0),
                    VolumeRow(key: "post", received: 1, closed: 2, openAtEnd: 1),
                ])
                #expect(volume.byCategory == [
                    VolumeRow(key: "housing", received: 2, closed: 1, openAtEnd: 2),
                    VolumeRow(key: "mobility", received: 2, closed: 3, openAtEnd: 1),
                    VolumeRow(key: "energy", received: 1, closed: 1, openAtEnd: 0),
                ])
                #expect(volume.byRespondent == [
                    VolumeRow(key: StatisticsOffice.housing, received: 2, closed: 1, openAtEnd: 2),
                    VolumeRow(key: StatisticsOffice.transit, received: 2, closed: 3, openAtEnd: 1),
                ])

                // Stage of closure and outcomes of the four closings.
                let outcomes = report.outcomes
                #expect(outcomes.closed == 4)
                #expect(outcomes.byStage == [
                    CountRow(key: "triage", count: 2, of: 4), CountRow(key: "early_resolution", count: 1, of: 4),
                    CountRow(key: "mediation", count: 0, of: 4), CountRow(key: "investigation", count: 1, of: 4),
                    CountRow(key: "arbitration", count: 0, of: 4),
                ])
                let counted = Dictionary(uniqueKeysWithValues: outcomes.byOutcome.map { ($0.key, $0.count) })
                #expect(counted.filter { $0.value > 0 } == ["out_of_jurisdiction": 1, "early_resolution": 1, "withdrawn": 1, "upheld": 1])
                #expect(outcomes.byOutcome.map(\.key) == Outcome.allCases.map(\.rawValue))
                #expect(outcomes.byOutcome.first { $0.key == "withdrawn" }?.share.percentText == "25.0%")
                #expect(outcomes.premature == Proportion(0, of: 4))
                #expect(outcomes.upheld == Proportion(1, of: 1))

                // Timeliness, clock by clock (working days net of pauses).
                let clocks = Dictionary(uniqueKeysWithValues: report.timeliness.clocks.map { ($0.kind, $0) })
                #expect(report.timeliness.clocks.map(\.kind) == [.acknowledge, .triage, .infoResponse, .earlyResolution, .respondentResponse, .investigation, .respondentReply])
                // acknowledge: B 2, C 3, D 4 (late: 25 May is a holiday), E 2.
                let acknowledge = try #require(clocks[.acknowledge])
                #expect(acknowledge.ended == 4)
                #expect(acknowledge.withinAllowance == Proportion(3, of: 4))
                #expect(acknowledge.late == Proportion(1, of: 4))
                #expect(acknowledge.meanWorkingDays == 2.75)
                #expect(acknowledge.medianWorkingDays == 2.5)
                #expect(acknowledge.p90WorkingDays == 4)
                #expect(acknowledge.distribution == [4, 0, 0, 0, 0, 0, 0])
                #expect(acknowledge.extensionsGranted == 0)
                #expect(acknowledge.breachedAtEnd == 0)
                // triage: A 10, B 6, C 20 − 6 paused = 14 (within 10 + 5 extended), D 10; D's second triage
                // clock (from the reopening on 12 June, due 26 June) is breached at the end.
                let triage = try #require(clocks[.triage])
                #expect(triage.ended == 4)
                #expect(triage.withinAllowance == Proportion(4, of: 4))
                #expect(triage.late == Proportion(0, of: 4))
                #expect(triage.meanWorkingDays == 10)
                #expect(triage.medianWorkingDays == 10)
                #expect(triage.p90WorkingDays == 14)
                #expect(triage.distribution == [0, 3, 1, 0, 0, 0, 0])
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
                // respondent_reply (30 calendar days): F, 14 to 28 May: 9 working days, met.
                let reply = try #require(clocks[.respondentReply])
                #expect(reply.ended == 1)
                #expect(reply.withinAllowance == Proportion(1, of: 1))
                #expect(reply.medianWorkingDays == 9)
                #expect(report.timeliness.extensionsGranted == 1)

                // C's one pause, 28 April to 7 May: 6 working days, 9 calendar days.
                #expect(report.timeliness.pausedByReason == [PauseRow(reason: "awaiting_info", pauses: 1, workingDays: 6, calendarDays: 9)])
                // Open at the end: A (since 25 March, over 3 months), D, E.
                #expect(report.timeliness.ageProfile == AgeProfile(open: 3, over3Months: 1, over6Months: 0, over12Months: 0))

                // A's respondent response was due 7 May; busday_offset(7 May, 30) is 22 June: non-compliant.
                let compliance = try #require(report.compliance)
                #expect(compliance.openNonCompliance == 1)
                #expect(compliance.byRespondent == [
                    ComplianceRow(respondent: StatisticsOffice.housing, accepted: 0, rejected: 0, implementedOnTime: 0, implementedLate: 0,
                                  partial: 0, notImplemented: 0, overdueAtEnd: 1, nonComplianceAtEnd: 1),
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
                // H: A, C, E; C closed after 30 working days. T: B (6), D (10), F (55); F upheld.
                #expect(byRespondent.rows == [
                    GroupRow(key: StatisticsOffice.housing, received: 2, closed: 1, openAtEnd: 2, openOver12Months: 0,
                             upheld: Proportion(0, of: 0), clocksWithinAllowance: Proportion(6, of: 6), medianWorkingDaysToClose: 30),
                    GroupRow(key: StatisticsOffice.transit, received: 2, closed: 3, openAtEnd: 1, openOver12Months: 0,
                             upheld: Proportion(1, of: 1), clocksWithinAllowance: Proportion(5, of: 6), medianWorkingDaysToClose: 10),
                ])
                // D is reassigned in July; at the end of June it is still cw_b's.
                try office.recordJuly(refs)
                let byAssignee = try #require(try office.report("2026-04-01", "2026-06-30", by: .assignee).groups)
                #expect(byAssignee.rows.map(\.key) == ["(unassigned)", "cw_a", "cw_b"])
                #expect(byAssignee.rows.map(\.received) == [2, 1, 1])
                #expect(byAssignee.rows.map(\.openAtEnd) == [1, 1, 1])
                let byCategory = try #require(try office.report("2026-04-01", "2026-06-30", by: .category).groups)
                #expect(byCategory.rows.map(\.key) == ["housing", "mobility", "energy"])
                #expect(byCategory.rows.map(\.closed) == [1, 3, 1])
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
