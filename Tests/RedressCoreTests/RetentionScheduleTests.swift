import Foundation
import RedressCore
import Testing

@Suite("Retention schedule")
struct RetentionScheduleTests {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test(
        arguments: [
            (Outcome.outOfJurisdiction, false, nil, "2020-03-31", "2021-03-31"),
            (.notUpheld, false, nil, "2020-03-31", "2023-03-31"),
            (.upheld, false, nil, "2020-03-31", "2030-03-31"),
            (.partlyUpheld, false, nil, "2020-02-29", "2030-02-28"),
            (.settled, true, "2021-06-01", "2020-03-31", "2031-06-01"),
            (.notUpheld, true, "2019-01-01", "2020-03-31", "2030-03-31"),
            (.withdrawn, false, nil, "2020-03-31", "2025-03-31"),
        ] as [(Outcome, Bool, String?, String, String)])
    func theDefaultKeepsEachClassItsYears(
        _ outcome: Outcome, _ remedies: Bool, _ lastRemedy: String?, _ closed: String, _ until: String
    ) {
        let kept = RetentionSchedule.default.retainedUntil(
            closedOn: Self.date(closed), outcome: outcome, hasRemedies: remedies,
            lastRemedyEndedOn: lastRemedy.map(Self.date))
        #expect(kept == Self.date(until))
    }

    @Test func noPeriodBelowTheStatutoryMinimum() throws {
        #expect(throws: PolicyError.retentionBelowMinimum("out_of_jurisdiction", years: 1, minimum: 2)) {
            try RetentionSchedule(years: [:], statutoryMinimumYears: 2)
        }
        #expect(throws: PolicyError.negativeAllowance("statutory minimum", -1)) {
            try RetentionSchedule(years: [:], statutoryMinimumYears: -1)
        }
        let longer = try RetentionSchedule(years: [.outOfJurisdiction: 2], statutoryMinimumYears: 2)
        #expect(longer.years[.other] == 5)
    }

    @Test func aPolicyWithoutASchedulePicksUpTheDefault() throws {
        var document = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Policy.default)) as! [String: Any]
        #expect(document["retention"] != nil)
        document.removeValue(forKey: "retention")
        let decoded = try JSONDecoder().decode(Policy.self, from: JSONSerialization.data(withJSONObject: document))
        #expect(decoded.retention == .default)
        let schedule = try RetentionSchedule(years: [.notUpheld: 4], statutoryMinimumYears: 1)
        let again = try JSONDecoder().decode(RetentionSchedule.self, from: JSONEncoder().encode(schedule))
        #expect(again == schedule)
    }
}
