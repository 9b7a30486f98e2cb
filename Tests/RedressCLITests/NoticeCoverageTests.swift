import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore
import RedressTesting
import Testing

/// Every notice Redress can queue can be written: each kind × audience × language that lifecycle
/// moves, the sweep's escalation steps, calendar changes and resolution queue is rendered from a
/// real case, and an office that runs a year of nightly sweeps has no notice it cannot send.
@Suite struct NoticeCoverageTests {
    static let domain = "hr.gwangju.example"

    /// The (kind, audience) pairs the rules can queue, from the rules themselves: every step of
    /// the escalation ladder of every clock the policy has, and every move the lifecycle table
    /// allows, each addressed to every audience the routing rule can send it to.
    static var pairsFromTheRules: Set<String> {
        var pairs: Set<String> = []
        for kind in Set(Policy.default.rules.map(\.kind)) {
            for step in Escalation.ladder(for: kind) {
                for (notice, planned) in NoticeKind.notices(for: step) {
                    for audience in NoticeRouting.audiences(for: planned) { pairs.insert("\(notice).\(audience)") }
                }
            }
        }
        let situation = { (state: CaseState) in
            CaseSituation(
                state: state, complainant: NoticeContact(email: "c@example.org"),
                representative: NoticeContact(email: "r@example.org"))
        }
        for from in CaseState.allCases {
            for to in Lifecycle.allowedMoves(from: from) {
                let data = MoveData(
                    outcome: Lifecycle.allowedOutcomes(from: from, to: to).first, terms: "terms", awardText: "award",
                    binding: true, reason: "reason")
                guard
                    let plan = try? Lifecycle.move(
                        situation(from), to: to, data: data, requested: "papers", policy: .default,
                        at: Date(timeIntervalSince1970: 1_773_000_000), on: LocalDate(iso: "2026-03-09")!)
                else { continue }
                for notice in plan.notices {
                    for address in notice.addresses { pairs.insert("\(notice.kind).\(address.audience)") }
                }
            }
        }
        return pairs
    }

    /// The languages the office writes in: its default and every language it has templates in.
    static let officeLanguages: [String] = Set(
        TemplateSource.embeddedTemplates.keys.map { String($0.split(separator: ".")[2]) } + ["en"]
    ).sorted()

    /// Walks cases through every path that queues notices (moves, an extension, a calendar
    /// change, mediation, arbitration, investigation, decisions, remedies, and sweeps up to
    /// non-compliance, on an assigned and an unassigned case), then renders every queued
    /// notice in every office language and checks that the rules' pairs were all among them.
    @Test func everyQueueableNoticeRendersInEveryLanguage() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            try office.ok(
                "office", "set", "--sender", "Human Rights Office <office@\(Self.domain)>", "--mail-domain",
                Self.domain,
                "--name", "Human Rights Office")
            try office.ok("staff", "add", "park", "--role", "caseworker", "--email", "park@\(Self.domain)")
            try office.ok("staff", "add", "lee", "--role", "supervisor", "--email", "lee@\(Self.domain)")
            _ = try db.withConnection { connection in
                try connection.execute("UPDATE staff SET email = \("oh@\(Self.domain)") WHERE login = \(office.login)")
            }
            func open(assign: Bool = true) throws -> String {
                let reference = try office.ok(
                    "case", "open", "--complainant", "Kim Min-ji", "--email", "minji@example.org",
                    "--representative", "Park Advocate", "--representative-email", "advocate@example.org",
                    "--respondent", "Gwangju City Housing Corporation", "--respondent-email",
                    "complaints@housing.gwangju.example", "--head-of-body", "Han Ji-won", "--head-of-body-email",
                    "head@housing.gwangju.example", "--summary", "Eviction without notice", "--received-at",
                    "2026-03-04T10:00+09:00"
                ).trimmingCharacters(in: .whitespacesAndNewlines)
                if assign { try office.ok("case", "assign", reference, "park", "--at", "2026-03-04T11:00+09:00") }
                return reference
            }
            let moved = try open()
            let arbitrated = try open()
            let investigated = try open()
            let settled = try open()
            let unassigned = try open(assign: false)
            for step in [
                ["case", "acknowledge", moved, "--at", "2026-03-05"],
                ["case", "request-info", moved, "--what", "The eviction letter", "--at", "2026-03-06"],
                ["case", "info-received", moved, "--at", "2026-03-09"],
                ["case", "move", moved, "--to", "investigation", "--at", "2026-03-10"],
                [
                    "case", "extend", moved, "--clock", "investigation", "--amount", "10", "--reason",
                    "Expert opinion awaited", "--at", "2026-03-11",
                ],
                ["case", "acknowledge", arbitrated, "--at", "2026-03-05"],
                ["mediation", "offer", arbitrated, "--at", "2026-03-06"],
                ["mediation", "decline", arbitrated, "--party", "respondent", "--at", "2026-03-09"],
                ["arbitration", "consent", arbitrated, "--party", "complainant", "--at", "2026-03-10"],
                ["arbitration", "consent", arbitrated, "--party", "respondent", "--at", "2026-03-10"],
                ["arbitration", "appoint", arbitrated, "--arbitrator", "Yoon Seo-yeon", "--at", "2026-03-11"],
                [
                    "arbitration", "hearing", arbitrated, "--place", "Hearing Room 2", "--time", "2026-04-06T10:00",
                    "--at", "2026-03-12",
                ],
                ["arbitration", "close-hearing", arbitrated, "--at", "2026-04-06T12:00"],
                [
                    "arbitration", "award", arbitrated, "--text", "Reinstate the tenancy.", "--binding", "--remedy",
                    "apology: Apologise in writing", "--at", "2026-04-10",
                ],
                ["case", "acknowledge", investigated, "--at", "2026-03-05"],
                ["investigation", "open", investigated, "--at", "2026-03-06"],
                ["investigation", "request", investigated, "--about", "The permit file", "--at", "2026-03-09"],
                [
                    "investigation", "decide", investigated, "--outcome", "upheld", "--findings", "No ramp.",
                    "--recommend", "service_provided: Build a ramp", "--at", "2026-04-01",
                ],
                ["remedy", "accept", investigated, "1", "--at", "2026-04-02"],
                ["case", "acknowledge", settled, "--at", "2026-03-05"],
                ["mediation", "offer", settled, "--at", "2026-03-06"],
                ["mediation", "accept", settled, "--party", "complainant", "--at", "2026-03-09"],
                ["mediation", "accept", settled, "--party", "respondent", "--at", "2026-03-09"],
                ["mediation", "settle", settled, "--term", "apology: Apologise in writing", "--at", "2026-03-20"],
                ["calendar", "add", "2026-04-20", "Office closure"],
            ] {
                try office.ok(step)
            }
            for day in ["2026-03-13", "2026-03-27", "2026-04-08", "2026-04-24", "2026-05-26", "2026-07-10"] {
                try office.ok("sweep", "--as-of", day)
            }
            try office.ok("case", "close", moved, "--outcome", "withdrawn", "--reason", "Settled privately")
            #expect(try office.show(unassigned)["assignee"] is NSNull)

