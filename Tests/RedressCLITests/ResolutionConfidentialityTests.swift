import Foundation
import Postgres
import RedressTesting
import Testing

/// What is said in mediation stays with the mediator, the assignee and the ombudsperson: it is
/// not shown to other staff, not in the audit history, not in notices, lists or other output.
@Suite struct ResolutionConfidentialityTests {
    @Test func mediationNotesStayConfidential() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let assignee = try office.staff("cw", roles: ["caseworker"])
            let other = try office.staff("cw2", roles: ["caseworker"])
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let auditor = try office.staff("aud", roles: ["auditor"])
            let mediator = try office.staff("med", roles: ["caseworker"])
            let secret = "ADMITTED-THE-NOTICE-WAS-BACKDATED"

            let reference = try office.openCase()
            try office.ok("case", "assign", reference, assignee.login, "--at", "2026-02-27")
            try office.ok("case", "acknowledge", reference, "--at", "2026-02-27")
            try office.ok("mediation", "offer", reference, "--at", "2026-03-03")
            try office.ok("mediation", "accept", reference, "--party", "complainant", "--at", "2026-03-04")
            try office.ok("mediation", "accept", reference, "--party", "respondent", "--at", "2026-03-05")
            // A caseworker to whom the case is not assigned may not appoint themselves (and so
            // read the notes): exit 4, nothing written.
            let before = try office.counts()
            let selfAppointed = try other.binary.run([
                "mediation", "session", reference, "--place", "room 3", "--mediator", other.login,
                "--at", "2026-03-10",
            ])
            #expect(selfAppointed.status == 4, "\(selfAppointed)")
            #expect(selfAppointed.stderr.contains("not assigned to them"), "\(selfAppointed.stderr)")
            #expect(try office.counts() == before)
            try office.ok(
                "mediation", "session", reference, "--place", "room 3", "--mediator", mediator.login, "--at",
                "2026-03-10")
            let noted = try assignee.binary.run([
                "case", "note", reference, "In session the respondent \(secret)", "--at", "2026-03-10",
            ])
            #expect(noted.status == 0, "\(noted)")
            // A note made outside mediation is an ordinary note.
            try office.ok(
                "mediation", "settle", reference, "--term", "apology: A written apology", "--at", "2026-03-20")

            // The assignee, the mediator and the ombudsperson (the owner) read it.
            for reader in [assignee.binary, mediator.binary, office.owner] {
                let mediation = try office.show(reference, binary: reader)["mediation"] as? [String: Any] ?? [:]
                let notes = mediation["notes"] as? [[String: Any]] ?? []
                #expect(notes.count == 1 && (notes.first?["text"] as? String)?.contains(secret) == true)
                #expect(mediation["notes_withheld"] as? Bool == false)
            }
            // Another caseworker, a supervisor and an auditor do not, in any output.
            for reader in [other.binary, supervisor.binary, auditor.binary] {
                let shown = try reader.run(["case", "show", reference, "--format", "json"])
                #expect(shown.status == 0, "\(shown)")
                #expect(!shown.stdout.contains(secret))
                let document = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any] ?? [:]
                let mediation = document["mediation"] as? [String: Any] ?? [:]
                #expect(mediation["notes"] is NSNull)
                #expect(mediation["notes_withheld"] as? Bool == true)
                for arguments in [
                    ["case", "show", reference], ["case", "history", reference],
                    ["case", "history", reference, "--format", "json"],
                    ["case", "list", "--format", "json"], ["case", "list", "--format", "csv"],
                    ["remedy", "list", "--format", "json"], ["remedy", "list", "--case", reference],
                ] {
                    let result = try reader.run(arguments)
                    #expect(result.status == 0, "\(arguments): \(result)")
                    #expect(!result.stdout.contains(secret), "\(arguments)")
                }
            }
            // The audit history keeps that a note was made under mediation, not what it said; no
            // notice (the settlement's decision notices included) carries it.
            #expect(!(try office.ok("case", "history", reference, "--format", "json")).contains(secret))
            let leaked = try db.withConnection { connection in
                try connection.query(
                    """
                    SELECT (SELECT count(*) FROM notice WHERE data::text LIKE '%' || \(secret) || '%')
                         + (SELECT count(*) FROM case_event WHERE data::text LIKE '%' || \(secret) || '%')
                    """
                ).first!.decode(Int.self, at: 0)
            }
            #expect(leaked == 0)
            #expect(try office.notices(reference).contains("decision/respondent"))
        }
    }
}
