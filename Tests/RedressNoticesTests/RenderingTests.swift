import Foundation
import RedressCore
import RedressNotices
import Testing

@Suite("Rendering notices")
struct RenderingTests {
    static let renderer = NoticeRenderer()

    /// What the body of a rendered fixture notice must show: the recipient, and every fixture
    /// date and name its template uses, written in its language.
    static func expectedContent(for input: NoticeInput, template: NoticeTemplate) -> [String] {
        var expected = [input.recipient.name]
        // `due_date` is also a field of remedies and terms: count only the kind's own dates.
        for entry in Fixtures.dates
        where template.referencedNames.contains(entry.name) && input.kind.variables.contains(entry.name) {
            expected.append(Fixtures.pick(input.language, entry.en, entry.ko, entry.es))
        }
        for name in ["respondent_name", "caseworker_name", "assignee_name", "complainant_name"]
        where template.referencedNames.contains(name) {
            if case let .text(text)? = input.variables[name] { expected.append(text) }
        }
        return expected
    }

    /// Complainant identity that must not appear in a notice for the respondent or head of body.
    static let identity = [
        Fixtures.complainant.en, Fixtures.complainant.ko, Fixtures.complainantEmail, Fixtures.complainantPhone,
    ]

    @Test("Every shipped template renders in every language as an email that Python's strict parser accepts")
    func everyTemplateAsEmail() throws {
        var cases: [MIMEChecker.Case] = []
        for (index, (kind, audience, language)) in Fixtures.shipped.enumerated() {
            let input = Fixtures.input(kind, audience, language, id: 1000 + index)
            let notice = try RenderingTests.renderer.render(input)
            let template = try TemplateSource().template(kind: kind, audience: audience, language: language)
            let reference = Fixtures.reference.formatted
            #expect(notice.subject.contains(reference), "\(notice.templateName)")
            #expect(notice.messageID == "<notice-\(1000 + index).\(reference)@\(Fixtures.mailDomain)>")
            #expect(!notice.body.contains("{{"), "\(notice.templateName)")
            let sender = try Mailbox(parsing: input.office.sender)
            var expectations: [String: Any] = [
                "from": ["name": sender.name ?? "", "address": sender.address],
                "to": ["name": input.recipient.name, "address": input.recipient.email!],
                "subject": notice.subject,
                "message_id": notice.messageID!,
                "in_reply_to": "<case.\(reference)@\(Fixtures.mailDomain)>",
                "references": "<case.\(reference)@\(Fixtures.mailDomain)>",
                "date": Fixtures.issuedAtISO,
                "auto_submitted": input.automatic,
                "content_language": language,
                "body_contains": RenderingTests.expectedContent(for: input, template: template),
                "message_contains": [reference, "HRC-2026-000042"],
                "headers_absent": ["Bcc", "Cc"],
            ]
            if audience.withholdsComplainantIdentity {
                expectations["forbid"] = RenderingTests.identity
            }
            cases.append(MIMEChecker.Case(message: notice.text, expectations: expectations))
        }
        #expect(cases.count == 124)
        let result = try MIMEChecker.run(cases)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("checked 124 messages, 0 failures"), "\(result.output)")
    }

    @Test("Every shipped template renders in every language as a letter within 72 columns")
    func everyTemplateAsLetter() throws {
        for (kind, audience, language) in Fixtures.shipped {
            let input = Fixtures.input(kind, audience, language, channel: .post)
            let notice = try RenderingTests.renderer.render(input)
            let template = try TemplateSource().template(kind: kind, audience: audience, language: language)
            #expect(notice.messageID == nil)
            #expect(!notice.text.contains("\r"))
            #expect(notice.text.hasSuffix("\n") && !notice.text.hasSuffix("\n\n"))
            let lines = notice.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            for line in lines {
                #expect(RenderingTests.columns(line) <= 72, "\(notice.templateName): \(line)")
                #expect(line.last != " ", "\(notice.templateName): trailing space in \(line)")
            }
            #expect(lines.first.map(String.init) == input.office.name)
            let flat = lines.joined(separator: " ")
            for line in input.recipient.postalAddress {
                #expect(lines.contains(Substring(line)), "\(notice.templateName) lacks \(line)")
            }
            for expected in Fixtures.letterLines(language) {
                #expect(lines.contains(Substring(expected)), "\(notice.templateName) lacks \(expected)")
            }
            for expected in RenderingTests.expectedContent(for: input, template: template) {
                // Wrapping may break a long name across lines; compare without line breaks.
                #expect(flat.contains(expected), "\(notice.templateName) lacks \(expected)")
            }
            if audience.withholdsComplainantIdentity {
                for word in RenderingTests.identity {
                    #expect(!notice.text.contains(word), "\(notice.templateName) reveals \(word)")
                }
            }
        }
    }

    @Test("Korean notices carry their subject as RFC 2047 encoded-words that decode to the original")
    func koreanSubjectRoundTrips() throws {
        let notice = try RenderingTests.renderer.render(Fixtures.input(.decision, .complainant, "ko"))
        #expect(notice.subject == "[HRC-2026-000042] 진정에 대한 결정 통지")
        let header = try #require(RenderingTests.header("Subject", in: notice.text))
        #expect(header.contains("=?UTF-8?B?"))
        #expect(header.utf8.allSatisfy { $0 < 128 })
        #expect(header.hasPrefix(" [HRC-2026-000042] "), "ASCII words stay readable: \(header)")
        #expect(Decode.encodedWords(String(header.dropFirst())) == notice.subject)

        // A long Korean subject is split into several encoded-words on folded lines.
        let long = String(repeating: "광주광역시 인권옴부즈맨 진정 처리기한 연장 안내 ", count: 4) + "끝"
        var headers = MIMEHeaders()
        try headers.append("Subject", text: long)
        let field = headers.fields[0].line
        let lines = field.components(separatedBy: "\r\n")
        #expect(lines.count > 2)
        for line in lines { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(Decode.encodedWords(String(field.dropFirst("Subject: ".count))) == HeaderTextProbe.singleLine(long))
    }

    @Test("Email notices use CRLF everywhere and quoted-printable lines of at most 76 characters")
    func crlfAndQuotedPrintable() throws {
        var input = Fixtures.input(.decision, .respondent, "ko")
        input.variables["decision_summary"] = .text(
            String(repeating: "주택정책과는 2025년 소득 기준을 시행 이전 기간에 적용하였습니다. ", count: 6)
                + "Formula: a = b + c; 100% =  \nTrailing space here \nCarriage\rreturn and tab\tend\t")
        let notice = try RenderingTests.renderer.render(input)
        let bytes = Array(notice.text.utf8)
        for (index, byte) in bytes.enumerated() {
            #expect(byte < 128, "8-bit byte at \(index)")
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)") }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)") }
        }
        let parts = notice.text.components(separatedBy: "\r\n\r\n")
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        for line in body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "\(line)")
        }
        #expect(body.contains("=3D"), "'=' is encoded")
        #expect(Decode.quotedPrintable(body) == notice.body, "quoted-printable decodes to the body")
        #expect(notice.body.contains("a = b + c; 100% =\nTrailing space here\nCarriage\nreturn and tab\tend\n"))
    }

    @Test("CR and LF in variables never create a header; addresses with them are refused")
    func headerInjectionIsNeutralised() throws {
        var input = Fixtures.input(.acknowledgement, .complainant, "en")
        input.recipient.name = "Kim Min-ji\r\nBcc: victim@evil.example"
        input.office.sender =
            "Gwangju Human Rights Ombudsman\r\nBcc: office@evil.example <ombudsman@hr.gwangju.example>"
        input.variables["respondent_name"] = .text("Housing\r\nBcc: all@evil.example\r\n\r\nInjected body")
        let notice = try RenderingTests.renderer.render(input)
        let headerBlock = try #require(notice.text.components(separatedBy: "\r\n\r\n").first)
        let names = headerBlock.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map {
            $0.prefix { $0 != ":" }
        }
        #expect(
            names == [
                "Date", "From", "To", "Subject", "Message-ID", "In-Reply-To", "References", "Content-Language",
                "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
            ])
        #expect(notice.subject == "[HRC-2026-000042] We have received your complaint")
        let result = try MIMEChecker.run([
            MIMEChecker.Case(
                message: notice.text,
                expectations: [
                    "to": ["name": "Kim Min-ji Bcc: victim@evil.example", "address": Fixtures.complainantEmail],
                    "from": [
                        "name": "Gwangju Human Rights Ombudsman Bcc: office@evil.example",
                        "address": "ombudsman@hr.gwangju.example",
                    ],
                    "headers_absent": ["Bcc"],
                    "body_contains": ["Housing\nBcc: all@evil.example\n\nInjected body"],
                ])
        ])
        #expect(result.status == 0, "\(result.output)")

        for bad in [
            "victim@evil.example\r\nBcc: x@evil.example", "two words@example.org", "ünicode@example.org", "no-at-sign",
        ] {
            var addressed = Fixtures.input(.acknowledgement, .complainant, "en")
            addressed.recipient.email = bad
            #expect(throws: NoticeError.invalidAddress(field: "recipient email", value: bad)) {
                try RenderingTests.renderer.render(addressed)
            }
        }
        var badDomain = Fixtures.input(.acknowledgement, .complainant, "en")
        badDomain.office.mailDomain = "example.org>\r\nBcc: x@evil.example"
        #expect(throws: NoticeError.invalidAddress(field: "office mail domain", value: badDomain.office.mailDomain)) {
            try RenderingTests.renderer.render(badDomain)
        }
    }

    @Test("A missing variable is an error naming it and the template")
    func missingVariableIsNamed() throws {
        var input = Fixtures.input(.extensionLetter, .complainant, "ko")
        input.variables["new_due_date"] = nil
        #expect(
            throws: NoticeError.missingVariable(
                name: "new_due_date", template: "extension_letter.complainant.ko.mustache")
        ) {
            try RenderingTests.renderer.render(input)
        }
        // Inside a list item too.
        var decision = Fixtures.input(.decision, .complainant, "en")
        decision.variables["remedies"] = [["description": "Apologise in writing"]]
        #expect(throws: NoticeError.missingVariable(name: ".due_date", template: "decision.complainant.en.mustache")) {
            try RenderingTests.renderer.render(decision)
        }
        // A section's name is checked like any other.
        var outcome = Fixtures.input(.mediationOutcome, .complainant, "en")
        outcome.variables["settled"] = nil
        #expect(
            throws: NoticeError.missingVariable(name: "settled", template: "mediation_outcome.complainant.en.mustache")
        ) {
            try RenderingTests.renderer.render(outcome)
        }
        let error = NoticeError.missingVariable(
            name: "new_due_date", template: "extension_letter.complainant.ko.mustache")
        #expect(
            error.description.contains("{{new_due_date}}")
                && error.description.contains("extension_letter.complainant.ko.mustache"))
    }

    @Test("Sections that are not rendered need no values, and empty text leaves its paragraph out")
    func onlyRenderedSectionsAreChecked() throws {
        var input = Fixtures.input(.mediationOutcome, .complainant, "en")
        input.variables["settled"] = false
        input.variables["terms"] = nil
        let failed = try RenderingTests.renderer.render(input)
        #expect(failed.body.contains("ended without an agreement"))
        #expect(failed.body.contains("by investigation"))
        #expect(!failed.body.contains("agreed to do the following"))

        var progress = Fixtures.input(.progressUpdate, .complainant, "en")
        progress.variables["breached"] = false
        progress.variables["missed_clock"] = nil
        progress.variables["missed_due_date"] = nil
        progress.variables["progress_summary"] = ""
        let update = try RenderingTests.renderer.render(progress)
        #expect(!update.body.contains("We are sorry"))
        #expect(!update.body.contains("\n\n\n"))
        #expect(
            update.body.contains(
                "It is now at the stage of investigation.\n\nWe now expect the next step by 12 June 2026."))

        var decision = Fixtures.input(.decision, .complainant, "ko")
        decision.variables["remedies"] = []
        decision.variables["outcome"] = .outcome(.notUpheld)
        let notUpheld = try RenderingTests.renderer.render(decision)
        #expect(notUpheld.body.contains("결정: 기각"))
        #expect(notUpheld.body.contains("광주광역시 주택정책과에 추가로 요구하는 사항은 없습니다."))
    }

    @Test("Dates, instants and terms are written in the notice's language")
    func localisedValues() throws {
        let english = try RenderingTests.renderer.render(Fixtures.input(.hearingNotice, .complainant, "en"))
        #expect(english.body.contains("When: 20 April 2026 at 10:00\n"))
        #expect(english.body.contains("- Yoon Seo-yeon\n- Kang Dong-hyun\n"))
        let korean = try RenderingTests.renderer.render(Fixtures.input(.hearingNotice, .complainant, "ko"))
        #expect(korean.body.contains("일시: 2026년 4월 20일 10:00\n"))
        let decision = try RenderingTests.renderer.render(Fixtures.input(.decision, .respondent, "ko"))
        #expect(decision.body.contains("결정: 일부 인용"))
        #expect(decision.body.contains("- 주거급여 지급 재개 및 미지급분 지급 (기한: 2026년 4월 14일)"))
        let breach = try RenderingTests.renderer.render(Fixtures.input(.escalationToSupervisor, .supervisor, "en"))
        #expect(breach.subject == "[HRC-2026-000042] Time limit breached: the body's written response")
    }

    @Test("Automatic notices are marked Auto-Submitted; notices a person sends are not")
    func autoSubmitted() throws {
        var input = Fixtures.input(.progressUpdate, .complainant, "en")
        input.automatic = true
        let automatic = try RenderingTests.renderer.render(input)
        #expect(automatic.text.contains("\r\nAuto-Submitted: auto-generated\r\n"))
        #expect(automatic.body.contains("This notice was sent automatically"))
        input.automatic = false
        let manual = try RenderingTests.renderer.render(input)
        #expect(!manual.text.contains("Auto-Submitted"))
        #expect(!manual.body.contains("sent automatically"))
    }

    @Test("Rendering is deterministic: the same input gives the same message, id and thread")
    func deterministic() throws {
        let first = try RenderingTests.renderer.render(Fixtures.input(.closure, .respondent, "ko", id: 99))
        let second = try RenderingTests.renderer.render(Fixtures.input(.closure, .respondent, "ko", id: 99))
        #expect(first == second)
        #expect(first.messageID == "<notice-99.HRC-2026-000042@hr.gwangju.example>")
        #expect(
            first.text.contains(
                "\r\nIn-Reply-To: <case.HRC-2026-000042@hr.gwangju.example>\r\nReferences: <case.HRC-2026-000042@hr.gwangju.example>\r\n"
            ))
        #expect(first.text.hasPrefix("Date: Mon, 16 Mar 2026 09:30:00 +0900\r\n"))
    }

    @Test(
        "Complainant identity supplied for a respondent or head of body without consent is refused",
        arguments: [
            NoticeAudience.respondent, .headOfBody,
        ])
    func identityWithoutConsentIsRefused(audience: NoticeAudience) throws {
        let kind: NoticeKind = audience == .respondent ? .decision : .letterToHeadOfBody
        for (name, value) in [
            ("complainant_name", NoticeValue.text("Kim Min-ji")),
            ("complainant_email", .text(Fixtures.complainantEmail)),
            ("complainant_phone", .text(Fixtures.complainantPhone)), ("representative_name", .text("Jung Ha-neul")),
        ] {
            var input = Fixtures.input(kind, audience, "en")
            input.variables[name] = value
            #expect(throws: NoticeError.complainantIdentityWithheld(variable: name, audience: audience)) {
                try RenderingTests.renderer.render(input)
            }
        }
        // Nested in a record or a list, too.
        var nested = Fixtures.input(kind, audience, "en")
        nested.variables["remedies"] = [
            [
                "description": "Apologise", "due_date": .date(Fixtures.date("2026-04-01")),
                "complainant_name": "Kim Min-ji",
            ]
        ]
        #expect(throws: NoticeError.complainantIdentityWithheld(variable: "complainant_name", audience: audience)) {
            try RenderingTests.renderer.render(nested)
        }
        // With consent the value is accepted (the shipped template still does not print it).
        var consented = Fixtures.input(kind, audience, "en")
        consented.variables["complainant_name"] = "Kim Min-ji"
        consented.disclosureAllowed = true
        let notice = try RenderingTests.renderer.render(consented)
        #expect(!notice.text.contains("Kim Min-ji"))
    }

    @Test("A respondent notice whose text would contain the complainant's identity is refused without consent")
    func identityInFreeTextIsRefused() throws {
        var input = Fixtures.input(.decision, .respondent, "en")
        input.withheldIdentity = [Fixtures.complainant.en, Fixtures.complainantEmail, Fixtures.complainantPhone, "K"]
        #expect(try RenderingTests.renderer.render(input).body.contains("partly upheld"))
        for leak in [
            "Ms KIM  min-ji told us the benefit stopped.", "Write to minji.kim@mail.example.", "Call 010-5555-0142.",
        ] {
            var leaking = input
            leaking.variables["decision_summary"] = .text(leak)
            #expect(
                throws: NoticeError.complainantIdentityInText(
                    template: "decision.respondent.en.mustache", audience: .respondent)
            ) {
                try RenderingTests.renderer.render(leaking)
            }
            leaking.disclosureAllowed = true
            #expect(try RenderingTests.renderer.render(leaking).body.contains(leak))
        }
        // Complainant notices may of course name the complainant.
        var own = Fixtures.input(.decision, .complainant, "en")
        own.withheldIdentity = [Fixtures.complainant.en]
        #expect(try RenderingTests.renderer.render(own).body.contains("Dear Kim Min-ji"))
        let error = NoticeError.complainantIdentityInText(
            template: "decision.respondent.en.mustache", audience: .respondent)
        #expect(!error.description.contains("Kim"))
    }

    /// The guard was byte-exact: a decomposed accent, a name written surname first, a phone
    /// with other separators or the postal address went out to the respondent.
    @Test(arguments: [
        "Mr Jose\u{301} Rami\u{301}rez called.", "RAMÍREZ, José wrote to us.", "Call 01055551234 or (010) 5555 1234.",
        "He lives at 12-3 Sangmu-daero,\nSeo-gu Gwangju.", "Reply to jramirez at the usual domain.",
        "ＲＡＭÍＲＥＺ Ｊｏｓé's complaint",
    ])
    func identityIsFoundWhateverItsSpelling(_ leak: String) throws {
        var input = Fixtures.input(.decision, .respondent, "en")
        input.withheldIdentity = WithheldIdentity(
            names: ["José Ramírez"], emails: ["jramirez@mail.example"], phones: ["010-5555-1234"],
            addresses: ["12-3 Sangmu-daero, Seo-gu Gwangju"])
        #expect(
            try RenderingTests.renderer.render(input).body.contains("partly upheld"),
            "the notice alone does not trip the guard")
        input.variables["decision_summary"] = .text(leak)
        #expect(
            throws: NoticeError.complainantIdentityInText(
                template: "decision.respondent.en.mustache", audience: .respondent)
        ) {
            try RenderingTests.renderer.render(input)
        }
    }

    @Test func identityPartsMatchWholeWordsInSpacedScriptsAndInsideWordsInHangul() {
        let identity = WithheldIdentity(names: ["Park Min-jun", "박민준"])
        #expect(!identity.isShown(in: "The Ministry of Parks replied."), "parts match whole words, not inside others")
        #expect(identity.isShown(in: "MIN-JUN PARK said so."))
        #expect(!identity.isShown(in: "Our caseworker Park Ji-hoon said so."), "a shared surname alone is not the name")
        #expect(identity.isShown(in: "박민준씨가 말했습니다."), "Hangul carries particles on the name")
        #expect(!WithheldIdentity(phones: ["010-5555-1234"]).isShown(in: "Case 2026-000042 of 2026"))
    }

    @Test("An override respondent template that uses complainant identity is refused without consent")
    func overrideUsingIdentityIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Subject: [{{reference}}] Complaint\n\nA complaint from {{complainant_name}}.\n".utf8)
            .write(to: folder.appendingPathComponent("acknowledgement.respondent.en.mustache"))
        let renderer = NoticeRenderer(templates: TemplateSource(overrideDirectory: folder.path))
        #expect(throws: NoticeError.complainantIdentityWithheld(variable: "complainant_name", audience: .respondent)) {
            try renderer.render(Fixtures.input(.acknowledgement, .respondent, "en"))
        }
        var consented = Fixtures.input(.acknowledgement, .respondent, "en")
        consented.disclosureAllowed = true
        consented.variables["complainant_name"] = "Kim Min-ji"
        #expect(try renderer.render(consented).body == "A complaint from Kim Min-ji.\n")
    }

    @Test("Variables the renderer supplies, or bad names, are refused")
    func reservedAndBadNames() throws {
        var reserved = Fixtures.input(.closure, .complainant, "en")
        reserved.variables["reference"] = "HRC-2026-000001"
        #expect(throws: NoticeError.reservedVariable("reference")) { try RenderingTests.renderer.render(reserved) }
        var derived = Fixtures.input(.closure, .complainant, "en")
        derived.variables["due_date_iso"] = "2026-01-01"
        #expect(throws: NoticeError.reservedVariable("due_date_iso")) { try RenderingTests.renderer.render(derived) }
        var bad = Fixtures.input(.closure, .complainant, "en")
        bad.variables["closure reasons"] = "x"
        #expect(throws: NoticeError.invalidVariableName("closure reasons")) { try RenderingTests.renderer.render(bad) }
        var notText = Fixtures.input(.closure, .complainant, "en")
        notText.variables["closure_reasons"] = ["a", "b"]
        #expect(
            throws: NoticeError.variableNotText(name: "closure_reasons", template: "closure.complainant.en.mustache")
        ) {
            try RenderingTests.renderer.render(notText)
        }
    }

    @Test("Missing addresses and unknown templates are clear errors")
    func missingAddressesAndTemplates() throws {
        var noEmail = Fixtures.input(.closure, .complainant, "en")
        noEmail.recipient.email = nil
        #expect(throws: NoticeError.missingRecipientAddress(.email)) { try RenderingTests.renderer.render(noEmail) }
        var noPost = Fixtures.input(.closure, .complainant, "en", channel: .post)
        noPost.recipient.postalAddress = []
        #expect(throws: NoticeError.missingRecipientAddress(.post)) { try RenderingTests.renderer.render(noPost) }
        #expect(throws: NoticeError.templateNotFound("closure.complainant.de.mustache")) {
            try RenderingTests.renderer.render(Fixtures.input(.closure, .complainant, "de"))
        }
        #expect(throws: NoticeError.templateNotFound("decision.assignee.en.mustache")) {
            try RenderingTests.renderer.render(Fixtures.input(.decision, .assignee, "en"))
        }
    }

    @Test("Values are written as they are: no HTML escaping, no template re-reading")
    func valuesAreLiteral() throws {
        var input = Fixtures.input(.closure, .complainant, "en")
        input.variables["closure_reasons"] = "Fees < 100 & \"rent\" > 50; {{reference}} stays literal"
        let notice = try RenderingTests.renderer.render(input)
        #expect(notice.body.contains("Fees < 100 & \"rent\" > 50; {{reference}} stays literal"))
    }

    @Test("Arbitrary text in names, subject and body always gives a valid message that decodes to it")
    func arbitraryTextRoundTrips() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Subject: [{{reference}}] {{subject_text}}\n\n{{body_text}}\n".utf8)
            .write(to: folder.appendingPathComponent("closure.complainant.en.mustache"))
        let renderer = NoticeRenderer(templates: TemplateSource(overrideDirectory: folder.path))
        let pieces = [
            "a", "Z", "9", " ", "  ", "\t", "\r\n", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "=", "=?",
            "?=", "=?UTF-8?B?QQ==?=",
            "\"", "\\", "(", ")", "<", ">", "@", ",", ";", ":", "[", "]", ".", "_", "From ", "Bcc: x@evil.example",
            "가", "민지", "진정 처리", "é", "e\u{301}", "ü", "👩‍👩‍👧", "\u{202E}", "\u{FEFF}", "中文", "ñ",
            String(repeating: "x", count: 70), String(repeating: "가", count: 40),
        ]
        var generator = SplitMix(state: 2026)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        var cases: [MIMEChecker.Case] = []
        for index in 0..<40 {
            var input = Fixtures.input(.closure, .complainant, "en", id: index)
            input.recipient.name = text(1 + index % 9)
            let senderName = text(1 + index % 7).replacingOccurrences(of: "<", with: "").replacingOccurrences(
                of: ">", with: "")
            input.office.sender = senderName + " <ombudsman@hr.gwangju.example>"
            input.variables["subject_text"] = .text(text(2 + index % 15))
            input.variables["body_text"] = .text(text(5 + index * 3))
            let notice = try renderer.render(input)
            let sender = try Mailbox(parsing: input.office.sender)
            #expect(
                notice.subject
                    == HeaderTextProbe.singleLine(
                        "[HRC-2026-000042] "
                            + (input.variables["subject_text"].flatMap { if case let .text(t) = $0 { t } else { nil } }
                                ?? "")))
            cases.append(
                MIMEChecker.Case(
                    message: notice.text,
                    expectations: [
                        "subject": notice.subject,
                        "to": [
                            "name": HeaderTextProbe.singleLine(input.recipient.name),
                            "address": Fixtures.complainantEmail,
                        ],
                        "from": [
                            "name": HeaderTextProbe.singleLine(sender.name ?? ""),
                            "address": "ombudsman@hr.gwangju.example",
                        ],
                        "headers_absent": ["Bcc"],
                        "body_contains": [String(notice.body.dropLast())],
                    ]))
        }
        let result = try MIMEChecker.run(cases)
        #expect(result.status == 0, "\(result.output)")
    }

    static func columns<S: StringProtocol>(_ line: S) -> Int {
        line.reduce(0) { total, character in
            let value = character.unicodeScalars.first!.value
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
            return total + (wide ? 2 : 1)
        }
    }

    /// The value of the first header `name` in a message, unfolded, after the colon.
    static func header(_ name: String, in message: String) -> String? {
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        var value: String?
        for line in head.components(separatedBy: "\r\n") {
            // Unfolding removes the CRLF and keeps the space after it.
            if line.hasPrefix(" "), value != nil {
                value! += line
                continue
            }
            if value != nil { break }
            if line.hasPrefix("\(name):") { value = String(line.dropFirst(name.count + 1)) }
        }
        return value
    }
}

/// What a header does to text, restated for the tests: every run of white space (line breaks
/// included) becomes one space, other control characters go, and the ends are trimmed.
enum HeaderTextProbe {
    static func singleLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                scalars.append(" ")
            } else if scalar.properties.generalCategory != .control {
                scalars.append(scalar)
            }
        }
        return String(scalars).split(separator: " ").joined(separator: " ")
    }
}

/// A small deterministic random generator (SplitMix64), so generated cases are the same every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
