import Foundation

/// A realistic synthetic office for demonstrations and benchmarks: a year of complaints up to
/// `asOf` (or `years` of them), across every state, with holidays, pauses, extensions,
/// decisions, remedies, urgent cases and some breaches.
///
/// Deterministic: case `i` of `n` depends only on the seed, the date, the years, `n` and `i`,
/// so the same seed gives the same office, and any case can be made alone. Cases arrive in
/// order of their number (case `i` on day `i × span / n` of the span, `span` being 365 days a
/// year), so references follow receipt. Every lifecycle move is one `Lifecycle` allows, with
/// the data it needs; nothing is dated after `asOf`.
public struct DemoOffice: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The office's "today": the last date anything happened.
    public let asOf: LocalDate
    /// How many cases the office has.
    public let cases: Int
    /// How many years of complaints, up to `asOf`: from 1 to `maximumYears`.
    public let years: Int
    /// The office calendar: by default Seoul time, Monday to Friday, `DemoHolidays`.
    public let calendar: WorkCalendar

    /// The office's name.
    public static let name = "Gwangju Human Rights Office (demo)"
    /// The office time zone.
    public static let timeZone = "Asia/Seoul"
    /// The office's reference prefix.
    public static let referencePrefix = "HRC"
    /// How far back one year of complaints goes, in days.
    public static let spanDays = 365
    /// The most years of complaints an office has.
    public static let maximumYears = 20

    /// Makes the office of `seed` with `cases` cases received over the `years` years up to
    /// `asOf` (clamped to 1...`maximumYears`), as it stands at the end of `asOf`, on `calendar`
    /// (by default `defaultCalendar(asOf:years:)`).
    public init(seed: UInt64, asOf: LocalDate, cases: Int, years: Int = 1, calendar: WorkCalendar? = nil) throws {
        self.seed = seed
        self.asOf = asOf
        self.cases = max(1, cases)
        self.years = min(max(1, years), Self.maximumYears)
        self.calendar = try calendar ?? Self.defaultCalendar(asOf: asOf, years: self.years)
    }

    /// How far back the complaints go, in days: 365 a year.
    public var span: Int { Self.spanDays * years }

    /// Seoul time, Monday to Friday, with the demo holidays of the years around `asOf`.
    public static func defaultCalendar(asOf: LocalDate, years: Int = 1) throws -> WorkCalendar {
        try WorkCalendar(
            timeZone: timeZone, holidays: DemoHolidays.holidays(years: holidayYears(asOf: asOf, years: years)))
    }

    /// The years whose holidays the office needs: every year its cases reach, from the year
    /// before the first receipt (`years` of 365 days back from `asOf` fall at the latest in the
    /// year `asOf.year - years`) to the year after `asOf`, which running clocks reach.
    public static func holidayYears(asOf: LocalDate, years: Int = 1) -> ClosedRange<Int> {
        (asOf.year - 1 - max(1, years))...(asOf.year + 1)
    }

    /// The demo case numbered `index` (from 0).
    public func makeCase(_ index: Int) -> DemoCase {
        var rng = SeededGenerator(seed: seed, index: UInt64(index))
        let language = rng.chance(0.7) ? "ko" : "en"
        let channel = rng.pick([
            ("web", 45), ("email", 20), ("post", 8), ("phone", 12), ("in_person", 10), ("referral", 4),
            ("own_initiative", 1),
        ])
        let bodyIndex = rng.int(in: 0...(DemoVocabulary.bodies.count - 1))
        let body = DemoVocabulary.bodies[bodyIndex]
        var categories = [rng.pick(body.categories)]
        if rng.chance(0.3) {
            let second = rng.pick(DemoVocabulary.categories)
            if !categories.contains(second) { categories.append(second) }
        }
        let isGroup = rng.chance(0.03)
        let group = rng.pick(DemoVocabulary.groups)
        let complainant =
            isGroup
            ? party(name: language == "ko" ? group.1 : group.0, index: index, rng: &rng)
            : party(name: personName(language, &rng), index: index, rng: &rng)
        let representative =
            rng.chance(0.08) ? party(name: personName(language, &rng), index: index + 1, rng: &rng) : nil
        let summary = summaryText(category: categories[0], body: body, language: language, rng: &rng)

        // Arrival: spread over the span in case order; web forms at any hour, the rest in
        // office hours.
        var receivedOn = asOf - (span - 1) + index * span / cases
        if !calendar.isWorkingDay(receivedOn), channel != "web", rng.chance(0.8) {
            receivedOn = calendar.rollForward(receivedOn)
        }
        if receivedOn > asOf { receivedOn = asOf }
        let minute = channel == "web" ? rng.int(in: 0...(24 * 60 - 1)) : rng.int(in: (9 * 60)...(18 * 60 - 1))
        let receivedAt = instant(receivedOn, minute: minute)
        let urgent = rng.chance(0.05)
        let incidentDate = receivedOn - (rng.chance(0.04) ? rng.int(in: 370...600) : rng.int(in: 1...120))

        var walk = Walk(office: self, rng: rng)
        walk.run(receivedOn: receivedOn, receivedAt: receivedAt, urgent: urgent, channel: channel)
        return DemoCase(
            index: index, receivedAt: receivedAt, receivedOn: receivedOn, channel: channel, language: language,
            complainant: complainant, groupSize: isGroup ? walk.rng.int(in: 5...240) : nil,
            representative: representative, bodyIndex: bodyIndex, categories: categories, summary: summary,
            incidentDate: incidentDate, urgent: urgent, confidential: walk.rng.chance(0.1), steps: walk.steps)
    }

    /// The instant of `minute` past midnight, office time, on `date`.
    func instant(_ date: LocalDate, minute: Int) -> Date {
        let local = Double(date.dayNumber * 86_400 + minute * 60)
        let guess = Date(timeIntervalSince1970: local)
        return Date(timeIntervalSince1970: local - Double(calendar.timeZone.secondsFromGMT(for: guess)))
    }

    private func personName(_ language: String, _ rng: inout SeededGenerator) -> String {
        language == "ko"
            ? rng.pick(DemoVocabulary.koreanFamilyNames) + rng.pick(DemoVocabulary.koreanGivenNames)
            : rng.pick(DemoVocabulary.englishGivenNames) + " " + rng.pick(DemoVocabulary.englishFamilyNames)
    }

    private func party(name: String, index: Int, rng: inout SeededGenerator) -> DemoParty {
        let preference = rng.pick([("email", 70), ("post", 15), ("phone", 15)])
        let hasEmail = preference == "email" || rng.chance(0.4)
        return DemoParty(
            name: name,
            email: hasEmail ? "complainant\(index)@mail.demo.example" : nil,
            phone: preference == "phone" || rng.chance(0.5)
                ? "010-\(rng.int(in: 1000...9999))-\(rng.int(in: 1000...9999))" : nil,
            postalAddress: "\(rng.int(in: 1...300)) \(rng.pick(DemoVocabulary.places).0), Gwangju",
            contactPreference: preference)
    }

    private func summaryText(category: String, body: DemoVocabulary.Body, language: String, rng: inout SeededGenerator)
        -> String
    {
        let template = rng.pick(DemoVocabulary.summaries[category] ?? DemoVocabulary.summaries["right_to_remedy"]!)
        let place = rng.pick(DemoVocabulary.places)
        let bodyName = body.name
        var text = language == "ko" ? template.ko : template.en
        for (slot, value) in [
            ("{place}", language == "ko" ? place.1 : place.0), ("{body}", bodyName),
            ("{n}", String(rng.int(in: 2...40))), ("{weeks}", String(rng.int(in: 2...12))),
        ] {
            text = text.replacingOccurrences(of: slot, with: value)
        }
        return text
    }
}

