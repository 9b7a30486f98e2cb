import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore
import RedressTesting
import Testing

/// Review of a decision through the built binary: the window, late requests, the reviewer who
/// may not have taken the decision, the three outcomes, notices to both parties and statistics.
@Suite struct DecisionReviewTests {
    /// An office on the Seoul calendar with a caseworker who takes decisions and a supervisor
    /// who reviews them.
    struct Office {
        let office: OfficeFixture
        let park: (login: String, binary: RedressBinary)
        let lee: (login: String, binary: RedressBinary)

        init(_ db: TestDatabase) throws {
            office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            park = try office.staff("park", roles: ["caseworker"])
            lee = try office.staff("lee", roles: ["supervisor"])
        }

        /// A case that park decides (upheld, one recommendation) on Wed 2026-04-01. The window
        /// for a review, 20 working days: 04-02, 03 (2), 06..10 (7), 13..17 (12), 20..24 (17),
        /// 27, 28, 29 (20) → it closes on 2026-04-29.
        func decidedCase() throws -> String {
            let reference = try office.openCase(extra: ["--respondent-email", "complaints@housing.example"])
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            try office.ok("investigation", "open", reference, "--at", "2026-03-04")
            let decided = try park.binary.run([
                "investigation", "decide", reference, "--outcome", "upheld", "--findings",
                "The eviction notice was unlawful.", "--recommend", "apology: Apologise in writing", "--at",
                "2026-04-01",
            ])
            #expect(decided.status == 0, "\(decided)")
            return reference
        }

        func review(_ reference: String) throws -> [String: Any] {
            try office.show(reference)["review"] as? [String: Any] ?? [:]
        }
    }

    /// Row counts of the review table and the notices, to show a refusal wrote nothing.
    func written(_ office: OfficeFixture) throws -> [Int] {
        try office.db.withConnection { connection in
            try ["decision_review", "notice", "case_event"].map { table in
                try connection.query("SELECT count(*) FROM \(identifier: table)").first!.decode(Int.self, at: 0)
            }
        }
    }

    /// Runs `arguments` with `binary` and expects `status` with one sentence containing `phrase`,
    /// and nothing written.
    func refused(
        _ office: OfficeFixture, _ binary: RedressBinary, _ arguments: [String], status: Int32 = 4,
        saying phrase: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try written(office)
        let result = try binary.run(arguments)
        #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(phrase), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try written(office) == before, "nothing written", sourceLocation: sourceLocation)
    }

