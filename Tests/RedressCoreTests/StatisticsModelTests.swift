import Foundation
import Testing

@testable import RedressCore

@Suite("Statistics model")
struct StatisticsModelTests {
    struct ShareCase: Sendable, CustomTestStringConvertible {
        let count: Int
        let total: Int
        let percent: String
        let rounded: Double?
        var testDescription: String { "\(count)/\(total) = \(percent)" }
    }

    @Test(arguments: [
        ShareCase(count: 2, total: 3, percent: "66.7%", rounded: 0.6667),
        ShareCase(count: 1, total: 3, percent: "33.3%", rounded: 0.3333),
        ShareCase(count: 1, total: 8, percent: "12.5%", rounded: 0.125),
        ShareCase(count: 1, total: 16, percent: "6.3%", rounded: 0.0625),
        ShareCase(count: 1, total: 2000, percent: "0.1%", rounded: 0.0005),
        ShareCase(count: 0, total: 5, percent: "0.0%", rounded: 0),
        ShareCase(count: 5, total: 5, percent: "100.0%", rounded: 1),
        ShareCase(count: 0, total: 0, percent: "–", rounded: nil),
    ])
    func proportion(_ row: ShareCase) {
        let share = Proportion(row.count, of: row.total)
        #expect(share.percentText == row.percent)
        #expect(share.roundedValue == row.rounded)
    }

    @Test func periodRefusesEndBeforeStart() {
        #expect(throws: StatisticsError.periodEndsBeforeStart(from: d("2026-02-01"), to: d("2026-01-31"))) {
            try StatisticsPeriod(from: d("2026-02-01"), to: d("2026-01-31"))
        }
        let single = try! StatisticsPeriod(from: d("2026-02-01"), to: d("2026-02-01"))
        #expect(single.days == 1)
        #expect(single.end == d("2026-02-02"))
        #expect(StatisticsFixtures.period.days == 365)
    }

    @Test func groupingAndFormatParse() throws {
        #expect(try StatisticsGrouping(parsing: "Respondent") == .respondent)
        #expect(try StatisticsFormat(parsing: " html ") == .html)
        #expect(throws: StatisticsError.unknownGrouping("body")) { try StatisticsGrouping(parsing: "body") }
        #expect(
            StatisticsError.unknownGrouping("body").description
                == "\"body\" is not a way to group statistics; use respondent, category, channel, assignee or issue.")
        #expect(throws: StatisticsError.unknownFormat("pdf")) { try StatisticsFormat(parsing: "pdf") }
    }

    @Test(arguments: [
        (0, 0), (5, 0), (6, 1), (10, 1), (11, 2), (20, 2), (21, 3), (30, 3), (31, 4), (60, 4), (61, 5), (120, 5),
        (121, 6), (900, 6),
    ])
    func bands(_ days: Int, _ band: Int) {
        #expect(TimelinessStatistics.band(of: days) == band)
    }

    @Test func bandLabels() {
        #expect(TimelinessStatistics.bandLabels == ["0–5", "6–10", "11–20", "21–30", "31–60", "61–120", "121+"])
    }

    @Test func volumeBalances() {
        #expect(StatisticsFixtures.report.volume.balances)
        var volume = StatisticsFixtures.report.volume
        volume.closed += 1
        #expect(!volume.balances)
    }

    @Test func clockRowSplitsMetAndLate() {
        let row = StatisticsFixtures.report.timeliness.clocks[1]
        #expect(row.met == 4)
        #expect(row.metLate == 2)
        #expect(row.withinAllowance.percentText == "66.7%")
        #expect(row.late.percentText == "33.3%")
        #expect(StatisticsFixtures.report.timeliness.extensionsGranted == 3)
    }

    @Test(arguments: [(12.0, "12"), (12.5, "12.5"), (2.14, "2.14"), (2.05, "2.05"), (0.004, "0"), (-1.5, "-1.5")])
    func dayFigures(_ value: Double, _ text: String) {
        #expect(StatisticsReport.days(value) == text)
    }
}