/// Walks one case through the lifecycle, drawing how long each stage takes, until the office's date.
private struct Walk {
    let office: DemoOffice
    var rng: SeededGenerator
    var steps: [DemoStep] = []
    /// The state and remedy items as the steps so far leave them.
    var progress = DemoProgress()
    var state: CaseState { progress.state }
    /// The date the case closed, by hand or by itself when its last remedy item was finished.
    var closedOn: LocalDate?
    /// Set once a step would fall after the office's date: the case stays where it is.
    var stopped = false
    /// The date a complainant withdraws, for the few who do.
    var withdrawOn: LocalDate?
    var assignee = "intake1"
    /// Whether the case runs on the urgent profile (its allowances are halved).
    var urgent = false

    init(office: DemoOffice, rng: SeededGenerator) {
        self.office = office
        self.rng = rng
    }

    var calendar: WorkCalendar { office.calendar }

    /// `n` working days after `date`.
    func wd(_ date: LocalDate, _ n: Int) -> LocalDate { calendar.busdayOffset(date, n) }

    /// Records `action` on `date` unless that is after the office's date (or the complainant has
    /// withdrawn by then); returns whether it was recorded.
    @discardableResult
    mutating func record(_ date: LocalDate, by actor: String? = nil, _ action: DemoAction) -> Bool {
        guard !stopped else { return false }
        if let withdraw = withdrawOn, withdraw < date, withdraw <= office.asOf, state.isOpen {
            let data = MoveData(outcome: .withdrawn, reason: "The complainant withdrew the complaint.")
            append(withdraw, assignee, .move(Move(from: state, to: .closed, data: data)))
            stopped = true
            return false
        }
        guard date <= office.asOf else {
            stopped = true
            return false
        }
        append(date, actor ?? assignee, action)
        return true
    }