    @Test func aRequestAfterTheWindowIsRefusedUnlessTheOmbudspersonAcceptsItLate() throws {
        try withTestDatabase { db in
            let setup = try Office(db)
            let office = setup.office
            let late = try setup.decidedCase()
            let grounds = ["--grounds", "The tenancy records I sent were not considered."]

            // Thu 04-30 is a day after the window: refused, with or without a reason, for anyone
            // but the ombudsperson; the ombudsperson needs a reason.
            try refused(
                office, setup.park.binary, ["review", "request", late, "--at", "2026-04-30"] + grounds,
                saying: "ended on 2026-04-29")
            try refused(
                office, office.owner, ["review", "request", late, "--at", "2026-04-30"] + grounds,
                saying: "ended on 2026-04-29")
            try refused(
                office, setup.park.binary,
                ["review", "request", late, "--at", "2026-04-30", "--late-reason", "In hospital"] + grounds,
                saying: "only the ombudsperson can accept a late request")
            try refused(
                office, office.owner, ["review", "request", late, "--at", "2026-03-31"] + grounds, status: 2,
                saying: "give a time on or after it")
            try office.ok(
                ["review", "request", late, "--at", "2026-04-30", "--late-reason", "The complainant was in hospital"]
                    + grounds)
            var review = try setup.review(late)
            #expect(review["late"] as? Bool == true)
            #expect(review["late_reason"] as? String == "The complainant was in hospital")
            #expect(review["window_closes_on"] as? String == "2026-04-29")
            #expect(review["requested_on"] as? String == "2026-04-30")
            #expect(review["requested_by"] as? String == "complainant")
            // The review clock, 20 working days from Thu 04-30: 05-01 (1), 04 (2), [05-05],
            // 06..08 (5), 11..15 (10), 18..22 (15), [05-25], 26..29 (19), 06-01 (20).
            #expect(review["due_date"] as? String == "2026-06-01")
            #expect(office.clock(try office.show(late), "review")["due_date"] as? String == "2026-06-01")
            let explained = try office.ok("case", "explain", late, "--clock", "review")
            #expect(explained.contains("review requested"), "\(explained)")
            // A decision is reviewed once.
            try refused(
                office, office.owner, ["review", "request", late, "--at", "2026-05-04"] + grounds,
                saying: "already asked for on 2026-04-30")

            // On the window's last day a caseworker records it, by the representative's hand.
            let inTime = try setup.decidedCase()
            let recorded = try setup.park.binary.run(
                ["review", "request", inTime, "--at", "2026-04-29", "--by", "representative"] + grounds)
            #expect(recorded.status == 0, "\(recorded)")
            review = try setup.review(inTime)
            #expect(review["late"] as? Bool == false)
            #expect(review["late_reason"] is NSNull)
            #expect(review["requested_by"] as? String == "representative")
            #expect(review["recorded_by"] as? String == setup.park.login)

            // Bad input: unknown case, blank grounds, an unknown party.
            try refused(
                office, office.owner, ["review", "request", "HRC-2026-999999", "--at", "2026-04-29"] + grounds,
                status: 3, saying: "HRC-2026-999999")
            try refused(
                office, office.owner, ["review", "request", inTime, "--grounds", "  ", "--at", "2026-04-29"],
                status: 2, saying: "grounds")
            try refused(
                office, office.owner,
                ["review", "request", inTime, "--by", "respondent", "--at", "2026-04-29"] + grounds,
                status: 2, saying: "respondent")
        }
    }

    @Test func theWindowIsTheOneOfThePolicyVersionInForceOnTheDecisionsDate() throws {
        try withTestDatabase { db in
            let setup = try Office(db)
            let office = setup.office
            try office.ok(
                "policy", "set", "--review-window", "30", "--effective", "2026-01-01", "--backdate", "--reason",
                "The board lengthened the review window from 1 January")
            #expect(try office.ok("policy", "show", "--on", "2026-04-01").contains("review within 30 working days"))
            try refused(
                office, office.owner, ["policy", "set", "--review-window=-1", "--effective", "2027-01-01"],
                status: 2, saying: "review window of -1 working days is negative")
            let reference = try setup.decidedCase()
            // 30 working days from Wed 04-01: 04-29 (20), 30, 05-01 (22), 04 (23), [05-05], 06..08 (26),
            // 11..14 (30).
            try office.ok("review", "request", reference, "--grounds", "Wrong facts.", "--at", "2026-05-14")
            let review = try setup.review(reference)
            #expect(review["window_closes_on"] as? String == "2026-05-14")
            #expect(review["late"] as? Bool == false)
        }
    }

