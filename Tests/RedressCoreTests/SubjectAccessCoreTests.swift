import Foundation
import Testing

@testable import RedressCore

/// The pure parts of subject access: keys as the database compares them, the redaction of
/// other people, and the data-protection section of the statistics.
@Suite("Subject access")
struct SubjectAccessCoreTests {
    @Test(arguments: [
        (PersonKey.Kind.email, "  Jihoon.Park@Example.ORG ", "jihoon.park@example.org"),
        (.phone, "010-5555 0142", "01055550142"),
        (.phone, "+82 10 5555 0142", "01055550142"),
        (.phone, "+82 (0)10-5555-0142", "01055550142"),
        (.name, "  PARK   Ji-hoon ", "parkji-hoon"),
        (.name, "박 지훈", "박지훈"),
        // Decomposed jamo compose to the same name.
        (.name, "\u{1107}\u{1161}\u{11A8}\u{110C}\u{1175}\u{1112}\u{116E}\u{11AB}", "박지훈"),
    ])
    func keysAreNormalised(kind: PersonKey.Kind, value: String, normalised: String) throws {
        #expect(try PersonKey(kind: kind, value: value).normalised == normalised)
    }

    @Test(arguments: [
        (PersonKey.Kind.email, "no-at-sign"), (.email, "two words@example.org"), (.phone, "12-34"), (.name, " x "),
    ])
    func unusableKeysAreRefused(kind: PersonKey.Kind, value: String) {
        #expect(throws: PersonKeyError.self) { try PersonKey(kind: kind, value: value) }
    }

    @Test func otherPeopleAreReplacedByTheirRole() {
        let redactor = Redactor(
            others: [
                Redactor.Other(
                    role: "representative", names: ["Han Seojin"], emails: ["Seojin.Han@law.example"],
                    phones: ["010-7777-1234"]),
                Redactor.Other(role: "other complainant", names: ["오민서"]),
                Redactor.Other(role: "respondent officer", names: ["Park Sangwoo"]),
            ], keep: ["Park Ji-hoon"])
        let text = redactor.redact(
            "Han Seojin (seojin.han@LAW.example, 010 7777 1234) wrote; Mr Han called. 오민서가 왔다. Park Sangwoo and Park Ji-hoon met; Sangwoo signed. Thanks."
        )
        #expect(
            text
                == "[representative] ([representative], [representative]) wrote; Mr [representative] called. [other complainant]가 왔다. [respondent officer] and Park Ji-hoon met; [respondent officer] signed. Thanks."
        )
    }

    @Test func theDataProtectionSectionIsInEveryFormat() throws {
        var report = StatisticsFixtures.report
        report.dataProtection = DataProtectionStatistics(
            anonymisation: AnonymisationStatistics(
                anonymisedByRetention: 4, anonymisedOnErasure: 1, holdsPlaced: 2, onHoldAtEnd: 1),
            subjectAccess: SubjectAccessStatistics(
                received: 3, answered: 2, openAtEnd: 1, medianDays: 6.5, maxDays: 12, withinTenDays: 1,
                withinOneMonth: 2))
        let text = report.renderText()
        #expect(text.contains("DATA PROTECTION"))
        #expect(
            text.split(separator: "\n").contains {
                $0.contains("Answered within 10 days (PIPA)") && $0.hasSuffix("1 of 2 (50.0%)")
            }, "\(text)")
        let csv = report.renderCSV()
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.contains("data_protection,part,subject_access,median_days,6.5"))
        #expect(lines.contains("data_protection,part,anonymisation,cases_anonymised,5"))
        #expect(lines.contains("data_protection,part,subject_access,within_one_month,2"))
        let html = report.renderHTML()
        #expect(html.contains("<section id=\"data-protection\">"))
        #expect(html.contains("Days to answer, longest"))
        let decoded = try StatisticsReport.decodeJSON(Data(report.renderJSON().utf8))
        #expect(decoded == report)
        #expect(report.renderJSON().contains("\"within_10_days\" : {"))
        #expect(html.contains("<a href=\"#data-protection\">"))
        // A report without the section (read back from an older JSON) shows none.
        #expect(!StatisticsFixtures.report.renderText().contains("DATA PROTECTION"))
    }
}
