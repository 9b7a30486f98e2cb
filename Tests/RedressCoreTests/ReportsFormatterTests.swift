import Foundation
import Testing

@testable import RedressCore

@Suite("Deadline report: formats")
struct ReportsFormatterTests {
    static let header = DeadlineReportHeader(
        office: "Gwangju Human Rights Office", asOf: d("2026-01-20"), withinWorkingDays: 5,
        previousWorkingDay: d("2026-01-19"), horizon: d("2026-01-27"))

    /// Rows of two assignees and the unassigned, one of each list, with text that needs escaping.
    static let rows: [DeadlineRow] = [
        DeadlineRow(
            assignee: "jkim", reference: "HRC-2026-000001", clock: .triage, respondent: "Gwangju Metropolitan City",
            urgent: false, startDate: d("2026-01-05"),
            finding: DeadlineFinding(
                section: .newlyBreached, dueDate: d("2026-01-19"), daysOverdue: 1, workingDaysOverdue: 1)),
        DeadlineRow(
            assignee: "jkim", reference: "HRC-2026-000002", clock: .respondentResponse, respondent: "광주광역시 도시철도공사",
            urgent: true, startDate: d("2025-11-03"),
            finding: DeadlineFinding(
                section: .nonCompliance, dueDate: d("2025-12-01"), daysOverdue: 50, workingDaysOverdue: 36,
                nonCompliantSince: d("2026-01-12"))),
        DeadlineRow(
            assignee: "jkim", reference: "HRC-2026-000003", clock: .acknowledge,
            respondent: "=HYPERLINK(\"http://x\"), \"quoted\"", urgent: false, startDate: d("2026-01-15"),
            finding: DeadlineFinding(section: .dueSoon, dueDate: d("2026-01-20"), workingDaysLeft: 0)),
        DeadlineRow(
            assignee: "mlee", reference: "HRC-2026-000004", clock: .investigation,
            respondent: "<script>alert(1)</script> & Co\u{1B}[2J", urgent: false, startDate: d("2025-10-01"),
            finding: DeadlineFinding(
                section: .paused, pausedSince: d("2026-01-06"), pauseReason: "on_hold", pausedDays: 14)),
        DeadlineRow(
            assignee: "mlee", reference: "HRC-2026-000005", clock: .triage, respondent: "Buk-gu District Office",
            urgent: false, startDate: d("2025-12-15"),
            finding: DeadlineFinding(
                section: .overdue, dueDate: d("2025-12-29"), daysOverdue: 22, workingDaysOverdue: 16)),
        DeadlineRow(
            assignee: nil, reference: "HRC-2026-000006", clock: .acknowledge, respondent: "Seo-gu District Office",
            urgent: false, startDate: d("2026-01-16"),
            finding: DeadlineFinding(section: .dueSoon, dueDate: d("2026-01-21"), workingDaysLeft: 1)),
    ]

    static func render<F: DeadlineReportFormatter>(
        _ formatter: F, rows: [DeadlineRow] = rows, header: DeadlineReportHeader = header
    ) -> F.Sink {
        var formatter = formatter
        formatter.begin(header)
        for row in rows { formatter.write(row) }
        formatter.finish()
        return formatter.sink
    }

