import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

/// Policy versions as SPEC §2.3 has them: a version takes effect from its date for new clocks,
/// a past date only when backdated on the record, and a running clock moves to another version
/// only when re-based, audited and shown by `case explain`.
@Suite struct PolicyVersionTests {
    /// Today at the office (UTC, the office fixture's time zone).
    static var today: LocalDate { LocalDate(instant: Date(), in: .gmt) }

    @Test func aPastEffectiveDateNeedsBackdatingWithAReason() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let past = (Self.today - 10).iso
            let before = try office.counts()
            let refused = try office.run("policy", "set", "--clock", "triage", "--allowance", "15", "--effective", past)
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("\(past) is before today"), "\(refused)")
            #expect(refused.stderr.contains("--backdate --reason"), "\(refused)")
            for arguments in [
                ["--effective", past, "--backdate"],
                ["--effective", past, "--reason", "Statute amended"],
                ["--effective", (Self.today + 5).iso, "--backdate", "--reason", "Statute amended"],
                ["--effective", past, "--backdate", "--reason", "  "],
            ] {
                let bad = try office.owner.run(["policy", "set", "--clock", "triage", "--allowance", "15"] + arguments)
                #expect(bad.status == 2, "\(arguments): \(bad)")
                #expect(bad.stderr.split(separator: "\n").count == 1, "\(bad)")
            }
            #expect(try office.counts() == before, "nothing was written")

            try office.ok(
                "policy", "set", "--clock", "triage", "--allowance", "15", "--effective", past, "--backdate",
                "--reason", "Statute amended")
            try office.ok("policy", "set", "--clock", "triage", "--allowance", "20", "--effective", Self.today.iso)
            let audited = try db.withConnection { connection in
                try connection.query(
                    "SELECT data->>'version', data->>'backdated', data->>'reason' FROM case_event WHERE kind = 'policy_version_added' ORDER BY id"
                ).map {
                    "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String?.self, at: 1) ?? "-") \(try $0.decode(String?.self, at: 2) ?? "-")"
                }
            }
            #expect(audited == ["2 true Statute amended", "3 - -"])
        }
    }

    @Test func aRunningClockIsRebasedOnTheRecordAndExplained() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase(receivedAt: (Self.today - 20).iso)
            try office.ok("case", "acknowledge", reference, "--at", (Self.today - 19).iso)
            try office.ok(
                "policy", "set", "--clock", "triage", "--allowance", "15", "--effective", (Self.today - 5).iso,
                "--backdate", "--reason", "Statute amended")
            try office.ok(
                "policy", "set", "--clock", "triage", "--allowance", "20", "--effective", (Self.today + 30).iso)
            let triage = office.clock(try office.show(reference), "triage")
            #expect(triage["policy_version"] as? Int == 1)
            let previousDue = try #require(triage["due_date"] as? String)

            // Bad input: one sentence, its own exit code, nothing written.
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let before = try office.counts()
            for (arguments, status, phrase) in [
                (["HRC-2026-999999", "--clock", "triage", "--reason", "r"], 3, "No case has the reference"),
                ([reference, "--clock", "nonsense", "--reason", "r"], 2, "nonsense"),
                ([reference, "--clock", "mediation", "--reason", "r"], 3, "has no mediation clock"),
                ([reference, "--clock", "triage", "--to", "9", "--reason", "r"], 3, "no policy version 9"),
                ([reference, "--clock", "triage", "--to", "3", "--reason", "r"], 4, "in force only from"),
                (
                    [reference, "--clock", "triage", "--to", "1", "--reason", "r"], 4,
                    "already runs under policy version 1"
                ),
                ([reference, "--clock", "acknowledge", "--reason", "r"], 4, "only a running clock"),
                ([reference, "--clock", "triage"], 2, "--reason"),
                ([reference, "--clock", "triage", "--reason", " "], 2, "needs a reason"),
            ] {
                let result = try office.owner.run(["policy", "rebase"] + arguments)
                #expect(result.status == Int32(status), "\(arguments): \(result)")
                #expect(result.stderr.contains(phrase), "\(arguments): \(result)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            }
            let refused = try caseworker.binary.run([
                "policy", "rebase", reference, "--clock", "triage", "--reason", "r",
            ])
            #expect(refused.status == 4, "\(refused)")
            #expect(try office.counts() == before, "nothing was written")

            // The version in force today, by default.
            try office.ok("policy", "rebase", reference, "--clock", "triage", "--reason", "Statute amended")
            let rebased = office.clock(try office.show(reference), "triage")
            #expect(rebased["policy_version"] as? Int == 2)
            #expect((rebased["allowance"] as? [String: Any])?["amount"] as? Int == 15)
            let newDue = try #require(rebased["due_date"] as? String)
            // Five more working days: at least a week later.
            #expect(LocalDate(iso: newDue)! - LocalDate(iso: previousDue)! >= 7)
            let event = try db.withConnection { connection in
                try connection.query(
                    """
                    SELECT e.actor, e.data->>'clock', e.data->>'from_version', e.data->>'to_version', e.data->>'reason',
                        e.data->>'previous_due_date', e.data->>'due_date'
                    FROM case_event e JOIN complaint_case c ON c.id = e.case_id
                    WHERE c.reference = \(reference) AND e.kind = 'clock_rebased'
                    """
                ).map { row in try (0..<7).map { try row.decode(String.self, at: $0) } }
            }
            #expect(event == [[office.login, "triage", "1", "2", "Statute amended", previousDue, newDue]])

            try office.ok(
                "policy", "rebase", reference, "--clock", "triage", "--to", "1", "--reason", "Applied in error")
            let explained = try office.ok("case", "explain", reference, "--clock", "triage")
            #expect(explained.contains("policy version 1"), "\(explained)")
            #expect(
                explained.contains(
                    "Re-based:   \(Self.today.iso) from policy version 1 to 2 by \(office.login): Statute amended"),
                "\(explained)")
            #expect(
                explained.contains(
                    "            \(Self.today.iso) from policy version 2 to 1 by \(office.login): Applied in error"),
                "\(explained)")
            let json = try office.ok("case", "explain", reference, "--clock", "triage", "--format", "json")
            let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            let rebases = document.first?["rebases"] as? [[String: Any]] ?? []
            #expect(rebases.map { $0["to_version"] as? Int } == [2, 1])
            #expect(rebases.first?["by"] as? String == office.login)
            #expect(rebases.first?["on"] as? String == Self.today.iso)
            // The other clocks were never re-based.
            let all = try office.ok("case", "explain", reference, "--format", "json")
            let clocks = try JSONSerialization.jsonObject(with: Data(all.utf8)) as? [[String: Any]] ?? []
            #expect(clocks.filter { ($0["rebases"] as? [Any])?.isEmpty == false }.count == 1)
            #expect(try office.ok("audit", "verify").contains("intact"))
        }
    }
}
