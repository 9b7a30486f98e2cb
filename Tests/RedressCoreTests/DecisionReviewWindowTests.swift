import Foundation
import RedressCore
import Testing

/// The window for asking for a review of a decision, counted on the office calendar as clocks
/// count, and who may accept a late request or review.
@Suite("Review of a decision")
struct DecisionReviewWindowTests {
    /// Monday to Friday with the Korean holidays of May 2026 (Children's Day, the substitute
    /// holiday for Buddha's Birthday).
    static let calendar = try! WorkCalendar(
        timeZone: "Asia/Seoul", weekMask: .mondayToFriday,
        holidays: [
            Holiday(date: LocalDate(iso: "2026-05-05")!, name: "Children's Day", calendar: "KR"),
            Holiday(date: LocalDate(iso: "2026-05-25")!, name: "Buddha's Birthday (substitute)", calendar: "KR"),
        ])

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test("20 working days by default, skipping weekends and holidays")
    func defaultWindow() {
        #expect(Policy.default.reviewWindow == .workingDays(20))
        // Wed 04-01: 04-02, 03 (2), 06..10 (7), 13..17 (12), 20..24 (17), 27, 28, 29 (20).
        #expect(
            DecisionReview.windowCloses(
                decidedOn: Self.date("2026-04-01"), window: Policy.default.reviewWindow, calendar: Self.calendar)
                == Self.date("2026-04-29"))
        // Thu 04-30: 05-01 (1), 04 (2), [05-05], 06..08 (5), 11..15 (10), 18..22 (15), [05-25],
        // 26..29 (19), 06-01 (20).
        #expect(
            DecisionReview.windowCloses(
                decidedOn: Self.date("2026-04-30"), window: .workingDays(20), calendar: Self.calendar)
                == Self.date("2026-06-01"))
        // A decision on a Saturday counts from the Monday after, as a clock started that day does.
        #expect(
            DecisionReview.windowCloses(
                decidedOn: Self.date("2026-04-04"), window: .workingDays(1), calendar: Self.calendar)
                == Self.date("2026-04-07"))
    }

    @Test("The window agrees with a review clock started on the decision's day")
    func windowMatchesTheClock() {
        for iso in ["2026-04-01", "2026-04-30", "2026-05-04", "2026-05-22"] {
            let decided = Self.date(iso)
            // Noon in Seoul on that day.
            let clock = Policy.default.makeClock(
                kind: .review,
                startInstant: Date(timeIntervalSince1970: Double(decided.dayNumber * 86_400 + 3 * 3_600)),
                calendar: Self.calendar)
            #expect(
                DecisionReview.windowCloses(decidedOn: decided, window: .workingDays(20), calendar: Self.calendar)
                    == clock.dueDate(on: Self.calendar), "\(iso)")
        }
    }

    @Test("Calendar-day and month windows roll forward to a working day")
    func otherUnits() {
        // 04-01 + 30 days = Fri 05-01.
        #expect(
            DecisionReview.windowCloses(
                decidedOn: Self.date("2026-04-01"), window: .calendarDays(30), calendar: Self.calendar)
                == Self.date("2026-05-01"))
        // 04-05 + 1 month = Tue 05-05, a holiday: Wed 05-06.
        #expect(
            DecisionReview.windowCloses(decidedOn: Self.date("2026-04-05"), window: .months(1), calendar: Self.calendar)
                == Self.date("2026-05-06"))
    }

    @Test("In time on the last day; late only with a reason, accepted by the ombudsperson")
    func lateRequests() throws {
        let decided = Self.date("2026-04-01")
        let closes = Self.date("2026-04-29")
        #expect(
            try DecisionReview.checkRequest(
                requestedOn: closes, decidedOn: decided, closes: closes, lateReason: nil, byOmbudsperson: false)
                == false)
        #expect(throws: ReviewError.outOfTime(closed: closes)) {
            try DecisionReview.checkRequest(
                requestedOn: closes + 1, decidedOn: decided, closes: closes, lateReason: nil, byOmbudsperson: true)
        }
        #expect(throws: ReviewError.outOfTime(closed: closes)) {
            try DecisionReview.checkRequest(
                requestedOn: closes + 1, decidedOn: decided, closes: closes, lateReason: " ", byOmbudsperson: true)
        }
        #expect(throws: ReviewError.lateNeedsOmbudsperson(closed: closes)) {
            try DecisionReview.checkRequest(
                requestedOn: closes + 1, decidedOn: decided, closes: closes, lateReason: "ill", byOmbudsperson: false)
        }
        #expect(
            try DecisionReview.checkRequest(
                requestedOn: closes + 1, decidedOn: decided, closes: closes, lateReason: "ill", byOmbudsperson: true))
        #expect(throws: ReviewError.beforeDecision(decidedOn: decided)) {
            try DecisionReview.checkRequest(
                requestedOn: decided - 1, decidedOn: decided, closes: closes, lateReason: nil, byOmbudsperson: true)
        }
        #expect(ReviewError.outOfTime(closed: closes).kind == .refused)
    }

    @Test("The reviewer did not take the decision")
    func reviewer() throws {
        try DecisionReview.checkReviewer("lee", decidedBy: "park")
        #expect(throws: ReviewError.reviewerTookDecision("park")) {
            try DecisionReview.checkReviewer("park", decidedBy: "park")
        }
    }

    @Test("A policy stored before the review clock existed takes the default rule and window")
    func olderPolicyDocuments() throws {
        var object =
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(Policy.default)) as! [String: Any]
        object["rules"] = (object["rules"] as! [[String: Any]]).filter { $0["kind"] as? String != "review" }
        object.removeValue(forKey: "review_window")
        let decoder = JSONDecoder()
        let policy = try decoder.decode(Policy.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(policy.rule(for: .review).allowance == .workingDays(20))
        #expect(policy.reviewWindow == .workingDays(20))
        let changed = try Policy(
            version: 2, effectiveFrom: Self.date("2027-01-01"), rules: Policy.default.rules,
            pausedClocks: Policy.default.pausedClocks, reviewWindow: .workingDays(30))
        let again = try decoder.decode(Policy.self, from: try JSONEncoder().encode(changed))
        #expect(again.reviewWindow == .workingDays(30))
    }
}
