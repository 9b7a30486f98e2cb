import Foundation
import Postgres
import RedressTesting
import Testing

/// What the resolution commands refuse: exit 4 with one clear sentence and nothing written; bad
/// input: exit 2 (usage) or 3 (not found), nothing written.
@Suite struct ResolutionRefusalTests {
    /// A case in mediation with both parties' acceptance recorded.
    static func underway(_ office: OfficeFixture) throws -> String {
        let reference = try office.openCase()
        try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
        try office.ok("mediation", "offer", reference, "--at", "2026-03-03")
        try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-04")
        try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-05")
        return reference
    }

    /// A decided case whose single recommendation (an apology) the respondent accepted.
    static func inRemedy(_ office: OfficeFixture) throws -> String {
        let reference = try office.openCase()
        try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
        try office.ok("investigation", "open", reference, "--at", "2026-03-03")
        try office.ok(
            "investigation", "decide", reference, "--outcome", "upheld", "--findings", "The notice was unlawful.",
            "--recommend", "apology: Apologise", "--at", "2026-04-01")
        try office.ok("remedy", "accept", reference, "1", "--at", "2026-04-02")
        return reference
    }

    @Test func settlingWithoutTerms() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.underway(office)
            try office.refused(
                ["mediation", "settle", reference, "--at", "2026-03-20"], saying: "A settlement needs its terms")
            try office.refused(
                ["mediation", "settle", reference, "--term", "   ", "--at", "2026-03-20"], saying: "needs words")
            #expect(try office.show(reference)["status"] as? String == "mediation")
            // Nor before both have accepted.
            let offered = try office.openCase(complainant: "Park Seojun")
            try office.ok("case", "acknowledge", offered, "--at", "2026-02-27")
            try office.ok("mediation", "offer", offered, "--at", "2026-03-03")
            try office.refused(
                ["mediation", "settle", offered, "--term", "apology: sorry", "--at", "2026-03-04"],
                saying: "both parties must accept before sessions or a settlement")
            try office.refused(
                [
                    "mediation", "session", offered, "--place", "room 1", "--mediator", office.ownerLogin(), "--at",
                    "2026-03-04",
                ],
                saying: "not under way")
        }
    }

    @Test func awardWithoutBothConsents() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.underway(office)
            try office.ok("arbitration", "consent", reference, "--party", "complainant", "--at", "2026-03-06")
            try office.refused(
                [
                    "arbitration", "award", reference, "--text", "The respondent pays.", "--binding", "--at",
                    "2026-03-07",
                ],
                saying: "An award needs both parties' consent to arbitration, and the respondent has not consented")
            try office.refused(
                ["arbitration", "appoint", reference, "--arbitrator", "Park Ji-won", "--at", "2026-03-07"],
                saying: "needs both parties' consent")
            try office.refused(
                ["arbitration", "consent", reference, "--party", "complainant", "--at", "2026-03-07"],
                saying: "already consented")
            // Arbitration is reached only out of mediation.
            let other = try office.openCase(complainant: "Park Seojun")
            try office.ok("case", "acknowledge", other, "--at", "2026-02-27")
            try office.refused(
                ["arbitration", "consent", other, "--party", "respondent", "--at", "2026-03-02"], saying: "in mediation"
            )
        }
    }

    @Test func closingWhileARemedyIsOpen() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.inRemedy(office)
            try office.refused(
                ["case", "close", reference, "--outcome", "upheld", "--at", "2026-04-10"],
                saying: "The case has open remedy item 1; finish it")
            try office.refused(
                [
                    "case", "close", reference, "--outcome", "transferred", "--reason", "to the national commission",
                    "--at", "2026-04-10",
                ],
                saying: "or close it as withdrawn")
            // Closing as withdrawn is allowed; the open item is superseded and its clock cancelled.
            try office.ok(
                "case", "close", reference, "--outcome", "withdrawn", "--reason", "The complainant withdrew in writing",
                "--at", "2026-04-10")
            let shown = try office.show(reference, asOf: "2026-04-10")
            #expect(shown["status"] as? String == "closed")
            #expect(office.remedy(shown, 1)["state"] as? String == "superseded")
            #expect(office.remedy(shown, 1)["reason"] as? String == "the case was withdrawn")
            #expect(office.clock(shown, "remedy", subject: 1)["status"] as? String == "cancelled")
        }
    }

    @Test func verifyingWithoutEvidence() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.inRemedy(office)
            try office.refused(
                ["remedy", "verify", reference, "1", "--at", "2026-04-10"],
                saying: "Remedy item 1 has no evidence, so it cannot be verified")
            try office.refused(
                ["remedy", "verify", reference, "1", "--result", "partial", "--at", "2026-04-10"],
                saying: "has no evidence")
            // Not implemented needs no evidence, but reasons.
            try office.refused(
                ["remedy", "verify", reference, "1", "--result", "not_implemented", "--at", "2026-04-10"],
                saying: "without reasons")
            try office.ok(
                "remedy", "verify", reference, "1", "--result", "not_implemented", "--reason", "No apology came",
                "--at", "2026-04-10")
            let shown = try office.show(reference, asOf: "2026-04-10")
            #expect(office.remedy(shown, 1)["state"] as? String == "not_implemented")
            #expect(shown["status"] as? String == "closed")
            try office.refused(
                ["remedy", "evidence", reference, "1", "--description", "late letter", "--at", "2026-04-11"],
                saying: "Remedy item 1 is not_implemented")
        }
    }

    @Test func badInputChangesNothing() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try Self.inRemedy(office)
            func expect(
                _ arguments: [String], status: Int32, saying phrase: String,
                sourceLocation: SourceLocation = #_sourceLocation
            ) throws {
                let before = try office.resolutionCounts()
                let result = try office.owner.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)", sourceLocation: sourceLocation)
                #expect(result.stderr.contains(phrase), "\(result.stderr)", sourceLocation: sourceLocation)
                #expect(try office.resolutionCounts() == before, sourceLocation: sourceLocation)
            }
            try expect(
                [
                    "remedy", "add", reference, "--kind", "financial", "--description", "pay", "--amount", "12.345",
                    "--currency", "KRW",
                ],
                status: 2, saying: "\"12.345\" is not an amount")
            try expect(
                [
                    "remedy", "add", reference, "--kind", "financial", "--description", "pay", "--amount", "100",
                    "--currency", "won",
                ],
                status: 2, saying: "\"won\" is not a currency code")
            try expect(
                ["remedy", "add", reference, "--kind", "financial", "--description", "pay"], status: 4,
                saying: "needs an amount")
            try expect(
                ["remedy", "add", reference, "--kind", "apology", "--description", "x", "--due", "2026-02-30"],
                status: 2, saying: "2026-02-30")
            try expect(
                ["remedy", "add", reference, "--kind", "aplogy", "--description", "x"], status: 2, saying: "aplogy")
            try expect(["remedy", "accept", reference, "9"], status: 3, saying: "no remedy item 9")
            try expect(["remedy", "accept", "HRC-2026-999999", "1"], status: 3, saying: "HRC-2026-999999")
            try expect(["remedy", "accept", "not-a-reference", "1"], status: 2, saying: "is not a case reference")
            try expect(
                ["mediation", "offer", reference, "--at", "2026-04-05"], status: 4,
                saying: "cannot be offered mediation")
            try expect(
                ["investigation", "decide", reference, "--outcome", "settled", "--findings", "x"], status: 4,
                saying: "cannot receive a decision")
            try expect(["investigation", "answer", reference, "1"], status: 4, saying: "record investigation steps")

            // Text that looks like SQL is stored as it is, and the table is still there.
            let sql = "Robert'); DROP TABLE remedy_item;--"
            let added = try office.ok(
                "remedy", "add", reference, "--kind", "other", "--description", sql, "--at", "2026-04-05")
            #expect(added.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
            #expect(office.remedy(try office.show(reference), 2)["description"] as? String == sql)
        }
    }
}

extension OfficeFixture {
    /// The login the owner runs as (the migrating superuser).
    func ownerLogin() throws -> String {
        try db.withConnection { try $0.query("SELECT current_user::text").first!.decode(String.self, at: 0) }
    }
}
