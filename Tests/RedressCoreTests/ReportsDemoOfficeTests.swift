import Foundation
import Testing

@testable import RedressCore

@Suite("Demo office: synthetic cases")
struct ReportsDemoOfficeTests {
    static let asOf = d("2026-03-16")
    static let office = try! DemoOffice(seed: 7, asOf: asOf, cases: 3000)
    static let cases = (0..<3000).map { office.makeCase($0) }

    @Test func sameSeedSameOffice() throws {
        let again = try DemoOffice(seed: 7, asOf: Self.asOf, cases: 3000)
        for index in [0, 1, 17, 2999] {
            #expect(again.makeCase(index) == Self.cases[index])
        }
        let other = try DemoOffice(seed: 8, asOf: Self.asOf, cases: 3000)
        #expect((0..<20).filter { other.makeCase($0) == Self.cases[$0] }.isEmpty)
    }

    @Test func generatorIsFixedBySeedAlone() {
        var a = SeededGenerator(seed: 42, index: 3)
        var b = SeededGenerator(seed: 42, index: 3)
        var c = SeededGenerator(seed: 42, index: 4)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var range = SeededGenerator(seed: 1)
        let draws = (0..<10_000).map { _ in range.int(in: 3...7) }
        #expect(Set(draws) == [3, 4, 5, 6, 7])
        // A pinned value: the sequence must not change with the toolchain.
        var pinned = SeededGenerator(seed: 0)
        #expect(pinned.next() == 0xE220_A839_7B1D_CDAF)
    }

    /// Every case walks the lifecycle legally, from `received`, with the data each move needs,
    /// in time order, and nothing after the office's date.
    @Test func everyCaseFollowsTheLifecycle() throws {
        try Self.expectLegalWalks(Self.cases, of: Self.office)
        // Cases arrive in order over the year.
        #expect(Self.cases.first!.receivedOn <= Self.asOf - 360)
        #expect(zip(Self.cases, Self.cases.dropFirst()).allSatisfy { $0.receivedOn <= $1.receivedOn + 8 })
    }

    /// Ten years of complaints: receipts spread evenly over the 3,650 days up to the office's
    /// date, every case's walk as legal as in a one-year office and nothing after the office's
    /// date; the calendar holds holidays for every year a case reaches. One year is the office
    /// as it always was.
    @Test func tenYearsSpreadReceiptsEvenlyAndWalkLegally() throws {
        let office = try DemoOffice(seed: 7, asOf: Self.asOf, cases: 2000, years: 10)
        #expect(office.years == 10)
        #expect(office.span == 3650)
        let cases = (0..<2000).map { office.makeCase($0) }
        try Self.expectLegalWalks(cases, of: office)
        let first = Self.asOf - 3649
        #expect(cases.first!.receivedOn >= first && cases.first!.receivedOn <= first + 7)
        #expect(cases.last!.receivedOn >= Self.asOf - 5)
        #expect(zip(cases, cases.dropFirst()).allSatisfy { $0.receivedOn <= $1.receivedOn + 8 })
        // Each 365-day stretch of the ten has about a tenth of the cases.
        var perStretch = Array(repeating: 0, count: 10)
        for demo in cases { perStretch[min(9, (demo.receivedOn - first) / 365)] += 1 }
        #expect(perStretch.allSatisfy { (190...210).contains($0) }, "\(perStretch)")
        // Every calendar year from the first receipt's to the office's has cases and holidays.
        let years = Set(cases.map(\.receivedOn.year))
        #expect(years == Set(first.year...Self.asOf.year))
        let holidayYears = Set(office.calendar.holidays.map(\.date.year))
        #expect(Set((first.year - 1)...(Self.asOf.year + 1)).isSubset(of: holidayYears))
        #expect(DemoOffice.holidayYears(asOf: Self.asOf, years: 10) == 2015...2027)
        // The old years are done: almost every case of the first eight years is closed.
        let early = cases.filter { $0.receivedOn < first + 8 * 365 }
        let closed = early.filter { demo in
            var progress = DemoProgress()
            for step in demo.steps { progress.apply(step.action) }
            return progress.state == .closed
        }
        #expect(closed.count * 100 >= early.count * 98, "\(closed.count) of \(early.count) closed")

        // One year is the office of old, case for case, with the same holidays.
        let oneYear = try DemoOffice(seed: 7, asOf: Self.asOf, cases: 3000, years: 1)
        #expect(oneYear.calendar.holidays == Self.office.calendar.holidays)
        #expect(DemoOffice.holidayYears(asOf: Self.asOf) == 2024...2027)
        for index in [0, 1, 17, 1500, 2999] {
            #expect(oneYear.makeCase(index) == Self.cases[index])
        }
        // Another number of years is another office.
        let twoYears = try DemoOffice(seed: 7, asOf: Self.asOf, cases: 3000, years: 2)
        #expect(twoYears.makeCase(0).receivedOn == Self.asOf - 729)
    }

