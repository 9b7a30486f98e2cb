import Foundation
import Postgres
import RedressTesting
import Testing

/// Staff changes: a login leaves only once its open cases have another assignee, cases move
/// between staff in bulk, and a staff member recused from a case (or from every case against a
/// body) is not assigned it, does not see who complained and does not act on it, through
/// `redress` and through plain SQL alike.
@Suite struct StaffLifecycleTests {
    /// Opens a complaint against `respondent` as the fixture's login; returns its reference.
    func open(_ office: OfficeFixture, respondent: String = "Gwangju City Housing Corporation") throws -> String {
        try office.ok(
            "case", "open", "--complainant", "Choi Yuna", "--email", "yuna@example.org", "--respondent", respondent,
            "--summary", "Benefit stopped without a letter", "--category", "housing",
            "--received-at", "2026-02-26T10:00+09:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The assignee `case show` prints for `reference`.
    func assignee(_ office: OfficeFixture, _ reference: String) throws -> String? {
        try office.show(reference)["assignee"] as? String
    }

    /// The audit events of `kind` in the case's history.
    func events(_ office: OfficeFixture, _ reference: String, kind: String) throws -> [[String: Any]] {
        let history = try office.ok("case", "history", reference, "--format", "json")
        let events = try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]] ?? []
        return events.filter { $0["kind"] as? String == kind }
    }

    /// Runs `arguments` as `binary`, expects `status` and a stderr that says `words`, and that
    /// nothing was written.
    func refused(
        _ office: OfficeFixture, _ arguments: [String], as binary: RedressBinary? = nil, status: Int32,
        saying words: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try office.counts()
        let recusals = try office.db.withConnection {
            try $0.query("SELECT count(*) FROM recusal").first!.decode(Int.self, at: 0)
        }
        let result = try (binary ?? office.owner).run(arguments)
        #expect(result.status == status, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try office.counts() == before, "\(arguments) wrote something", sourceLocation: sourceLocation)
        let after = try office.db.withConnection {
            try $0.query("SELECT count(*) FROM recusal").first!.decode(Int.self, at: 0)
        }
        #expect(after == recusals, sourceLocation: sourceLocation)
    }

    @Test func deactivatingRefusesWhileOpenCasesRemainUnlessTheyAreReassigned() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let leaving = try office.staff("leaving", roles: ["caseworker"])
            let staying = try office.staff("staying", roles: ["caseworker"])
            let first = try open(office)
            let second = try open(office)
            let other = try open(office)
            try office.ok("case", "assign", first, leaving.login)
            try office.ok("case", "assign", second, leaving.login)
            try office.ok("case", "assign", other, staying.login)

            try refused(
                office, ["staff", "deactivate", leaving.login], status: 4,
                saying: "\(leaving.login) holds 2 open cases; reassign them to another staff member")
            try refused(
                office, ["staff", "deactivate", leaving.login, "--reassign-to", leaving.login], status: 2,
                saying: "not to \(leaving.login) again")
            try refused(
                office, ["staff", "deactivate", leaving.login, "--reassign-to", "nobody_here"], status: 3,
                saying: "No staff member has the login \"nobody_here\"")
            try refused(office, ["staff", "deactivate", "nobody_here"], status: 3, saying: "No staff member")
            #expect(try assignee(office, first) == leaving.login)

