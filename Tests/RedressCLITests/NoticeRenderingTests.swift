import Foundation
import Postgres
import RedressTesting
import Testing

/// Every kind of notice the case store queues, rendered for a real case from the database in
/// English and Korean, read back by Python's strict email parser (check_mime.py): the right
/// reference, dates and names, and nothing that identifies the complainant in what goes to the
/// respondent.
@Suite struct NoticeRenderingTests {
    static let domain = "hr.gwangju.example"
    static let sender = (name: "Gwangju Human Rights Ombudsman", address: "ombudsman@hr.gwangju.example")

    /// The people of the case, in each language.
    struct People {
        var complainant: String
        var caseworker: String
        var respondent: String
        var reason: String

        static func of(_ language: String) -> People {
            language == "ko"
                ? People(complainant: "김민지", caseworker: "박지훈", respondent: "광주도시공사", reason: "감정 결과 대기")
                : People(
                    complainant: "Kim Min-ji", caseworker: "Park Ji-hoon",
                    respondent: "Gwangju City Housing Corporation",
                    reason: "An expert report is outstanding")
        }
    }
    static let email = "minji.kim@mail.example"
    static let phone = "010-5555-0142"

    /// A date as the notices of `language` write it, formatted here independently of Redress.
    static func written(_ iso: String, _ language: String) -> String {
        let parts = iso.split(separator: "-").map { Int($0)! }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return language == "ko"
            ? "\(parts[0])년 \(parts[1])월 \(parts[2])일" : "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// Sets up the office, walks one complaint through every step that queues a notice, and
    /// returns its reference with the dates each notice must state.
    static func walkThrough(_ office: OfficeFixture, language: String) throws -> (
        reference: String, expected: [String: [String]]
    ) {
        let people = People.of(language)
        try office.useSeoulCalendar()
        try office.ok(
            "office", "set", "--sender", "\(sender.name) <\(sender.address)>", "--mail-domain", domain, "--name",
            sender.name)
        try office.ok("staff", "add", "park", "--role", "caseworker", "--name", people.caseworker)
        let reference = try office.ok(
            "case", "open", "--complainant", people.complainant, "--email", email, "--phone", phone, "--language",
            language,
            "--respondent", people.respondent, "--respondent-email", "complaints@housing.gwangju.example",
            "--summary", "Eviction notice served without the statutory period", "--category", "housing",
            "--received-at", "2026-03-04T10:00+09:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        var expected: [String: [String]] = [:]
        func due(_ kind: String) throws -> String {
            try #require(office.clock(try office.show(reference), kind)["due_date"] as? String)
        }
        try office.ok("case", "assign", reference, "park", "--at", "2026-03-04T11:00+09:00")
        try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
        // Received Wed 03-04: triage 10 WD → 03-18.
        expected["acknowledgement"] = [
            written("2026-03-04", language), written(try due("triage"), language), people.caseworker, people.respondent,
        ]
        #expect(try due("triage") == "2026-03-18")
        try office.ok(
            "case", "request-info", reference, "--what", "A copy of the eviction notice\nYour tenancy agreement",
            "--at", "2026-03-06")
        expected["information_request"] = [
            written(try due("info_response"), language), "A copy of the eviction notice", "Your tenancy agreement",
            people.caseworker,
        ]
        try office.ok("case", "info-received", reference, "--at", "2026-03-09")
        try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-10")
        let investigationDue = try due("investigation")
        expected["route_decision"] = [
            written(investigationDue, language), language == "ko" ? "조사" : "investigation", people.respondent,
        ]
        try office.ok(
            "case", "extend", reference, "--clock", "investigation", "--days", "10", "--reason", people.reason, "--at",
            "2026-03-20")
        let extendedDue = try due("investigation")
        expected["extension_letter"] = [
            written(investigationDue, language), written(extendedDue, language), people.reason,
        ]
        // A new holiday inside the running clocks moves them: corrected dates are queued.
        try office.ok("calendar", "add", "2026-04-15", "Office foundation day")
        expected["corrected_due_dates"] = [
            written(extendedDue, language), written(try due("investigation"), language), people.caseworker,
        ]
        #expect(try due("investigation") != extendedDue)
        try office.ok(
            "case", "close", reference, "--outcome", "withdrawn", "--reason", "The complainant withdrew the complaint.",
            "--at", "2026-04-20")
        expected["closure"] = [
            language == "ko" ? "취하" : "withdrawn", "The complainant withdrew the complaint.", people.respondent,
        ]
        return (reference, expected)
    }

    /// Columns a line takes in a fixed-width font: Hangul and CJK take two.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }

    @Test(arguments: ["en", "ko"])
    func everyQueuedKindParsesStrictlyWithItsFacts(language: String) throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let people = People.of(language)
            let (reference, expected) = try Self.walkThrough(office, language: language)
            let queued = try NoticeFixture.rows(db)
            #expect(
                queued.map(\.kind) == [
                    "acknowledgement", "information_request", "route_decision", "extension_letter",
                    "corrected_due_dates", "closure",
                ])
            #expect(
                queued.allSatisfy { $0.audience == "complainant" && $0.channel == "email" && $0.language == language })