    private mutating func append(_ date: LocalDate, _ actor: String, _ action: DemoAction) {
        var minute = rng.int(in: (9 * 60)...(17 * 60))
        if let last = steps.last, last.on == date {
            let lastMinute =
                Int(last.at.timeIntervalSince1970 - office.instant(date, minute: 0).timeIntervalSince1970) / 60
            minute = max(minute, lastMinute + 1)
        }
        let date = max(date, steps.last?.on ?? date)
        steps.append(DemoStep(at: office.instant(date, minute: minute), on: date, actor: actor, action: action))
        progress.apply(action)
        if state == .closed, closedOn == nil { closedOn = date }
    }

    @discardableResult
    mutating func move(_ date: LocalDate, to: CaseState, _ data: MoveData = MoveData(), by actor: String? = nil) -> Bool
    {
        record(date, by: actor, .move(Move(from: state, to: to, data: data)))
    }

    mutating func run(receivedOn: LocalDate, receivedAt: Date, urgent: Bool, channel: String) {
        self.urgent = urgent
        if rng.chance(0.03) { withdrawOn = receivedOn + rng.int(in: 5...200) }
        let caseworkers = DemoVocabulary.caseworkers
        let supervisor = rng.pick(DemoVocabulary.supervisors)
        let unassigned = rng.chance(0.03)
        let chosen = rng.pick(caseworkers)

        // Acknowledgement: usually within the 3 working days, sometimes late.
        let ackDays = urgent ? rng.pick([(1, 80), (2, 20)]) : rng.pick([(1, 40), (2, 35), (3, 17), (4, 5), (5, 3)])
        let acknowledged = wd(receivedOn, ackDays)
        if !unassigned {
            guard record(acknowledged, by: supervisor, .assign(chosen)) else { return }
            assignee = chosen
        }
        guard record(acknowledged, .acknowledge) else { return }

        // Triage, perhaps waiting on the complainant, perhaps extended.
        var t = acknowledged
        var extra = 0
        if rng.chance(0.12) {
            let asked = wd(t, rng.int(in: 1...5))
            guard move(asked, to: .awaitingInfo) else { return }
            let answered = wd(asked, rng.int(in: 2...14))
            guard move(answered, to: .triage) else { return }
            extra += calendar.busdayCount(from: asked, to: answered)
            t = answered
        }
        if rng.chance(0.08) {
            let on = max(t, wd(receivedOn, 8 + extra))
            guard
                record(
                    on, by: supervisor,
                    .extend(
                        .triage, amount: 5, reason: "The respondent's records were needed to decide admissibility.",
                        consent: false))
            else { return }
            extra += 5
            t = on
        }
        let decided = max(t, wd(receivedOn, rng.int(in: 4...13) + extra + (rng.chance(0.1) ? rng.int(in: 1...8) : 0)))
        let route = rng.pick([(CaseState.closed, 30), (.earlyResolution, 25), (.mediation, 12), (.investigation, 33)])
        switch route {
        case .closed:
            let outcome = rng.pick([
                (Outcome.outOfJurisdiction, 30), (.premature, 25), (.insufficientInformation, 12), (.discretionary, 10),
                (.duplicate, 5), (.outOfTime, 8), (.parallelProceedings, 5), (.transferred, 5),
            ])
            move(
                decided, to: .closed,
                MoveData(
                    outcome: outcome,
                    reason: outcome.needsReason ? "Referred to the body that handles this matter." : nil))
        case .earlyResolution:
            guard move(decided, to: .earlyResolution) else { return }
            earlyResolution(from: decided)
        case .mediation:
            mediation(from: decided)
        default:
            guard move(decided, to: .investigation) else { return }
            investigation(from: decided)
        }
        complainantUpdates(from: receivedOn)
    }