    @Test func aReviewerWhoTookTheDecisionIsRefusedAndRemittedReopensTheInvestigation() throws {
        try withTestDatabase { db in
            let setup = try Office(db)
            let office = setup.office
            let reference = try setup.decidedCase()
            try office.ok(
                "review", "request", reference, "--grounds", "The tenancy records were not considered.", "--at",
                "2026-04-08")
            #expect(
                try office.notices(reference).suffix(2) == ["review_request/complainant", "review_request/respondent"])
            let request = try office.noticeData(reference, "review_request", "respondent")
            #expect(request["review_due_date"] as? String == "2026-05-07")

            // Park took the decision: neither reviewer nor the one to record the outcome.
            try refused(
                office, office.owner, ["review", "assign", reference, setup.park.login, "--at", "2026-04-09"],
                saying: "\(setup.park.login) took the decision, so cannot review it")
            try refused(
                office, setup.park.binary,
                ["review", "decide", reference, "--outcome", "upheld", "--reasons", "Sound.", "--at", "2026-04-09"],
                saying: "no reviewer yet")
            try office.ok("review", "assign", reference, setup.lee.login, "--at", "2026-04-09")
            #expect(try setup.review(reference)["reviewer"] as? String == setup.lee.login)
            try refused(
                office, setup.park.binary,
                ["review", "decide", reference, "--outcome", "upheld", "--reasons", "Sound.", "--at", "2026-04-10"],
                saying: "is not the reviewer")
            try refused(
                office, setup.lee.binary,
                [
                    "review", "decide", reference, "--outcome", "remitted", "--reasons", "x", "--text", "New", "--at",
                    "2026-04-10",
                ],
                status: 2, saying: "Only a varied decision takes new text")

            // Remitted: the case goes back to investigation by the lifecycle, the decision's
            // outcome no longer stands, its open remedy item is superseded, the review clock ends.
            let remitted = try setup.lee.binary.run([
                "review", "decide", reference, "--outcome", "remitted", "--reasons",
                "The tenancy records were never examined.", "--at", "2026-04-13",
            ])
            #expect(remitted.status == 0, "\(remitted)")
            let shown = try office.show(reference, asOf: "2026-04-13")
            #expect(shown["status"] as? String == "investigation")
            #expect(shown["outcome"] is NSNull)
            #expect(office.clock(shown, "investigation")["status"] as? String == "running")
            #expect(office.clock(shown, "investigation")["start_date"] as? String == "2026-04-13")
            #expect(office.clock(shown, "review")["status"] as? String == "met")
            #expect(office.clock(shown, "respondent_reply")["status"] as? String == "cancelled")
            #expect(office.remedy(shown, 1)["state"] as? String == "superseded")
            let review = shown["review"] as? [String: Any] ?? [:]
            #expect(review["outcome"] as? String == "remitted")
            #expect(review["decided_on"] as? String == "2026-04-13")
            #expect(review["decided_by"] as? String == setup.lee.login)
            #expect(review["clock_status"] as? String == "met")
            let history = try office.ok("case", "history", reference, "--format", "json")
            let kinds = (try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]] ?? []).map {
                $0["kind"] as? String ?? ""
            }
            #expect(Array(kinds.suffix(4)) == ["review_requested", "review_assigned", "case_moved", "review_decided"])
            #expect(
                try office.notices(reference).suffix(2) == ["review_outcome/complainant", "review_outcome/respondent"])
            let outcome = try office.noticeData(reference, "review_outcome", "complainant")
            #expect(outcome["review_remitted"] as? Bool == true)
            #expect(outcome["review_upheld"] as? Bool == false)

            // Through SQL too: the review changes only with its audit row, and is never deleted.
            let sql = try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: setup.park.login)))
            defer { sql.close() }
            #expect(throws: (any Error).self) {
                try sql.withTransaction { connection in
                    try connection.execute(unsafeSQL: "UPDATE decision_review SET reasons = 'Forged.'")
                }
            }
            #expect(throws: (any Error).self) {
                try sql.withTransaction { connection in
                    try connection.execute(unsafeSQL: "DELETE FROM decision_review")
                }
            }
            #expect(try setup.review(reference)["reasons"] as? String == "The tenancy records were never examined.")

            // The review is over: nothing more to decide, and a new decision can be taken.
            try refused(
                office, office.owner,
                ["review", "decide", reference, "--outcome", "upheld", "--reasons", "Sound.", "--at", "2026-04-14"],
                saying: "no open review")
            let again = try setup.park.binary.run([
                "investigation", "decide", reference, "--outcome", "partly_upheld", "--findings",
                "Part of the eviction notice was lawful.", "--at", "2026-04-20",
            ])
            #expect(again.status == 0, "\(again)")
            // Without recommendations it awaits closing by hand, as a first decision would: the
            // superseded item of the decision set aside does not close it.
            #expect(try office.show(reference)["outcome"] as? String == "partly_upheld")
            #expect(try office.show(reference)["status"] as? String == "decided")
            #expect(try office.run("audit", "verify").status == 0)

            // Every review notice renders in every language the office writes in.
            try db.withConnection { connection in
                let store = NoticeStore(connection)
                let composer = try NoticeComposer(connection)
                let notices = try connection.query("SELECT id FROM notice WHERE kind LIKE 'review_%' ORDER BY id").map {
                    try store.require(id: try $0.decode(Int.self, at: 0)).notice
                }
                #expect(notices.count == 4)
                for notice in notices {
                    for language in ["en", "ko"] + (notice.audience == .respondent ? [] : ["es"]) {
                        var copy = notice
                        copy.language = language
                        #expect(throws: Never.self, "\(notice.kind).\(notice.audience).\(language)") {
                            _ = try composer.render(copy)
                        }
                    }
                }
            }
        }
    }

    @Test func variedAndUpheldReviewsAreCountedInTheStatistics() throws {
        try withTestDatabase { db in
            let setup = try Office(db)
            let office = setup.office
            let varied = try setup.decidedCase()
            let upheld = try setup.decidedCase()
            for reference in [varied, upheld] {
                try office.ok("review", "request", reference, "--grounds", "Wrong facts.", "--at", "2026-04-08")
            }
            try office.ok("review", "assign", varied, setup.lee.login, "--at", "2026-04-09")
            try refused(
                office, setup.lee.binary,
                [
                    "review", "decide", varied, "--outcome", "varied", "--reasons", "Facts corrected.", "--at",
                    "2026-04-10",
                ],
                status: 2, saying: "new text")
            let decided = try setup.lee.binary.run([
                "review", "decide", varied, "--outcome", "varied", "--reasons", "Facts corrected.", "--text",
                "The eviction notice was unlawful; the arrears were wrongly computed.", "--at", "2026-04-10",
            ])
            #expect(decided.status == 0, "\(decided)")
            var shown = try office.show(varied)
            #expect(shown["status"] as? String == "decided")
            #expect(shown["outcome"] as? String == "upheld")
            #expect(
                (shown["review"] as? [String: Any])?["varied_text"] as? String
                    == "The eviction notice was unlawful; the arrears were wrongly computed.")
            #expect(
                try office.noticeData(varied, "review_outcome", "respondent")["decision_summary"] as? String
                    == "The eviction notice was unlawful; the arrears were wrongly computed.")
            // The ombudsperson, who did not take the decision, decides without a reviewer.
            try office.ok(
                "review", "decide", upheld, "--outcome", "upheld", "--reasons", "The decision was sound.", "--at",
                "2026-05-20")
            shown = try office.show(upheld)
            #expect((shown["review"] as? [String: Any])?["outcome"] as? String == "upheld")
            let text = try office.ok("case", "show", upheld)
            #expect(text.contains("Review:") && text.contains("upheld"), "\(text)")

            let json = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let reviews = try #require(report["reviews"] as? [String: Any])
            #expect(reviews["requested"] as? Int == 2)
            #expect(reviews["decided"] as? Int == 2)
            #expect(reviews["upheld"] as? Int == 1)
            #expect(reviews["varied"] as? Int == 1)
            #expect(reviews["remitted"] as? Int == 0)
            // Requested Wed 04-08, due 20 working days later on 2026-05-07: the varied one was on
            // time, the upheld one (05-20) late.
            #expect(reviews["decided_on_time"] as? Int == 1)
            #expect(reviews["decided_late"] as? Int == 1)
            #expect(reviews["open_at_end"] as? Int == 0)
            // As of the end of April, one was decided and the other still open, past nothing yet.
            let april = try office.ok(
                "report", "stats", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "json")
            let aprilReviews =
                (try JSONSerialization.jsonObject(with: Data(april.utf8)) as? [String: Any])?["reviews"]
                as? [String: Any] ?? [:]
            #expect(aprilReviews["decided"] as? Int == 1)
            #expect(aprilReviews["open_at_end"] as? Int == 1)
            #expect(aprilReviews["overdue_at_end"] as? Int == 0)
            let csv = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv")
            #expect(csv.contains("reviews,outcome,varied,decided,1"), "\(csv)")
            let plain = try office.ok("report", "stats", "--from", "2026-01-01", "--to", "2026-12-31")
            #expect(plain.contains("REVIEWS OF DECISIONS"), "\(plain)")
            let html = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "html")
            #expect(html.contains("<section id=\"reviews\">"))
        }
    }
}