    @Test func text() {
        let text = Self.render(TextDeadlineReportFormatter(sink: ""))
        #expect(
            text == """
                Deadline report as of 2026-01-20 (Tuesday): Gwangju Human Rights Office
                Newly breached: since 2026-01-19. Due soon: within 5 working days, to 2026-01-27.

                jkim
                  Status          Reference          Clock                 Respondent                    Due         Detail
                  newly breached  HRC-2026-000001    triage                Gwangju Metropolitan City     2026-01-19  1 working day overdue (1 day)
                  non-compliance  HRC-2026-000002 !  respondent_response   광주광역시 도시철도공사       2025-12-01  non-compliant since 2026-01-12; 36 working days overdue (50 days)
                  due soon        HRC-2026-000003    acknowledge           =HYPERLINK("http://x"), "qu…  2026-01-20  due today
                  1 newly breached, 1 due soon, 1 non-compliance

                mlee
                  Status          Reference          Clock                 Respondent                    Due         Detail
                  paused          HRC-2026-000004    investigation         <script>alert(1)</script> &…  -           paused 14 days (on_hold)
                  overdue         HRC-2026-000005    triage                Buk-gu District Office        2025-12-29  16 working days overdue (22 days)
                  1 overdue, 1 paused

                (unassigned)
                  Status          Reference          Clock                 Respondent                    Due         Detail
                  due soon        HRC-2026-000006    acknowledge           Seo-gu District Office        2026-01-21  due in 1 working day
                  1 due soon

                Totals
                  Assignee      newly breached  overdue  due soon  paused  non-compliance    all
                  jkim                       1        0         1       0               1      3
                  mlee                       0        1         0       1               0      2
                  (unassigned)               0        0         1       0               0      1
                  All                        1        1         2       1               1      6

                """)
        // Control characters in stored text never reach the terminal.
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Self.render(TextDeadlineReportFormatter(sink: ""))
        let coloured = Self.render(TextDeadlineReportFormatter(sink: "", colour: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[31m  newly breached"))
        #expect(coloured.contains("\u{1B}[33m  overdue"))
    }

    @Test func emptyReport() {
        let text = Self.render(TextDeadlineReportFormatter(sink: ""), rows: [])
        #expect(text.hasSuffix("\nNothing is due, overdue or paused.\n"))
        let json = Self.render(JSONDeadlineReportFormatter(sink: ""), rows: [])
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["groups"] as? [Any])?.isEmpty == true)
        #expect(
            Self.render(CSVDeadlineReportFormatter(sink: ""), rows: []) == CSVDeadlineReportFormatter<String>.columns
                .joined(separator: ",") + "\r\n")
    }

    @Test func csv() throws {
        let csv = Self.render(CSVDeadlineReportFormatter(sink: ""))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == Self.rows.count + 2)
        #expect(lines.last == "")
        #expect(
            lines[0]
                == "assignee,reference,clock,section,respondent,urgent,start_date,due_date,days_overdue,working_days_overdue,working_days_left,paused_since,pause_reason,paused_days,non_compliant_since,subject"
        )
        #expect(
            lines[1]
                == "jkim,HRC-2026-000001,triage,newly_breached,Gwangju Metropolitan City,false,2026-01-05,2026-01-19,1,1,,,,,,"
        )
        #expect(
            lines[2]
                == "jkim,HRC-2026-000002,respondent_response,non_compliance,광주광역시 도시철도공사,true,2025-11-03,2025-12-01,50,36,,,,,2026-01-12,"
        )
        // Quotes doubled, the field quoted, and a formula defused.
        #expect(
            lines[3]
                == "jkim,HRC-2026-000003,acknowledge,due_soon,\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\",false,2026-01-15,2026-01-20,,,0,,,,,"
        )
        #expect(
            lines[4]
                == "mlee,HRC-2026-000004,investigation,paused,<script>alert(1)</script> & Co\u{1B}[2J,false,2025-10-01,,,,,2026-01-06,on_hold,14,,"
        )
        #expect(lines[6].hasPrefix(",HRC-2026-000006,"))
    }

    @Test func json() throws {
        let json = Self.render(JSONDeadlineReportFormatter(sink: ""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2026-01-20")
        #expect(object["within_working_days"] as? Int == 5)
        #expect(object["previous_working_day"] as? String == "2026-01-19")
        #expect(object["horizon"] as? String == "2026-01-27")
        #expect(object["assignee"] is NSNull)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["assignee"] as? String } == ["jkim", "mlee", nil])
        let totals = try #require(object["totals"] as? [String: Int])
        #expect(
            totals == ["newly_breached": 1, "overdue": 1, "due_soon": 2, "paused": 1, "non_compliance": 1, "all": 6])
        #expect(
            groups[1]["totals"] as? [String: Int] == [
                "newly_breached": 0, "overdue": 1, "due_soon": 0, "paused": 1, "non_compliance": 0, "all": 2,
            ])
        let paused = try #require((groups[1]["rows"] as? [[String: Any]])?.first)
        #expect(paused["respondent"] as? String == "<script>alert(1)</script> & Co\u{1B}[2J")
        #expect(paused["due_date"] is NSNull)
        #expect(paused["paused_days"] as? Int == 14)
        #expect(paused["pause_reason"] as? String == "on_hold")
        // Every row has the same keys, the CSV's columns.
        for group in groups {
            for row in try #require(group["rows"] as? [[String: Any]]) {
                #expect(Set(row.keys) == Set(CSVDeadlineReportFormatter<String>.columns))
            }
        }
    }

    @Test func html() {
        let html = Self.render(HTMLDeadlineReportFormatter(sink: ""))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        // Self-contained: no script, no external resource.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co [2J"))
        #expect(html.contains("<h2>(unassigned)</h2>"))
        #expect(
            html.contains(
                "<tr class=\"all\"><td>All</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">6</td></tr>"
            ))
        #expect(html.components(separatedBy: "<section>").count == 5)
    }

    /// The audit log's head ends the text and the HTML and is a field of the JSON; the CSV,
    /// one line per clock, has no place for it.
    @Test func theAuditHeadIsPrintedToBeKept() throws {
        let hash = String(repeating: "5e", count: 32)
        var header = Self.header
        header.auditHead = AuditChainHead(row: 42, hash: hash)
        for rows in [Self.rows, []] {
            let text = Self.render(TextDeadlineReportFormatter(sink: ""), rows: rows, header: header)
            #expect(
                text.hasSuffix(
                    "\n\naudit head: row 42 sha256 \(hash) (keep it outside the database; check it with 'redress audit verify --expect-head')\n"
                ))
            let html = Self.render(HTMLDeadlineReportFormatter(sink: ""), rows: rows, header: header)
            #expect(html.contains("Audit head: row 42 sha256 <code>\(hash)</code>"))
            #expect(html.hasSuffix("</p>\n</body>\n</html>\n"))
            let json = Self.render(JSONDeadlineReportFormatter(sink: ""), rows: rows, header: header)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let head = try #require(object["audit_head"] as? [String: Any])
            #expect(head["row"] as? Int == 42)
            #expect(head["sha256"] as? String == hash)
            #expect(
                Self.render(CSVDeadlineReportFormatter(sink: ""), rows: rows, header: header)
                    == Self.render(CSVDeadlineReportFormatter(sink: ""), rows: rows))
        }
        let withoutHead = Self.render(JSONDeadlineReportFormatter(sink: ""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(withoutHead.utf8)) as? [String: Any])
        #expect(object["audit_head"] is NSNull)
        #expect(!Self.render(TextDeadlineReportFormatter(sink: "")).contains("audit head"))
    }

    @Test func jsonStringsEscapeEveryControlCharacter() throws {
        let nasty = "a\"b\\c\nd\u{0}e\u{1F}f\u{2028}g"
        let literal = ReportText.jsonString(nasty)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [nasty])
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test(arguments: [("abc", 3), ("광주", 4), ("e\u{301}", 1), ("ｱ", 1), ("Ａ", 2)])
    func displayWidth(text: String, width: Int) {
        #expect(ReportText.displayWidth(text) == width)
    }

    @Test func truncationKeepsWithinWidth() {
        #expect(ReportText.truncated("광주광역시 도시철도공사 본부", to: 10) == "광주광역…")
        #expect(ReportText.displayWidth(ReportText.truncated("광주광역시 도시철도공사 본부", to: 10)) <= 10)
        #expect(ReportText.truncated("short", to: 10) == "short")
    }
}