    mutating func earlyResolution(from t: LocalDate) {
        let end = wd(t, rng.int(in: 3...16))
        switch rng.pick([(0, 70), (1, 20), (2, 10)]) {
        case 0:
            guard move(end, to: .decided, MoveData(outcome: .earlyResolution)) else { return }
            move(wd(end, rng.int(in: 2...10)), to: .closed, MoveData(outcome: .earlyResolution))
        case 1:
            guard move(end, to: .investigation) else { return }
            investigation(from: end)
        default:
            move(end, to: .closed, MoveData(outcome: .earlyResolution))
        }
    }

    /// Mediation offered on `t`: both parties answer within the acceptance clock (or one
    /// declines), sessions, then a settlement, a failure, arbitration or withdrawal.
    mutating func mediation(from t: LocalDate) {
        let mediator = rng.pick(DemoVocabulary.caseworkers)
        guard record(t, .mediationOffered(mediator: mediator)) else { return }
        // Both answer within the acceptance clock (10 working days; 5 when urgent).
        let first = wd(t, urgent ? rng.int(in: 1...2) : rng.int(in: 1...6))
        if rng.chance(0.15) {
            let party: DisputeParty = rng.chance(0.4) ? .complainant : .respondent
            guard record(first, .mediationAnswered(party, accepts: false)) else { return }
            let on = wd(first, rng.int(in: 1...4))
            guard move(on, to: .investigation) else { return }
            investigation(from: on)
            return
        }
        let second = wd(first, urgent ? rng.int(in: 0...2) : rng.int(in: 0...3))
        guard record(first, .mediationAnswered(.complainant, accepts: true)),
            record(second, .mediationAnswered(.respondent, accepts: true))
        else { return }
        let end = wd(second, rng.int(in: 10...45))
        var session = second
        for _ in 0..<rng.pick([(1, 50), (2, 35), (3, 15)]) {
            session = min(end, wd(session, rng.int(in: 3...12)))
            guard
                record(
                    session, .mediationSession(place: rng.pick(DemoVocabulary.mediationPlaces), mediator: mediator))
            else { return }
        }
        switch rng.pick([(0, 50), (1, 35), (2, 10), (3, 5)]) {
        case 0:
            let items = remedySpecs(count: rng.pick([(1, 55), (2, 35), (3, 10)]))
            let terms = items.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
            guard
                record(end, .decision(DemoDecision(kind: .settlement, outcome: .settled, text: terms, items: items)))
            else { return }
            remedies(items, proposed: false, from: end)
        case 1:
            guard
                record(
                    end, .mediationFailed(reason: "The parties could not agree on the remedy.", then: .investigation))
            else { return }
            guard move(end, to: .investigation) else { return }
            investigation(from: end)
        case 2:
            // Both parties consent to arbitration; a panel, a hearing, then the award.
            guard record(end, .mediationFailed(reason: "The parties asked for arbitration.", then: .arbitration))
            else { return }
            let consented = wd(end, rng.int(in: 1...5))
            guard record(consented, .arbitrationConsent(.complainant)),
                record(wd(consented, rng.int(in: 0...5)), .arbitrationConsent(.respondent))
            else { return }
            let panel = wd(consented, rng.int(in: 8...25))
            var roster = DemoVocabulary.arbitrators
            let arbitrators = (0..<3).map { _ in roster.remove(at: rng.int(in: 0...(roster.count - 1))) }
            guard record(panel, .arbitratorsAppointed(arbitrators)) else { return }
            let scheduled = wd(panel, rng.int(in: 2...10))
            let held = wd(scheduled, rng.int(in: 10...30))
            guard
                record(
                    scheduled,
                    .arbitrationHearing(
                        at: office.instant(held, minute: 10 * 60), place: rng.pick(DemoVocabulary.mediationPlaces)))
            else { return }
            guard record(wd(held, rng.int(in: 0...5)), .arbitrationHearingClosed) else { return }
            let award = wd(held, rng.int(in: 8...30))
            let binding = rng.chance(0.6)
            let items = remedySpecs(count: rng.pick([(1, 60), (2, 40)]))
            guard
                record(
                    award,
                    .decision(
                        DemoDecision(
                            kind: .award, outcome: .award,
                            text: "The panel awards the remedies set out in its decision.", binding: binding,
                            items: items)))
            else { return }
            remedies(items, proposed: !binding, from: award)
        default:
            move(
                end, to: .closed,
                MoveData(outcome: .withdrawn, reason: "The complainant withdrew after the respondent's offer."))
        }
    }