            // The respondent gets the same notices where a respondent version exists, as the
            // resolution and sweep code queue them: same facts, the body's address.
            _ = try db.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO notice (case_id, kind, audience, recipient, channel, language, automatic, data)
                    SELECT case_id, kind, 'respondent', 'complaints@housing.gwangju.example', 'email', language, automatic, data
                    FROM notice WHERE kind <> 'corrected_due_dates' ORDER BY id
                    """)
            }
            var cases: [NoticeFixture.MIMECase] = []
            for row in try NoticeFixture.rows(db) {
                let shown = try office.owner.run(["notices", "show", String(row.id)])
                #expect(shown.status == 0, "notice \(row.id) \(row.kind) \(row.audience): \(shown)")
                let toRespondent = row.audience == "respondent"
                // The reference is in every subject (message_contains); the body has the facts.
                var contains = expected[row.kind] ?? []
                contains.append(toRespondent ? people.respondent : people.complainant)
                var expectations: [String: Any] = [
                    "from": ["name": Self.sender.name, "address": Self.sender.address],
                    "to": [
                        "name": toRespondent ? people.respondent : people.complainant,
                        "address": toRespondent ? "complaints@housing.gwangju.example" : Self.email,
                    ],
                    "message_id": "<notice-\(row.id).\(reference)@\(Self.domain)>",
                    "in_reply_to": "<case.\(reference)@\(Self.domain)>",
                    "references": "<case.\(reference)@\(Self.domain)>",
                    "auto_submitted": true,
                    "content_language": language,
                    "body_contains": contains,
                    "message_contains": [reference],
                    "headers_absent": ["Bcc", "Cc"],
                ]
                if toRespondent {
                    expectations["forbid"] = [people.complainant, Self.email, Self.phone, "Kim", "김민지"]
                }
                cases.append(NoticeFixture.MIMECase(message: Data(shown.stdout.utf8), expectations: expectations))
            }
            #expect(cases.count == 11)
            let checked = try NoticeFixture.checkMIME(cases)
            #expect(checked.status == 0, "\(checked.output)")
            #expect(checked.output.contains("checked 11 messages, 0 failures"), "\(checked.output)")

            // Rendering again gives the very same message: a resend is recognised as one.
            let first = try office.ok("notices", "show", String(queued[0].id))
            #expect(try office.ok("notices", "show", String(queued[0].id)) == first)
            // Showing changes nothing.
            #expect(try NoticeFixture.rows(db, where: "state <> 'pending'").isEmpty)
        }
    }

    /// The notices the resolution commands queue (mediation offer and outcome, hearing notice,
    /// decision, remedy reminder, the respondent's information request), to both parties, in
    /// English and Korean: strict MIME, their facts written out, no identity to the respondent.
    @Test(arguments: ["en", "ko"])
    func everyResolutionKindParsesStrictlyWithItsFacts(language: String) throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let people = People.of(language)
            let ko = language == "ko"
            try office.useSeoulCalendar()
            try office.ok(
                "office", "set", "--sender", "\(Self.sender.name) <\(Self.sender.address)>", "--mail-domain",
                Self.domain, "--name", Self.sender.name)
            func open(_ complainant: String) throws -> String {
                try office.ok(
                    "case", "open", "--complainant", complainant, "--email", Self.email, "--phone", Self.phone,
                    "--language", language,
                    "--respondent", people.respondent, "--respondent-email", "complaints@housing.gwangju.example",
                    "--summary", ko ? "사전 통지 없는 퇴거" : "Eviction without notice", "--received-at",
                    "2026-03-04T10:00+09:00"
                ).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let place = ko ? "광주광역시청 4층 제2심리실" : "Hearing Room 2, Gwangju City Hall"
            let award = ko ? "공사는 임대차를 회복하여야 한다." : "The Corporation must reinstate the tenancy."
            let apology = ko ? "서면 사과" : "Apologise in writing"
            let training = ko ? "운전원 교육" : "Train the drivers"
            let ramp = ko ? "경사로 설치" : "Build a ramp"
            let findings = ko ? "도서관에 경사로가 없다." : "The library has no ramp."
            let permit = ko ? "건축 허가 서류" : "The building permit file"

            // Mediation declined, then arbitration: offer, outcome, hearing, award (decision).
            let arbitrated = try open(people.complainant)
            for step in [
                ["case", "acknowledge", arbitrated, "--at", "2026-03-05"],
                ["mediation", "offer", arbitrated, "--at", "2026-03-06"],
                ["mediation", "decline", arbitrated, "--party", "respondent", "--at", "2026-03-09"],
                ["arbitration", "consent", arbitrated, "--party", "complainant", "--at", "2026-03-10"],
                ["arbitration", "consent", arbitrated, "--party", "respondent", "--at", "2026-03-10"],
                [
                    "arbitration", "appoint", arbitrated, "--arbitrator", "Yoon Seo-yeon", "--arbitrator",
                    "Kang Dong-hyun", "--at", "2026-03-11",
                ],
                [
                    "arbitration", "hearing", arbitrated, "--place", place, "--time", "2026-04-06T10:00", "--at",
                    "2026-03-12",
                ],
                ["arbitration", "close-hearing", arbitrated, "--at", "2026-04-06T12:00"],
                [
                    "arbitration", "award", arbitrated, "--text", award, "--binding", "--remedy", "apology: \(apology)",
                    "--at", "2026-04-10",
                ],
            ] {
                try office.ok(step)
            }
            // Investigation: the respondent is asked for information, then the decision recommends.
            let investigated = try open(people.complainant)
            for step in [
                ["case", "acknowledge", investigated, "--at", "2026-03-05"],
                ["investigation", "open", investigated, "--at", "2026-03-06"],
                ["investigation", "request", investigated, "--about", permit, "--at", "2026-03-09"],
                [
                    "investigation", "decide", investigated, "--outcome", "upheld", "--findings", findings,
                    "--recommend", "service_provided: \(ramp)", "--at", "2026-04-01",
                ],
                ["remedy", "accept", investigated, "1", "--at", "2026-04-02"],
            ] {
                try office.ok(step)
            }
            // Mediation settled: its terms become remedies.
            let settled = try open(people.complainant)
            for step in [
                ["case", "acknowledge", settled, "--at", "2026-03-05"],
                ["mediation", "offer", settled, "--at", "2026-03-06"],
                ["mediation", "accept", settled, "--party", "complainant", "--at", "2026-03-09"],
                ["mediation", "accept", settled, "--party", "respondent", "--at", "2026-03-09"],
                [
                    "mediation", "settle", settled, "--term", "apology: \(apology)", "--term", "training: \(training)",
                    "--at", "2026-03-20",
                ],
            ] {
                try office.ok(step)
            }

            let rows = try NoticeFixture.rows(db, where: "kind NOT IN ('acknowledgement', 'route_decision')")
            #expect(
                Set(rows.map(\.kind)) == [
                    "mediation_offer", "mediation_outcome", "hearing_notice", "decision", "remedy_reminder",
                    "information_request",
                ])
            let data: [Int: [String: Any]] = try db.withConnection { connection in
                var data: [Int: [String: Any]] = [:]
                for row in try connection.query("SELECT id, data::text FROM notice") {
                    data[try row.decode(Int.self, at: 0)] =
                        try JSONSerialization.jsonObject(with: Data(try row.decode(String.self, at: 1).utf8))
                        as? [String: Any]
                }
                return data
            }
            let acceptanceDue = try #require(
                office.clock(try office.show(settled), "mediation_acceptance")["due_date"] as? String)
            var cases: [NoticeFixture.MIMECase] = []
            for row in rows {
                let facts = data[row.id] ?? [:]
                var contains: [String] = [people.respondent]
                func date(_ key: String) {
                    if let iso = facts[key] as? String { contains.append(Self.written(iso, language)) }
                }
                func items(_ key: String) {
                    for item in facts[key] as? [[String: Any]] ?? [] {
                        if let text = item["description"] as? String { contains.append(text) }
                        if let iso = item["due_date"] as? String { contains.append(Self.written(iso, language)) }
                    }
                }
                switch row.kind {
                case "mediation_offer":
                    date("acceptance_due_date")
                    // Both offers were made on 03-06, so both run to the same date.
                    #expect(facts["acceptance_due_date"] as? String == acceptanceDue)
                case "mediation_outcome":
                    if facts["settled"] as? Bool == true {
                        items("terms")
                    } else {
                        contains.append(ko ? "중재" : "arbitration")
                    }
                case "hearing_notice":
                    contains += [
                        place, "Yoon Seo-yeon", "Kang Dong-hyun", ko ? "2026년 4월 6일 10:00" : "6 April 2026 at 10:00",
                    ]
                case "decision":
                    date("reply_due_date")
                    items("remedies")
                    contains.append(facts["decision_summary"] as? String ?? "no summary")
                case "remedy_reminder":
                    items("remedies")
                case "information_request":
                    #expect(row.audience == "respondent")
                    date("response_due_date")
                    contains.append(permit)
                default:
                    Issue.record("unexpected \(row.kind)")
                }
                let toRespondent = row.audience == "respondent"
                if !toRespondent { contains.append(people.complainant) }
                let shown = try office.owner.run(["notices", "show", String(row.id)])
                #expect(shown.status == 0, "notice \(row.id) \(row.kind) \(row.audience): \(shown)")
                var expectations: [String: Any] = [
                    "from": ["name": Self.sender.name, "address": Self.sender.address],
                    "auto_submitted": true, "content_language": language, "body_contains": contains,
                    "headers_absent": ["Bcc", "Cc"],
                ]
                if toRespondent { expectations["forbid"] = [people.complainant, Self.email, Self.phone] }
                cases.append(NoticeFixture.MIMECase(message: Data(shown.stdout.utf8), expectations: expectations))
            }
            #expect(rows.count >= 17)
            let checked = try NoticeFixture.checkMIME(cases)
            #expect(checked.status == 0, "\(checked.output)")
            #expect(checked.output.contains("checked \(rows.count) messages, 0 failures"), "\(checked.output)")
        }
    }

    /// The notices the nightly sweep queues (warning, escalation to the supervisor, progress
    /// update, respondent reminder, ombudsperson listing, letter to the head of the body,
    /// non-compliance), in English and Korean: strict MIME, the overdue date written out, and
    /// nothing that identifies the complainant to the body or its head.
    @Test(arguments: ["en", "ko"])
    func everyEscalationKindParsesStrictlyWithItsFacts(language: String) throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let people = People.of(language)
            try office.useSeoulCalendar()
            try office.ok(
                "office", "set", "--sender", "\(Self.sender.name) <\(Self.sender.address)>", "--mail-domain",
                Self.domain,
                "--name", Self.sender.name, "--language", language)
            try office.ok(
                "staff", "add", "park", "--role", "caseworker", "--name", people.caseworker, "--email",
                "park@\(Self.domain)")
            try office.ok(
                "staff", "add", "lee", "--role", "supervisor", "--name", language == "ko" ? "이수민" : "Lee Soo-min",
                "--email", "lee@\(Self.domain)")
            let ombudsperson = language == "ko" ? "오세영" : "Oh Se-young"
            // The fixture's login is the office's ombudsperson here, and not a second supervisor.
            try office.ok("staff", "role", "remove", office.login, "supervisor", "caseworker", "intake")
            _ = try db.withConnection { connection in
                try connection.execute(
                    "UPDATE staff SET email = \("oh@\(Self.domain)"), display_name = \(ombudsperson) WHERE login = \(office.login)"
                )
                // The migrating login set the office up; it is no ombudsperson of this office.
                try connection.execute("UPDATE staff SET roles = '{admin}' WHERE login = session_user")
            }
            let head = language == "ko" ? "한지원" : "Han Ji-won"
            let reference = try office.ok(
                "case", "open", "--complainant", people.complainant, "--email", Self.email, "--phone", Self.phone,
                "--language", language,
                "--respondent", people.respondent, "--respondent-email", "complaints@housing.gwangju.example",
                "--head-of-body", head, "--head-of-body-email", "head@housing.gwangju.example",
                "--summary", "Eviction without notice", "--received-at", "2026-03-04T10:00+09:00"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            try office.ok("case", "assign", reference, "park", "--at", "2026-03-04T11:00+09:00")
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
            try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-06")
            let shown = try office.show(reference)
            let dueDates = Set(
                ["respondent_response", "investigation"].compactMap { office.clock(shown, $0)["due_date"] as? String })
            #expect(dueDates.count == 2)
            for day in ["2026-03-27", "2026-04-08", "2026-04-24", "2026-05-26", "2026-07-10"] {
                try office.ok("sweep", "--as-of", day)
            }
            let rows = try NoticeFixture.rows(db, where: "kind NOT IN ('acknowledgement', 'route_decision')")
            #expect(
                Set(rows.map(\.kind)) == [
                    "warning_to_assignee", "escalation_to_supervisor", "progress_update", "respondent_reminder",
                    "ombudsperson_listing", "letter_to_head_of_body", "non_compliance_notice",
                ], "\(rows)")
            #expect(
                Set(rows.map(\.audience)) == [
                    "assignee", "supervisor", "ombudsperson", "complainant", "respondent", "head_of_body",
                ])
            let data: [Int: [String: Any]] = try db.withConnection { connection in
                var data: [Int: [String: Any]] = [:]
                for row in try connection.query("SELECT id, data::text FROM notice") {
                    data[try row.decode(Int.self, at: 0)] =
                        try JSONSerialization.jsonObject(with: Data(try row.decode(String.self, at: 1).utf8))
                        as? [String: Any]
                }
                return data
            }
            var cases: [NoticeFixture.MIMECase] = []
            for row in rows {
                let facts = data[row.id] ?? [:]
                var contains: [String] = []
                let due = facts["due_date"] as? String
                if let due, row.kind != "progress_update" || facts["breached"] as? Bool == true {
                    #expect(dueDates.contains(due), "\(row.kind): \(due) is not a due date of the case")
                    contains.append(Self.written(due, language))
                }
                let names: [String: String] = [
                    "assignee": people.caseworker, "supervisor": language == "ko" ? "이수민" : "Lee Soo-min",
                    "ombudsperson": ombudsperson,
                    "complainant": people.complainant, "respondent": people.respondent, "head_of_body": head,
                ]
                contains.append(names[row.audience] ?? "?")
                if ["escalation_to_supervisor", "ombudsperson_listing"].contains(row.kind) {
                    contains.append(people.caseworker)
                }
                if row.kind == "letter_to_head_of_body", let last = facts["final_due_date"] as? String {
                    contains.append(Self.written(last, language))
                }
                let shown = try office.owner.run(["notices", "show", String(row.id)])
                #expect(shown.status == 0, "notice \(row.id) \(row.kind) \(row.audience): \(shown)")
                var expectations: [String: Any] = [
                    "from": ["name": Self.sender.name, "address": Self.sender.address],
                    "message_id": "<notice-\(row.id).\(reference)@\(Self.domain)>",
                    "auto_submitted": true, "content_language": language, "body_contains": contains,
                    "message_contains": [reference],
                ]
                if row.audience == "respondent" || row.audience == "head_of_body" {
                    expectations["forbid"] = [people.complainant, Self.email, Self.phone]
                }
                cases.append(NoticeFixture.MIMECase(message: Data(shown.stdout.utf8), expectations: expectations))
            }
            let checked = try NoticeFixture.checkMIME(cases)
            #expect(checked.status == 0, "\(checked.output)")
            #expect(checked.output.contains("checked \(rows.count) messages, 0 failures"), "\(checked.output)")
        }
    }

    /// A complainant who asked for letters gets a print-ready letter with the same facts.
    @Test(arguments: ["en", "ko"])
    func lettersForThePostCarryTheFacts(language: String) throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let people = People.of(language)
            try office.useSeoulCalendar()
            let address =
                language == "ko" ? "광주광역시 북구 용봉로 77, 301호\n61186" : "Flat 301, 77 Yongbong-ro, Buk-gu\nGwangju 61186"
            let reference = try office.ok(
                "case", "open", "--complainant", people.complainant, "--contact", "post", "--address", address,
                "--language", language,
                "--respondent", people.respondent, "--summary", "Eviction without notice", "--received-at",
                "2026-03-04T10:00+09:00"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-05")
            let row = try #require(NoticeFixture.rows(db).first)
            #expect(row.channel == "post")
            let letter = try office.ok("notices", "show", String(row.id))
            #expect(!letter.contains("\r"))
            let lines = letter.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in address.split(separator: "\n") { #expect(lines.contains(String(line)), "\(letter)") }
            #expect(lines.contains(people.complainant))
            #expect(letter.contains(reference))
            #expect(letter.contains(Self.written("2026-03-18", language)), "\(letter)")
            #expect(letter.contains(people.respondent))
            #expect(lines.allSatisfy { Self.columns($0) <= 72 }, "\(letter)")
            // Post is not piped to the mail command.
            let sent = try office.owner.run(["notices", "send", "--via", "cat >/dev/null"])
            #expect(sent.status == 0, "\(sent)")
            #expect(sent.stdout.contains("0 sent"))
            #expect(sent.stderr.contains("1 pending letter"))
            #expect(try NoticeFixture.rows(db).first?.state == "pending")
        }
    }
}
