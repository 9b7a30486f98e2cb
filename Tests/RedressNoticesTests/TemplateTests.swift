import Foundation
import RedressCore
import RedressNotices
import Testing

@Suite("Notice templates")
struct TemplateTests {
    static let templateFolder = Fixtures.packageRoot.appendingPathComponent("Sources/RedressNotices/Templates")

    @Test("The binary carries every file in Sources/RedressNotices/Templates")
    func everyTemplateFileIsEmbedded() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TemplateTests.templateFolder.path)
            .filter { !$0.hasPrefix(".") }
        #expect(names.count == 124)
        #expect(Set(names) == Set(TemplateSource.embeddedTemplates.keys))
    }

    @Test("Every kind has an English and a Korean template for each of its audiences, and no stray files")
    func everyKindAudienceAndLanguage() throws {
        let source = TemplateSource()
        for (kind, audience, language) in Fixtures.shipped {
            #expect(
                source.hasTemplate(kind: kind, audience: audience, language: language),
                "\(kind).\(audience).\(language)")
        }
        for name in TemplateSource.embeddedTemplates.keys {
            let parts = name.split(separator: ".")
            #expect(parts.count == 4 && parts[3] == "mustache", "\(name)")
            guard parts.count == 4, let kind = NoticeKind(rawValue: String(parts[0])),
                let audience = NoticeAudience(rawValue: String(parts[1]))
            else {
                Issue.record("\(name) does not name a kind and audience")
                continue
            }
            #expect(kind.audiences.contains(audience), "\(name) is for an audience its kind does not list")
        }
    }

    @Test(
        "Templates use only the standard variables and their kind's documented ones, and every documented one is used")
    func variablesMatchTheContract() throws {
        let recordFields: Set<String> = [
            "description", "due_date", "name", "title", "clock", "previous_due_date", "new_due_date",
        ]
        var usedByKind: [NoticeKind: Set<String>] = [:]
        for (name, text) in TemplateSource.embeddedTemplates {
            let template = try NoticeTemplate(name: name, text: text)
            let kind = NoticeKind(rawValue: String(name.split(separator: ".")[0]))!
            let documented = Set(kind.variables)
            for used in template.referencedNames {
                let allowed =
                    NoticeRenderer.standardVariables.contains(used) || documented.contains(used)
                    || recordFields.contains(used)
                    || (used.hasPrefix("has_") && documented.contains(String(used.dropFirst(4))))
                    || documented.contains { used.hasPrefix("\($0)_is_") }
                    || (used.hasSuffix("_iso") && documented.contains(String(used.dropLast(4))))
                #expect(allowed, "\(name) uses {{\(used)}}, which is neither standard nor documented for \(kind)")
            }
            usedByKind[kind, default: []].formUnion(template.referencedNames)
        }
        for kind in NoticeKind.allCases {
            for variable in kind.variables {
                #expect(
                    usedByKind[kind, default: []].contains(variable),
                    "\(kind) documents \(variable) but no template uses it")
            }
        }
    }

    @Test("Every language's version of a template needs the same variables as the English one")
    func languagesAgree() throws {
        for (kind, audience, language) in Fixtures.shipped where language != "en" {
            let english = try TemplateSource().template(kind: kind, audience: audience, language: "en")
            let other = try TemplateSource().template(kind: kind, audience: audience, language: language)
            #expect(english.referencedNames == other.referencedNames, "\(kind).\(audience).\(language)")
        }
    }

    @Test(
        "Spanish is shipped for every complainant and representative notice; the languages of a template can be listed"
    )
    func spanishAndLanguageListing() throws {
        for kind in NoticeKind.allCases {
            for audience in [NoticeAudience.complainant, .representative] where kind.audiences.contains(audience) {
                #expect(TemplateSource().languages(kind: kind, audience: audience) == ["en", "es", "ko"], "\(kind)")
            }
        }
        #expect(TemplateSource().languages(kind: .decision, audience: .respondent) == ["en", "ko"])
        #expect(TemplateSource().languages(kind: .decision, audience: .assignee) == [])
    }

    @Test("Respondent and head-of-body templates never use complainant identity")
    func respondentTemplatesHaveNoIdentity() throws {
        for (name, text) in TemplateSource.embeddedTemplates
        where name.contains(".respondent.") || name.contains(".head_of_body.") {
            let template = try NoticeTemplate(name: name, text: text)
            let identity = template.referencedNames.filter(NoticeRenderer.isComplainantIdentity)
            #expect(identity.isEmpty, "\(name) uses \(identity.sorted())")
        }
    }

    @Test("A template in the override folder takes precedence over the built-in one")
    func overrideFolderTakesPrecedence() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Subject: [{{reference}}] Received, {{recipient_name}}\n\nOverride body for {{reference}}.\n".utf8)
            .write(to: folder.appendingPathComponent("acknowledgement.complainant.en.mustache"))
        let renderer = NoticeRenderer(templates: TemplateSource(overrideDirectory: folder.path))
        let overridden = try renderer.render(Fixtures.input(.acknowledgement, .complainant, "en"))
        #expect(overridden.subject == "[HRC-2026-000042] Received, Kim Min-ji")
        #expect(overridden.body == "Override body for HRC-2026-000042.\n")
        // Other templates still come from the binary.
        let builtIn = try renderer.render(Fixtures.input(.closure, .complainant, "en"))
        #expect(builtIn.subject == "[HRC-2026-000042] We have closed your complaint")
        // An office can add a language of its own; its dates are written in ISO form.
        try Data("Subject: [{{reference}}] Plainte reçue\n\nReçue le {{received_date}}.\n".utf8)
            .write(to: folder.appendingPathComponent("acknowledgement.complainant.fr.mustache"))
        let french = try renderer.render(Fixtures.input(.acknowledgement, .complainant, "fr"))
        #expect(french.body == "Reçue le 2026-03-12.\n")
        #expect(renderer.templates.hasTemplate(kind: .acknowledgement, audience: .complainant, language: "fr"))
        #expect(!TemplateSource().hasTemplate(kind: .acknowledgement, audience: .complainant, language: "fr"))
    }

    @Test("An override that is not valid UTF-8, or too large, is refused with its name")
    func badOverrideFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x53, 0x75, 0x62, 0xFF, 0xFE]).write(
            to: folder.appendingPathComponent("closure.complainant.en.mustache"))
        try Data(repeating: 0x41, count: TemplateSource.maximumTemplateBytes + 1).write(
            to: folder.appendingPathComponent("decision.complainant.en.mustache"))
        let renderer = NoticeRenderer(templates: TemplateSource(overrideDirectory: folder.path))
        #expect(
            throws: NoticeError.templateInvalid(
                template: "closure.complainant.en.mustache",
                reason: "the file in the template folder is not UTF-8 text.")
        ) {
            try renderer.render(Fixtures.input(.closure, .complainant, "en"))
        }
        do {
            _ = try renderer.render(Fixtures.input(.decision, .complainant, "en"))
            Issue.record("a huge override was read")
        } catch let error as NoticeError {
            guard case let .templateUnreadable(path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path.hasSuffix("decision.complainant.en.mustache"))
        }
    }

    @Test(
        "Malformed templates are refused with the reason and line",
        arguments: [
            ("Dear {{recipient_name}}\n", "its first line must be the subject"),
            ("Subject: x\nDear\n", "must be followed by a blank line"),
            (
                "Subject: x\n\n{{#remedies}}\n- {{description}}\n",
                "the section {{#remedies}} opened on line 3 is not closed"
            ),
            ("Subject: x\n\nHello\n{{/remedies}}\n", "{{/remedies}} on line 4 closes a section that is not open"),
            ("Subject: x\n\n{{> signature}}\n", "is not supported in notice templates"),
            ("Subject: x\n\n{{lowercased(name)}}\n", "is not a variable name"),
            ("Subject: x {{reference\n\nBody\n", "the tag opened with {{ on line 1 is not closed"),
        ])
    func malformedTemplates(text: String, reason: String) throws {
        do {
            _ = try NoticeTemplate(name: "bad.complainant.en.mustache", text: text)
            Issue.record("accepted: \(text)")
        } catch let error as NoticeError {
            guard case let .templateInvalid(template, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(template == "bad.complainant.en.mustache")
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test("Only plain template file names are looked up, never a path")
    func onlyFileNames() throws {
        let source = TemplateSource(
            overrideDirectory: TemplateTests.templateFolder.appendingPathComponent("../Templating").path)
        #expect(try source.text(named: "../Templating/TemplateSource.swift") == nil)
        #expect(try source.text(named: "../../../Package.swift") == nil)
        #expect(
            try source.text(named: "closure.complainant.en.mustache")
                == TemplateSource.embeddedTemplates["closure.complainant.en.mustache"])
    }

    @Test("Every escalation step sends notices that have templates for every audience they are routed to")
    func escalationNotices() throws {
        for step in EscalationStep.allCases {
            let notices = NoticeKind.notices(for: step)
            #expect(!notices.isEmpty, "\(step)")
            for (kind, planned) in notices {
                for audience in NoticeRouting.audiences(for: planned) {
                    #expect(kind.audiences.contains(audience), "\(step): \(kind) has no \(audience) template")
                }
            }
        }
        #expect(NoticeKind.notices(for: .warning).map(\.kind) == [.warningToAssignee])
        #expect(NoticeKind.notices(for: .breach).map(\.audience) == [.supervisor, .complainant])
    }

    @Test("Language codes that are not lowercase ISO 639 never reach a file name")
    func languageCodesAreChecked() throws {
        for code in ["../etc", "EN", "e", "en-GB", "english", ""] {
            #expect(throws: NoticeError.invalidLanguage(code)) {
                try TemplateSource().template(kind: .closure, audience: .complainant, language: code)
            }
        }
    }
}