    mutating func investigation(from start: LocalDate) {
        var t = start
        var extra = 0
        // Most respondents answer within the 20 working days; some late, a few not at all.
        if rng.chance(0.85) {
            let answered = wd(start, rng.pick([(rng.int(in: 5...19), 80), (rng.int(in: 21...35), 20)]))
            guard record(answered, .respondentResponded) else { return }
            t = answered
        }
        if rng.chance(0.13) {
            let detour: CaseState = rng.chance(0.4) ? .onHold : .awaitingInfo
            let away = wd(t, rng.int(in: 5...30))
            guard move(away, to: detour) else { return }
            let back = wd(away, detour == .onHold ? rng.int(in: 20...80) : rng.int(in: 3...13))
            guard move(back, to: .investigation) else { return }
            extra += calendar.busdayCount(from: away, to: back)
            t = back
        }
        if rng.chance(0.15) {
            let on = max(t, wd(start, rng.int(in: 45...58) + extra))
            guard
                record(
                    on, by: "ombudsperson",
                    .extend(
                        .investigation, amount: 30, reason: "Further evidence from the respondent is needed.",
                        consent: false))
            else { return }
            extra += 30
            t = on
        }
        let end = max(t, wd(start, rng.int(in: 30...68) + extra + (rng.chance(0.15) ? rng.int(in: 1...30) : 0)))
        let outcome = rng.pick([(Outcome.upheld, 35), (.partlyUpheld, 30), (.notUpheld, 35)])
        let items = outcome == .notUpheld ? [] : remedySpecs(count: rng.pick([(1, 55), (2, 30), (3, 15)]))
        guard
            record(
                end,
                .decision(
                    DemoDecision(
                        kind: .decision, outcome: outcome,
                        text: Self.findings[outcome] ?? "The complaint was examined.",
                        items: items)))
        else { return }
        if outcome == .notUpheld {
            move(wd(end, rng.int(in: 3...15)), to: .closed, MoveData(outcome: outcome))
        } else {
            remedies(items, proposed: true, from: end)
        }
    }

    /// `count` remedy items of the kinds an office recommends, in proportion.
    mutating func remedySpecs(count: Int) -> [RemedySpec] {
        (0..<count).map { _ in
            let kind = rng.pick([
                (RemedyKind.apology, 25), (.explanation, 10), (.decisionRetaken, 12), (.recordAmended, 8),
                (.financial, 7), (.stopViolation, 5), (.serviceProvided, 10), (.training, 10),
                (.preventiveMeasure, 5), (.policyChange, 5), (.othersAffected, 3),
            ])
            let amount =
                kind == .financial
                ? try! Money(amount: String(rng.int(in: 5...300) * 10_000), currency: "KRW") : nil
            return try! RemedySpec(kind: kind, text: Self.remedyText[kind] ?? kind.rawValue, amount: amount)
        }
    }

