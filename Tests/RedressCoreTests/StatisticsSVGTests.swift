import Foundation
import Testing

@testable import RedressCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Each chart of the HTML page is a well-formed SVG document with the elements it should draw.
@Suite("Statistics charts")
struct StatisticsSVGTests {
    /// Counts the elements of an XML document by name, or fails when it is not well formed.
    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var texts: [String] = []
        private var current = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            counts[name, default: 0] += 1
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current += string
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current) }
            current = ""
        }
    }

    static func charts(in html: String) -> [String: String] {
        var charts: [String: String] = [:]
        var rest = html[...]
        while let start = rest.range(of: "<svg id=\""),
            let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
        {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let id = String(svg.dropFirst(9).prefix { $0 != "\"" })
            charts[id] = svg
            rest = rest[end.upperBound...]
        }
        return charts
    }

    static func parse(_ svg: String) throws -> ElementCounter {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
        return counter
    }

    @Test func everyChartIsWellFormedSVG() throws {
        let report = StatisticsFixtures.report
        let charts = Self.charts(in: report.renderHTML())
        #expect(Set(charts.keys) == Set(report.htmlChartIDs))
        for (id, svg) in charts {
            let counter = try Self.parse(svg)
            #expect(counter.counts["svg"] == 1, "\(id)")
            #expect(counter.counts["title"] ?? 0 >= 1, "\(id)")
            #expect(counter.counts["desc"] == 1, "\(id)")
            #expect(counter.counts["rect"] ?? 0 >= 1, "\(id) draws no bar")
        }
        // One bar per item, labelled with its figure.
        let volume = try Self.parse(charts["chart-volume"]!)
        #expect(volume.counts["rect"] == 5)
        #expect(
            volume.texts == ["Open at start", "2", "Received", "7", "Reopened", "1", "Closed", "5", "Open at end", "5"])
        let outcomes = try Self.parse(charts["chart-outcome"]!)
        #expect(outcomes.counts["rect"] == 5)
        #expect(outcomes.texts.contains("Not upheld"))
        // Three small histograms of seven bands each.
        let distribution = try Self.parse(charts["chart-timeliness-distribution"]!)
        #expect(distribution.counts["rect"] == 21)
        #expect(distribution.texts.filter { $0 == "121+" }.count == 3)
        // Compliance: the legend's six swatches, then the non-zero parts of each respondent's bar:
        // on time, late, not implemented and one obligation in non-compliance.
        let compliance = try Self.parse(charts["chart-compliance"]!)
        #expect(compliance.counts["rect"] == 6 + 4)
        #expect(compliance.texts.contains("3 concluded, 1 overdue"))
        #expect(compliance.texts.contains("Transit <Authority> & \"Co\""))
    }

    @Test func longLabelsAreCutToFit() {
        let label = "Gwangju Metropolitan Water Supply Headquarters (상수도사업본부)"
        let cut = StatisticsReport.SVG.shortened(label, toPixels: 200)
        #expect(cut.hasSuffix("…"))
        #expect(StatisticsReport.SVG.textWidth(cut) <= 200)
        #expect(StatisticsReport.SVG.shortened("Short", toPixels: 200) == "Short")
        #expect(StatisticsReport.SVG.labelWidth(for: [label]) == 300)
        #expect(StatisticsReport.SVG.labelWidth(for: ["web"]) == 80)
    }

    @Test func emptyChartsSayNothingHappened() throws {
        var report = StatisticsFixtures.withoutResolution
        report.volume.byChannel = []
        report.timeliness = TimelinessStatistics(
            clocks: [], pausedByReason: [],
            ageProfile: AgeProfile(open: 0, over3Months: 0, over6Months: 0, over12Months: 0))
        let html = report.renderHTML()
        let charts = Self.charts(in: html)
        for id in ["chart-channel", "chart-within-allowance", "chart-timeliness-distribution", "chart-paused"] {
            let counter = try Self.parse(try #require(charts[id]))
            #expect(counter.texts.contains("Nothing in this period."), "\(id)")
        }
        #expect(html.contains("<desc id=\"chart-timeliness-distribution-desc\">No clock ended in the period.</desc>"))
    }
}