            let done = try office.ok("staff", "deactivate", leaving.login, "--reassign-to", staying.login)
            #expect(
                done.contains(
                    "2 open cases reassigned from \(leaving.login) to \(staying.login): \([first, second].sorted().joined(separator: ", "))"
                ), "\(done)")
            #expect(done.contains("\(leaving.login) deactivated"))
            for reference in [first, second] {
                #expect(try assignee(office, reference) == staying.login)
                let assigned = try events(office, reference, kind: "case_assigned").last?["data"] as? [String: Any]
                #expect(assigned?["from"] as? String == leaving.login)
                #expect(assigned?["to"] as? String == staying.login)
            }
            // The login can do nothing now, and no case goes to it.
            #expect(try leaving.binary.run(["case", "list"]).status == 4)
            let assign = try office.run("case", "assign", other, leaving.login)
            #expect(assign.status == 4, "\(assign)")
            #expect(assign.stderr.contains("\(leaving.login) is deactivated, so no case can be assigned to them"))
            #expect(!assign.stderr.contains("No staff member has the login"))
            try refused(
                office, ["case", "reassign", "--from", staying.login, "--to", leaving.login], status: 4,
                saying: "is deactivated")
        }
    }

    @Test func reassigningMovesTheChosenOpenCasesOneAuditedAssignmentEach() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let from = try office.staff("from", roles: ["caseworker"])
            let to = try office.staff("to", roles: ["caseworker"])
            let auditor = try office.staff("aud", roles: ["auditor"])
            let housing = try open(office)
            let transit = try open(office, respondent: "Gwangju Metropolitan Transit")
            try office.ok("case", "assign", housing, from.login)
            try office.ok("case", "assign", transit, from.login)

            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", from.login], status: 2,
                saying: "not to \(from.login) again")
            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", "nobody_here"], status: 3,
                saying: "No staff member has the login \"nobody_here\"")
            try refused(
                office, ["case", "reassign", "--from", "nobody_here", "--to", to.login], status: 3,
                saying: "No staff member has the login \"nobody_here\"")
            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", auditor.login], status: 2,
                saying: "cannot take cases")
            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", to.login, "--respondent", "No Such Body"],
                status: 3, saying: "No respondent body is called \"No Such Body\"")
            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", to.login, "--category", "astrology"],
                status: 2, saying: "\"astrology\" is not a rights category")
            try refused(
                office, ["case", "reassign", "--from", from.login, "--to", to.login], as: from.binary, status: 4,
                saying: "may not assign cases")

            let moved = try office.ok(
                "case", "reassign", "--from", from.login, "--to", to.login, "--respondent",
                "Gwangju Metropolitan Transit")
            #expect(moved.contains("1 open case reassigned from \(from.login) to \(to.login): \(transit)"), "\(moved)")
            #expect(try assignee(office, transit) == to.login)
            #expect(try assignee(office, housing) == from.login)
            #expect(try events(office, transit, kind: "case_assigned").count == 2)

            let json = try office.ok(
                "case", "reassign", "--from", from.login, "--to", to.login, "--state", "received", "--format", "json")
            let answer = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(answer?["cases"] as? [String] == [housing])
            #expect(answer?["from"] as? String == from.login)
            #expect(answer?["to"] as? String == to.login)
            #expect(try assignee(office, housing) == to.login)
            let none = try office.ok("case", "reassign", "--from", from.login, "--to", to.login)
            #expect(none.contains("0 open cases reassigned"), "\(none)")
        }
    }

    @Test func aRecusedLoginIsNotAssignedSeesNoIdentityAndCannotAct() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let colleague = try office.staff("cw2", roles: ["caseworker"])
            let reference = try open(office)
            let elsewhere = try open(office)
            try office.ok("case", "assign", reference, caseworker.login)

            // The assignee is recused only with the case going to someone else in the same step.
            try refused(
                office, ["case", "recuse", reference, caseworker.login, "--reason", "Her brother-in-law complained"],
                status: 4, saying: "\(caseworker.login) holds 1 open case; reassign it")
            let recused = try office.ok(
                "case", "recuse", reference, caseworker.login, "--reason", "Her brother-in-law complained",
                "--reassign-to", colleague.login)
            #expect(recused.contains("1 open case reassigned from \(caseworker.login) to \(colleague.login)"))
            #expect(recused.contains("\(caseworker.login) recused from \(reference)"))
            #expect(try assignee(office, reference) == colleague.login)
            try office.ok(
                "case", "recuse", reference, supervisor.login, "--reason", "Former employer of the complainant")

            // Bad input: one sentence, its own exit status, nothing written.
            try refused(
                office, ["case", "recuse", reference, supervisor.login, "--reason", "Again"], status: 4,
                saying: "\(supervisor.login) is recused from \(reference) already")
            try refused(
                office, ["case", "recuse", reference, "nobody_here", "--reason", "x"], status: 3,
                saying: "No staff member has the login \"nobody_here\"")
            let unknown = reference.dropLast(6) + "999999"
            try refused(
                office, ["case", "recuse", String(unknown), caseworker.login, "--reason", "x"], status: 3,
                saying: "No case has the reference \(unknown)")
            try refused(
                office, ["case", "recuse", elsewhere, caseworker.login, "--reason", "   "], status: 2,
                saying: "need a reason")
            try refused(
                office, ["case", "recuse", elsewhere, supervisor.login, "--reason", "x"], as: caseworker.binary,
                status: 4, saying: "may not assign cases")
            try refused(
                office, ["case", "recuse", elsewhere, supervisor.login, "--lift", "--reason", "x"], status: 3,
                saying: "\(supervisor.login) is not recused from \(elsewhere)")
            try refused(
                office, ["case", "assign", reference, caseworker.login], status: 4,
                saying: "\(caseworker.login) is recused from \(reference), so it cannot be assigned to them")

            // The recused supervisor reads the case without the complainant, and cannot act on it.
            let shown = try office.show(reference, binary: supervisor.binary)
            let complainant = (shown["complainants"] as? [[String: Any]])?.first
            #expect(complainant?["name"] as? String == "[redacted]")
            #expect(complainant?["email"] as? String == "[redacted]")
            #expect(shown["identity_redacted"] as? Bool == true)
            #expect(shown["recused"] as? [String] == [caseworker.login, supervisor.login].sorted())
            let text = try supervisor.binary.run(["case", "show", reference])
            #expect(!text.stdout.contains("Choi Yuna") && text.stdout.contains("Recused:"), "\(text)")
            let listed = try supervisor.binary.run(["case", "list", "--format", "csv"])
            let row = listed.stdout.split(separator: "\n").first { $0.hasPrefix(reference) }
            #expect(row?.contains("[redacted]") == true, "\(listed)")
            #expect(
                (try office.show(elsewhere, binary: supervisor.binary)["complainants"] as? [[String: Any]])?.first?[
                    "name"] as? String == "Choi Yuna")
            for action in [
                ["case", "note", reference, "Called the complainant"], ["case", "acknowledge", reference],
                ["case", "pause", reference, "--reason", "Waiting"], ["case", "assign", reference, supervisor.login],
            ] {
                try refused(
                    office, action, as: supervisor.binary, status: 4,
                    saying: "\(supervisor.login) is recused from \(reference) and may not act on it")
            }

            let listing = try office.ok("staff", "recusals", "--format", "json")
            let recusals = try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]] ?? []
            #expect(recusals.count == 2)
            let own = recusals.first { $0["login"] as? String == supervisor.login }
            #expect(own?["case"] as? String == reference)
            #expect(own?["respondent"] is NSNull)
            #expect(own?["reason"] as? String == "Former employer of the complainant")
            #expect(own?["active"] as? Bool == true)
            #expect(own?["recused_by"] as? String == office.login)
            #expect(own?["lifted_at"] is NSNull)
            #expect(try office.ok("staff", "recusals", "--case", elsewhere).split(separator: "\n").count == 1)
            #expect(try events(office, reference, kind: "staff_recused").count == 2)

            // Lifted, the supervisor sees and acts again; the lifting stays on record.
            try office.ok("case", "recuse", reference, supervisor.login, "--lift", "--reason", "Conflict ended")
            let again = try office.show(reference, binary: supervisor.binary)
            #expect((again["complainants"] as? [[String: Any]])?.first?["name"] as? String == "Choi Yuna")
            #expect(again["recused"] as? [String] == [caseworker.login])
            #expect(try supervisor.binary.run(["case", "note", reference, "Called the complainant"]).status == 0)
            let all = try office.ok("staff", "recusals", supervisor.login, "--all", "--format", "json")
            let lifted = try JSONSerialization.jsonObject(with: Data(all.utf8)) as? [[String: Any]] ?? []
            #expect(lifted.first?["active"] as? Bool == false)
            #expect(lifted.first?["lift_reason"] as? String == "Conflict ended")
            #expect(try events(office, reference, kind: "recusal_lifted").count == 1)
        }
    }

    @Test func aRecusalFromABodyCoversEveryCaseAgainstIt() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let colleague = try office.staff("cw2", roles: ["caseworker"])
            let body = "Gwangju Metropolitan Transit"
            let first = try open(office, respondent: body)
            let second = try open(office, respondent: body)
            let unrelated = try open(office)
            for reference in [first, second, unrelated] { try office.ok("case", "assign", reference, caseworker.login) }

            try refused(
                office, ["staff", "recuse", caseworker.login, "--respondent", body, "--reason", "Spouse works there"],
                status: 4, saying: "holds 2 open cases")
            try refused(
                office, ["staff", "recuse", caseworker.login, "--respondent", "No Such Body", "--reason", "x"],
                status: 3, saying: "No respondent body is called \"No Such Body\"")
            let recused = try office.ok(
                "staff", "recuse", caseworker.login, "--respondent", body, "--reason", "Spouse works there",
                "--reassign-to", colleague.login)
            #expect(recused.contains("2 open cases reassigned"), "\(recused)")
            #expect(recused.contains("recused from every case against \"\(body)\""))
            #expect(try assignee(office, first) == colleague.login)
            #expect(try assignee(office, unrelated) == caseworker.login)
            try refused(
                office, ["staff", "recuse", caseworker.login, "--respondent", body, "--reason", "x"], status: 4,
                saying: "already")

            try refused(
                office, ["case", "note", first, "A note"], as: caseworker.binary, status: 4, saying: "is recused from")
            #expect(try caseworker.binary.run(["case", "note", unrelated, "A note"]).status == 0)
            let later = try open(office, respondent: body)
            try refused(office, ["case", "assign", later, caseworker.login], status: 4, saying: "is recused from")
            let shown = try office.show(later)
            #expect(shown["recused"] as? [String] == [caseworker.login])

            try office.ok("staff", "recuse", caseworker.login, "--respondent", body, "--lift", "--reason", "Divorced")
            try office.ok("case", "assign", later, caseworker.login)
            #expect(try assignee(office, later) == caseworker.login)
        }
    }

    /// The nightly sweep is office-wide work, not work on a case: run as a login recused from a
    /// case, it still marks the case's clocks breached and queues its letters.
    @Test func aRecusedLoginStillRunsTheSweepOverTheCase() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let reference = try open(office)
            try office.ok("case", "recuse", reference, supervisor.login, "--reason", "Former employer")
            let swept = try supervisor.binary.run(["sweep", "--as-of", "2026-06-01"])
            #expect(swept.status == 0, "\(swept)")
            let breached = try events(office, reference, kind: "clocks_breached")
            #expect(breached.first?["actor"] as? String == supervisor.login, "\(breached)")
            #expect(try events(office, reference, kind: "escalated").count == 1)
            #expect(office.clock(try office.show(reference), "acknowledge")["status"] as? String == "breached")
        }
    }

    /// A supervisor recused from a case sends none of its notices (they name a complainant
    /// hidden from them): those wait for another sender, the rest go.
    @Test func aRecusedSenderLeavesTheCasesNoticesToAnother() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let recusedFrom = try open(office)
            let other = try open(office)
            for reference in [recusedFrom, other] { try office.ok("case", "acknowledge", reference) }
            try office.ok("case", "recuse", recusedFrom, supervisor.login, "--reason", "Former employer")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recused-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let exported = try supervisor.binary.run(["notices", "export", "--maildir", folder.path])
            #expect(exported.status == 0, "\(exported)")
            let states = try db.withConnection { connection in
                try connection.query(
                    "SELECT c.reference, n.state FROM notice n JOIN complaint_case c ON c.id = n.case_id ORDER BY n.id"
                ).map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
            }
            #expect(states.filter { $0.0 == recusedFrom }.allSatisfy { $0.1 == "pending" }, "\(states)")
            #expect(states.filter { $0.0 == other }.allSatisfy { $0.1 == "sent" }, "\(states)")
            // Another sender takes them.
            #expect(try office.ok("notices", "export", "--maildir", folder.path).contains("0 failed"))
            let left = try db.withConnection {
                try $0.query("SELECT count(*) FROM notice WHERE state = 'pending'").first!.decode(Int.self, at: 0)
            }
            #expect(left == 0)
        }
    }

    /// A supervisor, who finds any case by its complainant's name, finds none they are recused from.
    @Test func aRecusedSupervisorFindsNoCaseByItsIdentities() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let recusedFrom = try open(office)
            let other = try open(office)
            try office.ok("case", "recuse", recusedFrom, supervisor.login, "--reason", "Former employer")
            let found = try supervisor.binary.run(["case", "find", "Choi Yuna", "--in", "name", "--format", "csv"])
            #expect(found.status == 0, "\(found)")
            #expect(found.stdout.contains(other), "\(found)")
            #expect(!found.stdout.contains(recusedFrom), "\(found)")
        }
    }

    /// A mediator recused from the case no longer reads what was said in its mediation,
    /// through `redress` or SQL.
    @Test func aRecusedMediatorReadsNoMediationNotes() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let mediator = try office.staff("med", roles: ["caseworker"])
            let reference = try open(office)
            try office.ok("case", "acknowledge", reference)
            try office.ok("mediation", "offer", reference, "--mediator", mediator.login)
            try office.ok("case", "note", reference, "Said in mediation: half the deposit back.")
            let before = (try office.show(reference, binary: mediator.binary))["mediation"] as? [String: Any]
            #expect((before?["notes"] as? [[String: Any]])?.count == 1)

            try office.ok("case", "recuse", reference, mediator.login, "--reason", "Knows the landlord")
            let after = (try office.show(reference, binary: mediator.binary))["mediation"] as? [String: Any]
            #expect(after?["notes_withheld"] as? Bool == true)
            let connection = try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: mediator.login)))
            defer { connection.close() }
            let readable = try connection.query("SELECT count(*) FROM case_note WHERE under_mediation").first!.decode(
                Int.self, at: 0)
            #expect(readable == 0)
        }
    }

    /// The same rules hold for a recused login's own SQL: `party_identity` redacts the
    /// complainant, and no change of the case commits, audit row or not.
    @Test func aRecusedLoginMeetsTheSameRulesInPlainSQL() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let supervisor = try office.staff("sup", roles: ["supervisor"])
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let recusedCase = try open(office)
            let otherCase = try open(office)
            try office.ok("case", "assign", otherCase, caseworker.login)
            try office.ok("case", "recuse", recusedCase, supervisor.login, "--reason", "Former employer")

            let connection = try PostgresConnection.connect(
                PostgresConfiguration(url: db.url(asUser: supervisor.login)))
            defer { connection.close() }
            func name(_ reference: String) throws -> String? {
                try connection.query(
                    """
                    SELECT p.name FROM party_identity p JOIN complaint_case c ON c.id = p.case_id
                    WHERE c.reference = \(reference) AND p.role = 'complainant'
                    """
                ).first?.decode(String.self, at: 0)
            }
            #expect(try name(recusedCase) == "[redacted]")
            #expect(try name(otherCase) == "Choi Yuna")

            /// Whether the statements commit together.
            func commits(_ statements: String...) -> Bool {
                do {
                    try connection.execute(unsafeSQL: "BEGIN")
                    for sql in statements { try connection.execute(unsafeSQL: sql) }
                    try connection.execute(unsafeSQL: "COMMIT")
                    return true
                } catch {
                    _ = try? connection.execute(unsafeSQL: "ROLLBACK")
                    return false
                }
            }
            func audited(_ reference: String, kind: String) -> String {
                """
                INSERT INTO case_event (case_id, actor, occurred_at, kind)
                SELECT id, session_user, now(), '\(kind)' FROM complaint_case WHERE reference = '\(reference)'
                """
            }
            func note(_ reference: String) -> String {
                """
                INSERT INTO case_note (case_id, author, noted_at, body)
                SELECT id, session_user, now(), 'written in psql' FROM complaint_case WHERE reference = '\(reference)'
                """
            }
            let summary = "UPDATE complaint_case SET summary = 'rewritten in psql' WHERE reference = '\(recusedCase)'"
            #expect(!commits(audited(recusedCase, kind: "note_added"), note(recusedCase)))
            #expect(!commits(note(recusedCase)))
            #expect(!commits(audited(recusedCase, kind: "case_changed"), summary))
            // Not even passed off as the office-wide work a recused login may still do.
            #expect(!commits(audited(recusedCase, kind: "escalated"), summary))
            #expect(
                !commits(
                    audited(recusedCase, kind: "escalated"),
                    "UPDATE complaint_case SET assignee = session_user WHERE reference = '\(recusedCase)'"))
            #expect(
                !commits(
                    audited(recusedCase, kind: "escalated"),
                    "UPDATE recusal SET lifted_at = now(), lifted_by = session_user, lift_reason = 'mine'"))
            // The same login changes a case it is not recused from.
            #expect(commits(audited(otherCase, kind: "note_added"), note(otherCase)))

            try db.withConnection { superuser in
                let notes = try superuser.query(
                    "SELECT count(*) FROM case_note n JOIN complaint_case c ON c.id = n.case_id WHERE c.reference = \(recusedCase)"
                ).first!.decode(Int.self, at: 0)
                #expect(notes == 0)
                let stored = try superuser.query(
                    "SELECT summary, assignee FROM complaint_case WHERE reference = \(recusedCase)"
                ).first!
                #expect(try stored.decode(String.self, at: 0) == "Benefit stopped without a letter")
                #expect(try stored.decode(String?.self, at: 1) == nil)
                let active = try superuser.query("SELECT count(*) FROM recusal WHERE lifted_at IS NULL").first!.decode(
                    Int.self, at: 0)
                #expect(active == 1)
            }

            // A supervisor's plain SQL neither assigns the case to a recused login nor recuses
            // an assignee; an admin's does not deactivate a login that holds open cases.
            let fixture = try PostgresConnection.connect(PostgresConfiguration(url: db.url(asUser: office.login)))
            defer { fixture.close() }
            for statement in [
                "UPDATE complaint_case SET assignee = '\(supervisor.login)' WHERE reference = '\(recusedCase)'",
                """
                INSERT INTO recusal (staff_login, case_id, reason, recused_at, recused_by)
                SELECT '\(caseworker.login)', id, 'psql', now(), session_user FROM complaint_case WHERE reference = '\(otherCase)'
                """,
                "SELECT staff_deactivate('\(caseworker.login)', now())",
            ] {
                do {
                    try fixture.execute(unsafeSQL: "BEGIN")
                    defer { _ = try? fixture.execute(unsafeSQL: "ROLLBACK") }
                    try fixture.execute(unsafeSQL: audited(recusedCase, kind: "case_assigned"))
                    try fixture.execute(unsafeSQL: audited(otherCase, kind: "staff_recused"))
                    try fixture.execute(unsafeSQL: statement)
                    Issue.record("the database let the fixture's login run: \(statement)")
                } catch {
                    let message = (error as? PostgresError)?.message ?? "\(error)"
                    #expect(message.contains(supervisor.login) || message.contains(caseworker.login), "\(message)")
                }
            }
        }
    }
}
