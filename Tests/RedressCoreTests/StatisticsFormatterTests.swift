import Foundation
import Testing

@testable import RedressCore

@Suite("Statistics formatters")
struct StatisticsFormatterTests {
    let report = StatisticsFixtures.report

    @Test func textHasAlignedSections() {
        let text = report.renderText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Statistics for Gwangju Human Rights Office, 2026-01-01 to 2026-12-31 (Asia/Seoul)")
        for heading in [
            "VOLUME", "STAGE OF CLOSURE (5 CLOSINGS)", "OUTCOMES (5 CLOSINGS)",
            "TIMELINESS (WORKING DAYS NET OF PAUSES)",
            "MEDIATION", "REMEDIES", "COMPLIANCE", "BY RESPONDENT", "NOTES",
        ] {
            #expect(lines.contains(heading), "missing \(heading)")
        }
        #expect(lines.contains("  Open at start      2"))
        #expect(lines.contains("  Received           7"))
        #expect(lines.contains("  Open at end        5"))
        #expect(
            lines.contains("  Clock          Ended  Met  Within   Late  Mean  Median  P90  Extended  Breached at end"))
        #expect(
            lines.contains("  triage             6    4   66.7%  33.3%  11.5    10.5   17         2                1"))
        #expect(
            lines.contains("  acknowledge        7    6   85.7%  14.3%  2.14       2    4         0                0"))
        #expect(lines.contains("  Premature: 1 of 5 (20.0%)"))
        #expect(lines.contains("  Upheld or partly upheld, of investigated: 1 of 2 (50.0%)"))
        #expect(lines.contains("  Settlement rate: 1 of 2 (50.0%)"))
        #expect(lines.contains("  Implemented late: 1 of 2 (50.0%)"))
        #expect(lines.contains("  Over 12 months      1   20.0%"))
        #expect(text.hasSuffix("\n"))
        // No line ends in spaces.
        #expect(lines.allSatisfy { $0.last != " " })
    }

    @Test func textAlignsKoreanNames() {
        var report = StatisticsFixtures.report
        report.volume.byRespondent = [
            VolumeRow(key: "Buk-gu District Office (북구청)", received: 219, closed: 148, openAtEnd: 71),
            VolumeRow(key: "Gwangju Sports Council", received: 194, closed: 142, openAtEnd: 52),
        ]
        let lines = report.renderText().split(separator: "\n").map(String.init)
        #expect(lines.contains("  Buk-gu District Office (북구청)       219     148           71"))
        #expect(lines.contains("  Gwangju Sports Council                194     142           52"))
        #expect(StatisticsReport.TextTable.displayWidth("광산구청 A") == 10)
    }

    @Test func textMarksMissingSections() {
        let text = StatisticsFixtures.withoutResolution.renderText()
        #expect(text.components(separatedBy: "Not available: see the notes.").count - 1 == 4)
        #expect(!text.contains("BY RESPONDENT"))
    }

    @Test func csvIsTidyAndQuoted() throws {
        let csv = report.renderCSV()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "section,dimension,key,metric,value")
        #expect(lines.last == "")
        #expect(lines.contains("volume,,,received,7"))
        #expect(lines.contains("volume,respondent,\"Transit <Authority> & \"\"Co\"\"\",received,3"))
        #expect(lines.contains("outcomes,outcome,upheld,closed_share,0.2"))
        #expect(lines.contains("timeliness,clock,triage,within_allowance_share,0.6667"))
        #expect(lines.contains("timeliness,clock,triage,median_working_days,10.5"))
        #expect(lines.contains("timeliness,clock,triage,p90_working_days,17"))
        #expect(lines.contains("timeliness,clock,investigation,ended_in_band_61_120,1"))
        #expect(lines.contains("timeliness,clock,investigation,ended_in_band_121_plus,0"))
        #expect(lines.contains("remedies,currency,KRW,recommended_amount,500000"))
        #expect(lines.contains("compliance,,,implemented_late_share,0.5"))
        #expect(
            lines.contains("groups,respondent,Transit <Authority> & \"\"Co\"\",median_working_days_to_close,") == false)
        #expect(lines.contains("groups,respondent,\"Transit <Authority> & \"\"Co\"\"\",median_working_days_to_close,"))
        // Every row has five fields once quoted fields are accounted for.
        for line in lines.dropLast() {
            #expect(csvFields(line).count == 5, "bad row \(line)")
        }
    }

    @Test func jsonRoundTripsWithSnakeCaseKeys() throws {
        let json = report.renderJSON()
        let decoded = try StatisticsReport.decodeJSON(Data(json.utf8))
        #expect(decoded == report)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "office", "time_zone", "period", "volume", "outcomes", "timeliness", "mediation", "remedies",
                "compliance", "reviews", "data_protection", "groups", "notes",
            ])
        let volume = try #require(object["volume"] as? [String: Any])
        #expect(volume["open_at_start"] as? Int == 2)
        let timeliness = try #require(object["timeliness"] as? [String: Any])
        #expect(timeliness["extensions_granted"] as? Int == 3)
        let clocks = try #require(timeliness["clocks"] as? [[String: Any]])
        let triage = try #require(clocks.first { $0["kind"] as? String == "triage" })
        #expect(triage["median_working_days"] as? Double == 10.5)
        #expect(triage["p90_working_days"] as? Int == 17)
        let within = try #require(triage["within_allowance"] as? [String: Any])
        #expect(within["count"] as? Int == 4)
        #expect(within["total"] as? Int == 6)
        #expect(within["share"] as? Double == 0.6667)
        #expect(json.contains("\"share\" : 0.6667"))
        let outcomes = try #require(object["outcomes"] as? [String: Any])
        let byOutcome = try #require(outcomes["by_outcome"] as? [[String: Any]])
        #expect(byOutcome.first?["key"] as? String == "premature")
        #expect(byOutcome.first?["count"] as? Int == 1)
        #expect(byOutcome.first?["share"] as? Double == 0.2)
        // Every key at every depth is snake_case.
        func keys(_ value: Any) -> [String] {
            if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
            if let array = value as? [Any] { return array.flatMap(keys) }
            return []
        }
        let camel = keys(object).filter { $0.contains(where: \.isUppercase) }
        #expect(camel.isEmpty, "keys not in snake_case: \(camel)")
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["from"] as? String == "2026-01-01")
    }

    @Test func jsonWritesMissingSectionsAsNull() throws {
        let json = StatisticsFixtures.withoutResolution.renderJSON()
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["mediation", "remedies", "compliance", "groups"] {
            #expect(object[key] is NSNull, "\(key) should be null")
        }
        #expect(try StatisticsReport.decodeJSON(Data(json.utf8)) == StatisticsFixtures.withoutResolution)
    }

    @Test func htmlHasEveryChartWithTextAlternative() {
        let html = report.renderHTML()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(report.htmlChartIDs.count == 15)
        for id in report.htmlChartIDs {
            #expect(html.components(separatedBy: "<svg id=\"\(id)\"").count == 2, "chart \(id) should appear once")
            #expect(
                html.contains(
                    "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(html.contains("<title id=\"\(id)-title\">"))
            #expect(html.contains("<desc id=\"\(id)-desc\">"))
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == report.htmlChartIDs.count)
        // The description states the figures.
        #expect(
            html.contains(
                "<desc id=\"chart-volume-desc\">Open at start: 2; Received: 7; Reopened: 1; Closed: 5; Open at end: 5 (cases).</desc>"
            ))
        #expect(html.contains("triage: 0 in 0–5, 3 in 6–10, 3 in 11–20"))
        // Self-contained: no script, no stylesheet or image fetched from elsewhere.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
    }

    @Test func htmlEscapesNames() {
        let html = report.renderHTML()
        #expect(!html.contains("Transit <Authority>"))
        #expect(html.contains("Transit &lt;Authority&gt; &amp; &quot;Co&quot;"))
    }

    @Test func htmlLeavesOutChartsOfMissingSections() {
        let partial = StatisticsFixtures.withoutResolution
        let html = partial.renderHTML()
        #expect(
            partial.htmlChartIDs == [
                "chart-volume", "chart-channel", "chart-category", "chart-respondent", "chart-stage", "chart-outcome",
                "chart-within-allowance", "chart-timeliness-distribution", "chart-paused", "chart-age",
            ])
        #expect(!html.contains("chart-compliance"))
        #expect(html.components(separatedBy: "Not available: see the notes.").count - 1 == 4)
    }

    @Test func renderedPicksTheFormat() {
        #expect(report.rendered(as: .json) == report.renderJSON())
        #expect(report.rendered(as: .csv) == report.renderCSV())
        #expect(report.rendered(as: .text) == report.renderText())
        #expect(report.rendered(as: .html) == report.renderHTML())
    }

    /// Splits one CSV line into fields, honouring quotes.
    private func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
