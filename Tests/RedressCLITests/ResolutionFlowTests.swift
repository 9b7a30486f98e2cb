import Foundation
import Postgres
import RedressTesting
import Testing

/// The resolution paths end to end: the built binary on a real PostgreSQL, on the Seoul
/// calendar of `useSeoulCalendar` (working days Mon–Fri; holidays 2026-03-02, 05-05, 05-25,
/// 06-03; 03-01 and 06-06 fall on a weekend). Every due date is worked out by hand in the
/// comments and compared with `case show --format json`.
@Suite struct ResolutionFlowTests {
    /// Mediation accepted by both → two sessions → settled → two remedies → evidence →
    /// verified → the case closes by itself.
    @Test func mediationSettledAndCarriedOut() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let mediator = try office.staff("med", roles: ["caseworker"])
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")

            // Offered Tue 03-03: mediation_acceptance, 10 WD: 03-04 (1), 05, 06, 09, 10, 11, 12,
            // 13, 16 (9), 17 (10) → 2026-03-17.
            try office.ok("mediation", "offer", reference, "--mediator", mediator.login, "--at", "2026-03-03")
            var shown = try office.show(reference, asOf: "2026-03-03")
            #expect(shown["status"] as? String == "mediation")
            #expect(office.clock(shown, "mediation_acceptance")["due_date"] as? String == "2026-03-17")
            var mediation = shown["mediation"] as? [String: Any] ?? [:]
            #expect(mediation["status"] as? String == "offered")
            #expect(mediation["acceptance_due_date"] as? String == "2026-03-17")

            // Both accept; the respondent last, on Fri 03-06: acceptance met; mediation, 30 WD from
            // 03-06: 03-09..13 (5), 16..20 (10), 23..27 (15), 03-30..04-03 (20), 04-06..10 (25),
            // 04-13..17 (30) → 2026-04-17.
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-04")
            shown = try office.show(reference, asOf: "2026-03-04")
            #expect(office.clock(shown, "mediation")["kind"] == nil, "no mediation clock before both accept")
            try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-06")
            shown = try office.show(reference, asOf: "2026-03-06")
            #expect(office.clock(shown, "mediation_acceptance")["status"] as? String == "met")
            #expect(office.clock(shown, "mediation_acceptance")["met_date"] as? String == "2026-03-06")
            #expect(office.clock(shown, "mediation")["due_date"] as? String == "2026-04-17")
            #expect((shown["mediation"] as? [String: Any])?["status"] as? String == "underway")