    /// After a decision with `count` items (proposed, or agreed already): the respondent's
    /// answers, then for each accepted item evidence and the office's verdict (on time, late,
    /// in part) or a finding that it was not implemented, in date order, up to the office's date.
    /// The case moves on by itself: to `remedy` once every item is answered, to `closed` once
    /// every item is finished.
    mutating func remedies(_ items: [RemedySpec], proposed: Bool, from t: LocalDate) {
        let count = items.count
        var events: [(on: LocalDate, action: DemoAction)] = []
        var accepted = t
        var acceptedItems = Array(1...count)
        if proposed {
            // The reply is due in 30 calendar days; some respondents are late, a few very late.
            let replyDays = rng.pick([
                (rng.int(in: 7...29), 75), (rng.int(in: 31...50), 18), (rng.int(in: 60...150), 7),
            ])
            accepted = calendar.rollForward(t + replyDays)
            acceptedItems = []
            for item in 1...count {
                let accepts = rng.chance(0.9)
                events.append((accepted, .remedyAnswered(item: item, accepts: accepts)))
                if accepts { acceptedItems.append(item) }
            }
        }
        for item in acceptedItems {
            let due: LocalDate
            switch items[item - 1].scale {
            case .personal: due = wd(accepted, 20)
            case .service: due = accepted.adding(months: 3)
            case .systemic: due = accepted.adding(months: 6)
            }
            let span = max(1, due - accepted)
            // Most items are carried out, a quarter of them late; some are not.
            switch rng.pick([(0, 88), (1, 12)]) {
            case 0:
                let percent = rng.int(in: 30...95)
                let latePercent = rng.int(in: 105...200)
                let evidence = calendar.rollForward(accepted + max(1, span * percent / 100))
                let lateEvidence = calendar.rollForward(accepted + max(1, span * latePercent / 100))
                let isLate = rng.chance(0.25)
                let on = isLate ? max(lateEvidence, calendar.rollForward(due + 1)) : min(evidence, due)
                events.append((on, .remedyEvidence(item: item)))
                let verdict: RemedyAction = rng.chance(0.08) ? .verifyPartial : .verify
                events.append((wd(on, rng.int(in: 2...12)), .remedyVerdict(item: item, verdict)))
            default:
                events.append((wd(due, rng.int(in: 5...40)), .remedyVerdict(item: item, .notImplemented)))
            }
        }
        for event in events.enumerated().sorted(by: { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }) {
            guard record(event.element.on, event.element.action) else { return }
        }
    }

    /// Progress updates to the complainant about every 20 working days while the case is open.
    mutating func complainantUpdates(from received: LocalDate) {
        let until = min(closedOn ?? office.asOf, office.asOf)
        var updates: [DemoStep] = []
        var date = wd(received, rng.int(in: 14...24))
        while date < until {
            updates.append(
                DemoStep(
                    at: office.instant(date, minute: 17 * 60 + 30), on: date, actor: assignee,
                    action: .complainantUpdated))
            date = wd(date, rng.int(in: 14...24))
        }
        guard !updates.isEmpty else { return }
        // Keep date order; an update goes after the day's other steps.
        steps = (steps + updates).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
            \.element)
    }

    static let remedyText: [RemedyKind: String] = [
        .apology: "A written apology from a senior, accountable officer.",
        .explanation: "A full explanation of the decision and how it was reached.",
        .decisionRetaken: "The decision is taken again, lawfully, by a different officer.",
        .recordAmended: "The complainant's record is corrected.",
        .financial: "A payment for time and trouble.",
        .stopViolation: "The practice complained of stops at once.",
        .serviceProvided: "The service is provided as the ordinance requires.",
        .training: "Staff of the team are trained on the duties concerned.",
        .preventiveMeasure: "A check is added so the failure does not recur.",
        .policyChange: "The policy is revised after consultation.",
        .othersAffected: "Others affected in the same way are identified and offered the same remedy.",
    ]

    static let findings: [Outcome: String] = [
        .upheld: "The body failed in its duty to the complainant; the complaint is upheld.",
        .partlyUpheld: "The body failed in part of what the complainant raised; the complaint is partly upheld.",
        .notUpheld: "The body acted within its duties; the complaint is not upheld.",
    ]
}