    static func expectLegalWalks(_ cases: [DemoCase], of office: DemoOffice) throws {
        let asOf = office.asOf
        for demo in cases {
            var progress = DemoProgress()
            var previous = demo.receivedAt
            var items: [RemedyItem] = []
            for step in demo.steps {
                #expect(step.on <= asOf)
                #expect(step.at >= previous, "case \(demo.index): steps out of order")
                #expect(office.calendar.localDate(of: step.at) == step.on)
                previous = step.at
                let state = progress.state
                #expect(state.isOpen, "case \(demo.index): a step after closing")
                switch step.action {
                case .acknowledge:
                    #expect(state == .received)
                case let .move(move):
                    #expect(move.from == state, "case \(demo.index): move from \(move.from) while \(state)")
                    try Lifecycle.validate(move)
                case .mediationOffered:
                    #expect(Mediation.offerableStates.contains(state))
                case .mediationAnswered, .mediationSession, .mediationFailed, .arbitrationConsent:
                    #expect(state == .mediation)
                case .arbitratorsAppointed, .arbitrationHearing, .arbitrationHearingClosed:
                    #expect(state == .arbitration)
                case let .decision(decision):
                    #expect(state == decision.kind.fromState)
                    if decision.kind == .decision, decision.outcome != .notUpheld { #expect(!decision.items.isEmpty) }
                    items = decision.items.enumerated().map {
                        RemedyItem(number: $0.offset + 1, spec: $0.element, state: decision.initialItemState)
                    }
                case let .remedyAnswered(number, accepts):
                    _ = try items[number - 1].perform(
                        accepts ? .accept : .reject, at: step.at, calendar: office.calendar, text: "reasons")
                case let .remedyEvidence(number):
                    _ = try items[number - 1].perform(
                        .evidence, at: step.at, calendar: office.calendar, text: "records")
                case let .remedyVerdict(number, verdict):
                    _ = try items[number - 1].perform(
                        verdict, at: step.at, calendar: office.calendar, text: "reasons")
                case .extend, .assign, .respondentResponded, .complainantUpdated:
                    break
                }
                progress.apply(step.action)
            }
            #expect(demo.receivedOn <= asOf)
            #expect(office.calendar.localDate(of: demo.receivedAt) == demo.receivedOn)
            #expect(!demo.summary.contains("{"))
        }
    }

    /// The office looks real: every state occurs, both languages, urgent cases, extensions,
    /// pauses (awaiting information, on hold), decisions and remedies.
    @Test func theOfficeCoversEveryState() {
        var states = Set<CaseState>()
        var languages = Set<String>()
        var urgent = 0
        var extensions = 0
        var remedies = 0
        var groups = 0
        for demo in Self.cases {
            var progress = DemoProgress()
            for step in demo.steps {
                switch step.action {
                case .extend: extensions += 1
                case let .decision(decision): remedies += decision.items.count
                default: break
                }
                progress.apply(step.action)
            }
            states.insert(progress.state)
            languages.insert(demo.language)
            if demo.urgent { urgent += 1 }
            if demo.groupSize != nil { groups += 1 }
        }
        #expect(states == Set(CaseState.allCases))
        #expect(languages == ["en", "ko"])
        #expect((50...300).contains(urgent))
        #expect(extensions > 100)
        #expect(remedies > 300)
        #expect(groups > 20)
    }

    @Test func holidaysAreOnePerCalendarAndDate() {
        let holidays = DemoHolidays.holidays(years: 2024...2027)
        let keys = holidays.map { "\($0.calendar) \($0.date.iso)" }
        #expect(Set(keys).count == keys.count)
        #expect(holidays.contains(Holiday(date: d("2026-09-25"), name: "Chuseok", calendar: "KR national")))
        #expect(holidays.contains { $0.date == d("2026-05-18") && $0.calendar == "Gwangju" })
    }

    @Test func vocabularyIsConsistent() {
        for body in DemoVocabulary.bodies {
            #expect(body.categories.allSatisfy(DemoVocabulary.categories.contains))
        }
        #expect(Set(DemoVocabulary.summaries.keys) == Set(DemoVocabulary.categories))
        #expect(Set(DemoVocabulary.bodies.map(\.name)).count == DemoVocabulary.bodies.count)
        #expect(Set(DemoVocabulary.staff.map(\.login)).count == DemoVocabulary.staff.count)
    }
}