            // Two sessions.
            try office.ok(
                "mediation", "session", reference, "--time", "2026-03-12T10:00", "--place", "Gwangju City Hall, room 3",
                "--mediator", mediator.login, "--at", "2026-03-09")
            try office.ok(
                "mediation", "session", reference, "--time", "2026-03-26T14:00", "--place",
                "https://meet.example.org/hrc",
                "--mediator", mediator.login, "--at", "2026-03-13")
            mediation = try office.show(reference, asOf: "2026-03-13")["mediation"] as? [String: Any] ?? [:]
            let sessions = mediation["sessions"] as? [[String: Any]] ?? []
            #expect(
                sessions.map { $0["place"] as? String } == [
                    "Gwangju City Hall, room 3", "https://meet.example.org/hrc",
                ])
            #expect(sessions.first?["at"] as? String == "2026-03-12T01:00:00Z")

            // Settled Thu 04-02 with two terms: mediation met; the case is decided (settled), and
            // as both items are agreed at once it moves on to remedy. respondent_reply starts and is
            // met the same day: 04-02 + 30 CD = Sat 05-02 → Mon 2026-05-04. Each remedy clock
            // (personal: 20 WD) from 04-02: 04-03 (1), 04-06..10 (6), 13..17 (11), 20..24 (16),
            // 27, 28, 29, 30 (20) → 2026-04-30.
            try office.ok(
                "mediation", "settle", reference, "--term", "apology: A written apology from the director",
                "--term", "financial 300000 KRW: The deposit withheld, repaid", "--at", "2026-04-02")
            shown = try office.show(reference, asOf: "2026-04-02")
            #expect(shown["status"] as? String == "remedy")
            #expect(shown["outcome"] as? String == "settled")
            #expect(office.clock(shown, "mediation")["status"] as? String == "met")
            #expect(office.clock(shown, "mediation")["met_date"] as? String == "2026-04-02")
            #expect(office.clock(shown, "respondent_reply")["due_date"] as? String == "2026-05-04")
            #expect(office.clock(shown, "respondent_reply")["status"] as? String == "met")
            let decision = shown["decision"] as? [String: Any] ?? [:]
            #expect(decision["kind"] as? String == "settlement")
            #expect(
                decision["text"] as? String == "1. A written apology from the director\n2. The deposit withheld, repaid"
            )
            #expect((shown["mediation"] as? [String: Any])?["status"] as? String == "settled")
            for number in [1, 2] {
                #expect(office.remedy(shown, number)["state"] as? String == "accepted")
                #expect(office.clock(shown, "remedy", subject: number)["due_date"] as? String == "2026-04-30")
            }
            #expect(office.remedy(shown, 1)["kind"] as? String == "apology")
            #expect(office.remedy(shown, 2)["kind"] as? String == "financial")
            #expect((office.remedy(shown, 2)["amount"] as? [String: Any])?["amount"] as? String == "300000.00")
            #expect((office.remedy(shown, 2)["amount"] as? [String: Any])?["currency"] as? String == "KRW")

            // Evidence for item 1 on Wed 04-15: its remedy clock is met; verification, 10 WD:
            // 04-16 (1), 17 (2), 20..24 (7), 27, 28, 29 (10) → 2026-04-29. Verified Mon 04-20.
            try office.ok(
                "remedy", "evidence", reference, "1", "--description", "Copy of the signed letter", "--at", "2026-04-15"
            )
            shown = try office.show(reference, asOf: "2026-04-15")
            #expect(office.clock(shown, "remedy", subject: 1)["status"] as? String == "met")
            #expect(office.clock(shown, "verification", subject: 1)["due_date"] as? String == "2026-04-29")
            try office.ok("remedy", "verify", reference, "1", "--at", "2026-04-20")

            // Evidence for item 2 on Tue 04-28: verification, 10 WD: 04-29 (1), 30 (2), 05-01 (3),
            // 05-04 (4), [05-05 Children's Day], 05-06..08 (7), 05-11, 12, 13 (10) → 2026-05-13.
            try office.ok(
                "remedy", "evidence", reference, "2", "--description", "Bank transfer record", "--at", "2026-04-28")
            shown = try office.show(reference, asOf: "2026-04-28")
            #expect(office.clock(shown, "verification", subject: 2)["due_date"] as? String == "2026-05-13")
            #expect(shown["status"] as? String == "remedy")

            // Verified Mon 05-04: every item is finished, so the case closes by itself, settled.
            try office.ok("remedy", "verify", reference, "2", "--at", "2026-05-04")
            shown = try office.show(reference, asOf: "2026-05-04")
            #expect(shown["status"] as? String == "closed")
            #expect(shown["outcome"] as? String == "settled")
            for number in [1, 2] {
                #expect(office.remedy(shown, number)["state"] as? String == "verified")
                #expect(office.remedy(shown, number)["late"] as? Bool == false)
            }
            #expect(office.clock(shown, "verification", subject: 2)["met_date"] as? String == "2026-05-04")

            #expect(
                try office.notices(reference) == [
                    "acknowledgement/complainant", "route_decision/complainant",
                    "mediation_offer/complainant", "mediation_offer/respondent",
                    "mediation_outcome/complainant", "mediation_outcome/respondent",
                    "remedy_reminder/respondent", "remedy_reminder/respondent",
                    "decision/complainant", "decision/respondent",
                    "closure/complainant",
                ])
            // The notices carry the fields their templates use.
            let outcome = try office.noticeData(reference, "mediation_outcome", "complainant")
            #expect(outcome["settled"] as? Bool == true)
            #expect(
                (outcome["terms"] as? [[String: Any]])?.map { $0["due_date"] as? String } == [
                    "2026-04-30", "2026-04-30",
                ])
            let decided = try office.noticeData(reference, "decision", "respondent")
            #expect(decided["reply_due_date"] as? String == "2026-05-04")
            #expect(decided["outcome"] as? String == "settled")
            let reminder = try office.noticeData(reference, "remedy_reminder", "respondent")
            #expect(
                (reminder["remedies"] as? [[String: Any]])?.first?["description"] as? String
                    == "A written apology from the director")
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    /// Mediation declined by the respondent (no answer in 10 WD counts as declined) →
    /// investigation → upheld → three recommendations, one rejected with reasons, one verified
    /// late → the case closes by itself.
    @Test func mediationDeclinedThenInvestigationUpheld() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            // Offered Tue 03-03: the acceptance clock is due 2026-03-17 (as in the settled case).
            try office.ok("mediation", "offer", reference, "--at", "2026-03-03")
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-05")

            // No answer from the respondent by Tue 03-17; on Wed 03-18 the offer counts as declined.
            var shown = try office.show(reference, asOf: "2026-03-17")
            var answers = (shown["mediation"] as? [String: Any])?["answers"] as? [String: [String: Any]] ?? [:]
            #expect(answers["respondent"]?["answer"] as? String == "pending")
            shown = try office.show(reference, asOf: "2026-03-18")
            answers = (shown["mediation"] as? [String: Any])?["answers"] as? [String: [String: Any]] ?? [:]
            #expect(answers["respondent"]?["answer"] as? String == "deemed_declined")
            #expect(answers["respondent"]?["on"] as? String == "2026-03-17")
            #expect((shown["mediation"] as? [String: Any])?["status"] as? String == "declined")
            try office.refused(
                ["mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-18"],
                saying: "did not answer by 2026-03-17, so the mediation offer was deemed declined")

            // Investigation opened Wed 03-18: the lapse is recorded (acceptance met on its due
            // date, 03-17) and the outcome sent. respondent_response, 20 WD from 03-18: 03-19 (1),
            // 20 (2), 23..27 (7), 03-30..04-03 (12), 04-06..10 (17), 13, 14, 15 (20) → 2026-04-15.
            // investigation, 60 WD: 04-16, 17 (22), 20..24 (27), 04-27..05-01 (32), 05-04 (33),
            // [05-05], 06..08 (36), 11..15 (41), 18..22 (46), [05-25], 26..29 (50), 06-01, 02 (52),
            // [06-03], 04, 05 (54), 08..12 (59), 15 (60) → 2026-06-15.
            try office.ok("investigation", "open", reference, "--at", "2026-03-18")
            shown = try office.show(reference, asOf: "2026-03-18")
            #expect(shown["status"] as? String == "investigation")
            #expect(office.clock(shown, "mediation_acceptance")["status"] as? String == "met")
            #expect(office.clock(shown, "mediation_acceptance")["met_date"] as? String == "2026-03-17")
            #expect(office.clock(shown, "respondent_response")["due_date"] as? String == "2026-04-15")
            #expect(office.clock(shown, "investigation")["due_date"] as? String == "2026-06-15")
            try office.ok(
                "investigation", "response", reference, "--note", "The corporation denies any fault", "--at",
                "2026-04-10")
            shown = try office.show(reference, asOf: "2026-04-10")
            #expect(office.clock(shown, "respondent_response")["status"] as? String == "met")

            // Decision Mon 05-11, upheld, three recommendations: investigation met; respondent_reply,
            // 05-11 + 30 CD = Wed 2026-06-10.
            try office.ok(
                "investigation", "decide", reference, "--outcome", "upheld", "--findings",
                "The eviction notice was unlawful.",
                "--recommend", "apology: Apologise in writing",
                "--recommend", "policy_change: Revise the eviction notice procedure",
                "--recommend", "record_amended: Correct the tenancy record", "--at", "2026-05-11")
            shown = try office.show(reference, asOf: "2026-05-11")
            #expect(shown["status"] as? String == "decided")
            #expect(shown["outcome"] as? String == "upheld")
            #expect(office.clock(shown, "investigation")["status"] as? String == "met")
            #expect(office.clock(shown, "respondent_reply")["due_date"] as? String == "2026-06-10")
            #expect(
                (1...3).map { office.remedy(shown, $0)["state"] as? String } == ["proposed", "proposed", "proposed"])
            #expect(office.remedy(shown, 2)["systemic"] as? Bool == true)

            // The respondent accepts 1 (Wed 05-13), rejects 2 (reasons needed), accepts 3 (Thu
            // 05-14): respondent_reply met 05-14, the case moves to remedy. Item 1 (personal,
            // 20 WD from 05-13): 05-14, 15 (2), 18..22 (7), [05-25], 26..29 (11), 06-01, 02 (13),
            // [06-03], 04, 05 (15), 08..12 (20) → 2026-06-12. Item 3 from 05-14: 05-15 (1),
            // 18..22 (6), 26..29 (10), 06-01, 02 (12), 04, 05 (14), 08..12 (19), 15 (20) → 2026-06-15.
            try office.ok("remedy", "accept", reference, "1", "--at", "2026-05-13")
            try office.refused(["remedy", "reject", reference, "2", "--at", "2026-05-13"], saying: "without reasons")
            try office.ok(
                "remedy", "reject", reference, "2", "--reason", "The procedure is set by national law", "--at",
                "2026-05-13")
            try office.ok("remedy", "accept", reference, "3", "--at", "2026-05-14")
            shown = try office.show(reference, asOf: "2026-05-14")
            #expect(shown["status"] as? String == "remedy")
            #expect(office.clock(shown, "respondent_reply")["met_date"] as? String == "2026-05-14")
            #expect(office.remedy(shown, 2)["state"] as? String == "rejected")
            #expect(office.remedy(shown, 2)["reason"] as? String == "The procedure is set by national law")
            #expect(office.clock(shown, "remedy", subject: 1)["due_date"] as? String == "2026-06-12")
            #expect(office.clock(shown, "remedy", subject: 3)["due_date"] as? String == "2026-06-15")

            // Item 1: evidence Mon 06-01 (verification, 10 WD: 06-02 (1), [06-03], 04, 05 (3),
            // 08..12 (8), 15, 16 (10) → 2026-06-16), verified Tue 06-02: on time.
            try office.ok("remedy", "progress", reference, "1", "--note", "Letter drafted", "--at", "2026-05-20")
            try office.ok("remedy", "evidence", reference, "1", "--description", "Signed letter", "--at", "2026-06-01")
            shown = try office.show(reference, asOf: "2026-06-01")
            #expect(office.clock(shown, "verification", subject: 1)["due_date"] as? String == "2026-06-16")
            try office.ok("remedy", "verify", reference, "1", "--at", "2026-06-02")

            // Item 3: evidence on Wed 06-17, after its due date 06-15: the remedy clock is met late;
            // verification, 10 WD from 06-17: 06-18, 19 (2), 22..26 (7), 29, 30, 07-01 (10) →
            // 2026-07-01. Verified Fri 06-19: late. Every item is finished: the case closes, upheld.
            try office.ok(
                "remedy", "evidence", reference, "3", "--description", "Amended record extract", "--at", "2026-06-17")
            shown = try office.show(reference, asOf: "2026-06-17")
            #expect(office.clock(shown, "remedy", subject: 3)["status"] as? String == "met_late")
            #expect(office.clock(shown, "verification", subject: 3)["due_date"] as? String == "2026-07-01")
            try office.ok("remedy", "verify", reference, "3", "--at", "2026-06-19")
            shown = try office.show(reference, asOf: "2026-06-19")
            #expect(shown["status"] as? String == "closed")
            #expect(shown["outcome"] as? String == "upheld")
            #expect(office.remedy(shown, 1)["late"] as? Bool == false)
            #expect(office.remedy(shown, 3)["late"] as? Bool == true)
            #expect(office.remedy(shown, 3)["state"] as? String == "verified")

            #expect(
                try office.notices(reference) == [
                    "acknowledgement/complainant", "route_decision/complainant",
                    "mediation_offer/complainant", "mediation_offer/respondent",
                    "mediation_outcome/complainant", "mediation_outcome/respondent",
                    "decision/complainant", "decision/respondent",
                    "remedy_reminder/respondent", "remedy_reminder/respondent",
                    "closure/complainant",
                ])
            // The systemic recommendation is listed across cases, even though it was rejected.
            let systemic = try office.ok("remedy", "list", "--systemic", "--format", "csv")
            #expect(systemic.split(separator: "\n").count == 2)
            #expect(systemic.contains("\(reference),2,policy_change"))
        }
    }

    /// Arbitration with both consents → panel → hearing → hearing closed → binding award →
    /// remedy → verified.
    @Test func arbitrationBindingAward() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            try office.ok("mediation", "offer", reference, "--at", "2026-03-03")
            try office.ok("arbitration", "consent", reference, "--party", "complainant", "--at", "2026-03-04")
            var shown = try office.show(reference, asOf: "2026-03-04")
            #expect(shown["status"] as? String == "mediation")
            #expect((shown["arbitration"] as? [String: Any])?["status"] as? String == "seeking_consent")

            // The second consent (Thu 03-05) takes the case to arbitration; the open offer ends.
            try office.ok("arbitration", "consent", reference, "--party", "respondent", "--at", "2026-03-05")
            shown = try office.show(reference, asOf: "2026-03-05")
            #expect(shown["status"] as? String == "arbitration")
            #expect((shown["mediation"] as? [String: Any])?["status"] as? String == "failed")
            #expect(office.clock(shown, "mediation_acceptance")["status"] as? String == "cancelled")

            // Panel constituted Mon 03-09: arbitration_overall, 6 months → Wed 2026-09-09.
            try office.ok(
                "arbitration", "appoint", reference, "--arbitrator", "Park Ji-won", "--arbitrator", "Choi Min-ho",
                "--at", "2026-03-09")
            shown = try office.show(reference, asOf: "2026-03-09")
            #expect(office.clock(shown, "arbitration_overall")["due_date"] as? String == "2026-09-09")
            try office.ok(
                "arbitration", "hearing", reference, "--time", "2026-03-24T14:00", "--place",
                "Gwangju City Hall, hearing room",
                "--at", "2026-03-10")
            // Hearing closed Thu 03-26: arbitration_award, 20 WD: 03-27 (1), 03-30..04-03 (6),
            // 04-06..10 (11), 13..17 (16), 20, 21, 22, 23 (20) → 2026-04-23.
            try office.ok("arbitration", "close-hearing", reference, "--at", "2026-03-26")
            shown = try office.show(reference, asOf: "2026-03-26")
            #expect(office.clock(shown, "arbitration_award")["due_date"] as? String == "2026-04-23")

            // Binding award Mon 04-20: both arbitration clocks met; the remedy is bound, so accepted
            // at once: a service (3 months) from 04-20 → Mon 2026-07-20. respondent_reply
            // (04-20 + 30 CD = Wed 2026-05-20) is met at once; the case goes on to remedy.
            try office.ok(
                "arbitration", "award", reference, "--text",
                "The corporation reconnects the water supply and waives the fee.",
                "--binding", "--remedy", "service_provided: Reconnect the supply and waive the reconnection fee",
                "--at", "2026-04-20")
            shown = try office.show(reference, asOf: "2026-04-20")
            #expect(shown["status"] as? String == "remedy")
            #expect(shown["outcome"] as? String == "award")
            #expect(office.clock(shown, "arbitration_award")["met_date"] as? String == "2026-04-20")
            #expect(office.clock(shown, "arbitration_overall")["met_date"] as? String == "2026-04-20")
            #expect(office.clock(shown, "respondent_reply")["due_date"] as? String == "2026-05-20")
            let arbitration = shown["arbitration"] as? [String: Any] ?? [:]
            #expect(arbitration["status"] as? String == "awarded")
            #expect((arbitration["award"] as? [String: Any])?["binding"] as? Bool == true)
            #expect(arbitration["arbitrators"] as? [String] == ["Park Ji-won", "Choi Min-ho"])
            #expect(office.remedy(shown, 1)["state"] as? String == "accepted")
            #expect(office.remedy(shown, 1)["scale"] as? String == "service")
            #expect(office.clock(shown, "remedy", subject: 1)["due_date"] as? String == "2026-07-20")

            // Evidence Wed 05-06: verification, 10 WD: 05-07, 08 (2), 11..15 (7), 18, 19, 20 (10)
            // → 2026-05-20. Verified Tue 05-12: on time; the case closes, award.
            try office.ok(
                "remedy", "evidence", reference, "1", "--description", "Meter reading and fee waiver letter", "--at",
                "2026-05-06")
            shown = try office.show(reference, asOf: "2026-05-06")
            #expect(office.clock(shown, "verification", subject: 1)["due_date"] as? String == "2026-05-20")
            try office.ok("remedy", "verify", reference, "1", "--at", "2026-05-12")
            shown = try office.show(reference, asOf: "2026-05-12")
            #expect(shown["status"] as? String == "closed")
            #expect(shown["outcome"] as? String == "award")
            #expect(office.remedy(shown, 1)["late"] as? Bool == false)
            #expect(
                try office.notices(reference).filter { $0.hasPrefix("hearing_notice") } == [
                    "hearing_notice/complainant", "hearing_notice/respondent",
                ])
        }
    }

    /// A remedy past its due date is listed by `remedy list --overdue`, and no longer once its
    /// evidence is in and verified.
    @Test func overdueRemedyListing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            let other = try office.openCase(complainant: "Park Seojun")
            for ref in [reference, other] {
                try office.ok("case", "acknowledge", ref, "--at", "2026-02-27")
                try office.ok("investigation", "open", ref, "--at", "2026-03-03")
                try office.ok(
                    "investigation", "decide", ref, "--outcome", "partly_upheld", "--findings", "Late repairs.",
                    "--recommend", "apology: Apologise", "--at", "2026-04-01")
            }
            // Accepted Wed 04-01: 20 WD: 04-02, 03 (2), 06..10 (7), 13..17 (12), 20..24 (17),
            // 27, 28, 29 (20) → 2026-04-29; overdue from Thu 04-30. The other case's item is
            // accepted with a due date set by hand, 2026-06-30, so it is not overdue then.
            try office.ok("remedy", "accept", reference, "1", "--at", "2026-04-01")
            try office.ok("remedy", "accept", other, "1", "--due", "2026-06-30", "--at", "2026-04-01")
            var listed = try office.ok("remedy", "list", "--overdue", "--as-of", "2026-04-29", "--format", "csv")
            #expect(listed.split(separator: "\n").count == 1, "only the header on the due date: \(listed)")
            listed = try office.ok("remedy", "list", "--overdue", "--as-of", "2026-04-30", "--format", "csv")
            let rows = listed.split(separator: "\n").map(String.init).dropFirst()
            #expect(rows.count == 1 && rows.allSatisfy { $0.hasPrefix("\(reference),1,apology,") }, "\(listed)")
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(
                        try office.ok("remedy", "list", "--overdue", "--as-of", "2026-04-30", "--format", "json").utf8))
                as? [[String: Any]]
            #expect(json?.first?["due_date"] as? String == "2026-04-29")
            #expect(json?.first?["overdue"] as? Bool == true)
            #expect((json?.first?["remedy_clock"] as? [String: Any])?["status"] as? String == "breached")
            let all = try office.ok("remedy", "list", "--as-of", "2026-04-30", "--format", "csv")
            #expect(all.contains("\(other),1,apology,personal,accepted,2026-06-30,no"))

            // Evidence (Mon 05-04) and verification (Wed 05-06): no longer listed, verified late.
            try office.ok("remedy", "evidence", reference, "1", "--description", "Letter sent", "--at", "2026-05-04")
            try office.ok("remedy", "verify", reference, "1", "--at", "2026-05-06")
            listed = try office.ok("remedy", "list", "--overdue", "--as-of", "2026-05-06", "--format", "csv")
            #expect(listed.split(separator: "\n").count == 1, "\(listed)")
            let shown = try office.show(reference, asOf: "2026-05-06")
            #expect(office.remedy(shown, 1)["late"] as? Bool == true)
            #expect(shown["status"] as? String == "closed")
            // Filters by respondent body, state and kind.
            #expect(try office.ok("remedy", "list", "--state", "verified", "--format", "csv").contains(reference))
            #expect(!(try office.ok("remedy", "list", "--state", "verified", "--format", "csv")).contains(other))
            #expect(
                try office.ok(
                    "remedy", "list", "--respondent", "Gwangju City Housing Corporation", "--kind", "apology",
                    "--format", "csv"
                )
                .split(separator: "\n").count == 3)
            #expect(
                try office.ok("remedy", "list", "--respondent", "Nobody", "--format", "csv").split(separator: "\n")
                    .count == 1)
        }
    }

    /// Mediation offered during an investigation pauses the investigation clock; the mediation
    /// clock is extended only with both parties' consent; a failed mediation sends the case back
    /// to investigation, whose clock resumes with the paused working days added.
    @Test func mediationPausesTheInvestigation() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            // Opened Tue 03-03. respondent_response, 20 WD: 03-04..06 (3), 09..13 (8), 16..20 (13),
            // 23..27 (18), 30, 31 (20) → 2026-03-31. investigation, 60 WD: 04-01..03 (23),
            // 06..10 (28), 13..17 (33), 20..24 (38), 04-27..05-01 (43), 05-04 (44), [05-05],
            // 06..08 (47), 11..15 (52), 18..22 (57), [05-25], 26, 27, 28 (60) → 2026-05-28.
            try office.ok("investigation", "open", reference, "--at", "2026-03-03")
            var shown = try office.show(reference, asOf: "2026-03-03")
            #expect(office.clock(shown, "respondent_response")["due_date"] as? String == "2026-03-31")
            #expect(office.clock(shown, "investigation")["due_date"] as? String == "2026-05-28")

            // Offered Tue 03-10: the investigation clock pauses (no due date); the respondent's
            // clock keeps running (delay by the respondent pauses nothing). Acceptance, 10 WD:
            // 03-11..13 (3), 16..20 (8), 23, 24 (10) → 2026-03-24.
            try office.ok("mediation", "offer", reference, "--at", "2026-03-10")
            shown = try office.show(reference, asOf: "2026-03-10")
            #expect(office.clock(shown, "investigation")["status"] as? String == "paused")
            #expect(office.clock(shown, "investigation")["due_date"] is NSNull)
            #expect(office.clock(shown, "respondent_response")["status"] as? String == "running")
            #expect(office.clock(shown, "mediation_acceptance")["due_date"] as? String == "2026-03-24")

            // Both accept Wed 03-11: mediation, 30 WD: 03-12, 13 (2), 16..20 (7), 23..27 (12),
            // 03-30..04-03 (17), 06..10 (22), 13..17 (27), 20, 21, 22 (30) → 2026-04-22.
            try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-11")
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-11")
            shown = try office.show(reference, asOf: "2026-03-11")
            #expect(office.clock(shown, "mediation")["due_date"] as? String == "2026-04-22")

            // Extending the mediation needs both parties' consent; with it, +10 WD on Fri 03-20:
            // 04-23, 24 (2), 27..30 (6), 05-01 (7), 05-04 (8), [05-05], 06, 07 (10) → 2026-05-07.
            try office.refused(
                [
                    "case", "extend", reference, "--clock", "mediation", "--days", "10", "--reason", "a third session",
                    "--at", "2026-03-20",
                ],
                saying: "both parties' recorded consent")
            try office.ok(
                "case", "extend", reference, "--clock", "mediation", "--days", "10", "--reason", "a third session",
                "--consent", "--at", "2026-03-20")
            shown = try office.show(reference, asOf: "2026-03-20")
            #expect(office.clock(shown, "mediation")["due_date"] as? String == "2026-05-07")

            // Failed Tue 03-24, back to investigation: the pause [03-10, 03-24) held 10 working
            // days (03-10..13, 16..20, 23), so the investigation is due 70 WD from 03-03: 05-29 (61),
            // 06-01, 02 (63), [06-03], 04, 05 (65), 08..12 (70) → 2026-06-12.
            try office.ok(
                "mediation", "fail", reference, "--reason", "no agreement on the deposit", "--then", "investigation",
                "--at", "2026-03-24")
            shown = try office.show(reference, asOf: "2026-03-24")
            #expect(shown["status"] as? String == "investigation")
            #expect(office.clock(shown, "mediation")["status"] as? String == "met")
            #expect(office.clock(shown, "investigation")["status"] as? String == "running")
            #expect(office.clock(shown, "investigation")["paused_days"] as? Int == 10)
            #expect(office.clock(shown, "investigation")["due_date"] as? String == "2026-06-12")
            let mediation = shown["mediation"] as? [String: Any] ?? [:]
            #expect(mediation["status"] as? String == "failed")
            #expect(mediation["end_reason"] as? String == "no agreement on the deposit")
            #expect(
                try office.notices(reference).filter { $0.hasPrefix("mediation_outcome") } == [
                    "mediation_outcome/complainant", "mediation_outcome/respondent",
                ])
        }
    }

    /// An item replaced by another: the old one is superseded (its clock cancelled), the new one
    /// agreed at once with its own clock.
    @Test func supersedingAnItem() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try ResolutionRefusalTests.inRemedy(office)
            // On the plain office calendar (UTC, Mon–Fri, no holidays): agreed Mon 04-06, 20 WD →
            // Mon 2026-05-04 (four whole weeks).
            let number = try office.ok(
                "remedy", "add", reference, "--kind", "apology", "--description", "An apology by the mayor",
                "--accepted", "--supersedes", "1", "--at", "2026-04-06")
            #expect(number.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
            let shown = try office.show(reference, asOf: "2026-04-06")
            #expect(office.remedy(shown, 1)["state"] as? String == "superseded")
            #expect(office.remedy(shown, 1)["superseded_by"] as? Int == 2)
            #expect(office.clock(shown, "remedy", subject: 1)["status"] as? String == "cancelled")
            #expect(office.remedy(shown, 2)["state"] as? String == "accepted")
            #expect(office.clock(shown, "remedy", subject: 2)["due_date"] as? String == "2026-05-04")
            #expect(shown["status"] as? String == "remedy")
            try office.refused(
                [
                    "remedy", "add", reference, "--kind", "apology", "--description", "x", "--supersedes", "1", "--at",
                    "2026-04-07",
                ],
                saying: "Remedy item 1 is superseded")
        }
    }

    /// A failed mediation waits for both consents before arbitration.
    @Test func failedMediationThenArbitration() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try ResolutionRefusalTests.underway(office)
            try office.ok("mediation", "fail", reference, "--then", "arbitration", "--at", "2026-03-10")
            var shown = try office.show(reference, asOf: "2026-03-10")
            #expect(shown["status"] as? String == "mediation")
            #expect((shown["mediation"] as? [String: Any])?["status"] as? String == "failed")
            #expect(office.clock(shown, "mediation")["met_date"] as? String == "2026-03-10")
            let refused = try office.run("mediation", "fail", reference, "--then", "closed", "--at", "2026-03-11")
            #expect(
                refused.status == 2 && refused.stderr.contains("--then investigation or --then arbitration"),
                "\(refused)")
            try office.ok("arbitration", "consent", reference, "--party", "respondent", "--at", "2026-03-11")
            try office.ok("arbitration", "consent", reference, "--party", "complainant", "--at", "2026-03-12")
            shown = try office.show(reference, asOf: "2026-03-12")
            #expect(shown["status"] as? String == "arbitration")
            #expect((shown["arbitration"] as? [String: Any])?["status"] as? String == "consented")
        }
    }
}