            try db.withConnection { connection in
                let store = NoticeStore(connection)
                let notices = try connection.query("SELECT id FROM notice ORDER BY id").map {
                    try store.require(id: try $0.decode(Int.self, at: 0)).notice
                }
                let queued = Set(notices.map { "\($0.kind).\($0.audience)" })
                let missing = Self.pairsFromTheRules.subtracting(queued)
                #expect(missing.isEmpty, "the rules queue these, but no case here did: \(missing.sorted())")
                for pair in ["extension_letter", "corrected_due_dates", "hearing_notice", "remedy_reminder"] {
                    #expect(queued.contains { $0.hasPrefix(pair + ".") }, "nothing queued \(pair)")
                }
                let composer = try NoticeComposer(connection)
                for pair in queued.sorted() {
                    let parts = pair.split(separator: ".").map(String.init)
                    let kind = try #require(NoticeKind(rawValue: parts[0]), "\(pair)")
                    let audience = try #require(NoticeAudience(rawValue: parts[1]))
                    #expect(kind.audiences.contains(audience), "\(pair) is queued but ships no template")
                    // Staff and bodies are written to in the office's language, en or ko; the
                    // complainant's side in their own, Spanish too.
                    let side = audience == .complainant || audience == .representative
                    for language in Self.officeLanguages where side || language != "es" {
                        #expect(
                            composer.renderer.templates.hasTemplate(kind: kind, audience: audience, language: language),
                            "no template \(pair).\(language)")
                    }
                }
                // Closing a case withdrew the progress letters still waiting: they named a next
                // due date the case no longer has.
                #expect(
                    notices.contains {
                        $0.reference == moved && $0.kind == "progress_update" && $0.state == .cancelled
                    })
                let live = notices.filter { $0.state != .cancelled }
                var rendered = 0
                for notice in live {
                    for language in Self.officeLanguages {
                        var copy = notice
                        copy.language = language
                        do {
                            _ = try composer.render(copy)
                            rendered += 1
                        } catch {
                            Issue.record("notice \(notice.id) \(notice.kind).\(notice.audience).\(language): \(error)")
                        }
                    }
                }
                #expect(rendered == live.count * Self.officeLanguages.count)
            }
        }
    }

    /// After a demo seed and a year of nightly sweeps, one a working day, every queued notice
    /// goes out: `notices export` writes them all and none fails. It runs for minutes, so it
    /// yields between sweeps: the tests that share the cooperative threads keep moving.
    @Test func aYearOfSweepsOnADemoOfficeQueuesOnlyNoticesThatRender() async throws {
        try await withTestDatabase { db in
            let trusted = RedressBinary(database: db.url)
            let office = try OfficeFixture(db)
            let today = LocalDate(instant: Date(), in: TimeZone(identifier: "Asia/Seoul")!)
            let start = today - 365
            let seeded = try trusted.run(["demo", "seed", "--cases", "40", "--seed", "3", "--as-of", start.iso])
            #expect(seeded.status == 0, "\(seeded)")
            var day = start + 1
            var sweeps = 0
            while day <= today {
                if day.weekday <= 5 {
                    try office.ok("sweep", "--as-of", day.iso)
                    sweeps += 1
                    await Task.yield()
                }
                day = day + 1
            }
            #expect(sweeps > 250)
            let queued = try db.withConnection {
                try $0.query(
                    "SELECT kind || '.' || audience || ' ' || count(*) FROM notice GROUP BY kind, audience ORDER BY 1"
                )
                .map { try $0.decode(String.self, at: 0) }
            }
            #expect(queued.count > 5, "a year of sweeps queues notices of several kinds: \(queued)")
            let maildir = try NoticeFixture.temporaryFolder("year-maildir")
            let letters = try NoticeFixture.temporaryFolder("year-letters")
            defer {
                try? FileManager.default.removeItem(at: maildir)
                try? FileManager.default.removeItem(at: letters)
            }
            try office.ok("notices", "export", "--maildir", maildir.path)
            try office.ok("notices", "export", "--letters", letters.path)
            let left = try db.withConnection {
                try $0.query("SELECT state || ' ' || count(*) FROM notice WHERE state <> 'sent' GROUP BY state").map {
                    try $0.decode(String.self, at: 0)
                }
            }
            #expect(left.isEmpty, "notices not sent: \(left)")
        }
    }
}
