import Foundation
import Postgres
import RedressTesting
import Testing

@testable import RedressStore

/// The mean, median and 90th percentile that the statistics read off a histogram in SQL are
/// those of the values themselves: the mean to two decimals, the median as
/// `percentile_cont(0.5)`, the 90th percentile by nearest rank.
@Suite("Statistics histogram figures")
struct StatisticsHistogramTests {
    static func median(_ sorted: [Int]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// The least value at or below which at least 90% of the values fall.
    static func p90(_ sorted: [Int]) -> Int {
        sorted.first { value in sorted.filter { $0 <= value }.count * 10 >= sorted.count * 9 }!
    }

    static func mean(_ values: [Int]) -> Double {
        // Half away from zero at the second decimal, as PostgreSQL rounds numeric.
        let sum = values.reduce(0, +)
        let count = values.count
        let hundredths = (sum * 200 + count) / (2 * count)
        return Double(hundredths) / 100
    }

    @Test func figuresMatchTheirDefinitions() throws {
        var rng = StatisticsCalendarTests.Generator(state: 7)
        var groups: [[Int]] = []
        for index in 0..<60 {
            let size = index < 10 ? index + 1 : rng.int(1...40)
            let spread = [3, 12, 80][rng.int(0...2)]
            groups.append((0..<size).map { _ in rng.int(0...spread) })
        }
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { connection in
                let values = groups.enumerated().flatMap { group, values in values.map { (group, $0) } }
                let sql = """
                    WITH histogram AS (
                        SELECT v.g AS grp, v.days, count(*) AS ended
                        FROM unnest($1::text[], $2::text[]) AS u(g, d), LATERAL (SELECT u.g::integer AS g, u.d::integer AS days) v
                        GROUP BY 1, 2
                    )
                    SELECT grp, \(StatisticsStore.Scope.histogramFigures)
                    FROM (\(StatisticsStore.Scope.cumulative("histogram", partition: "grp"))) c
                    GROUP BY grp ORDER BY grp
                    """
                let rows = try connection.query(
                    PostgresQuery(
                        unsafeSQL: sql,
                        binds: [
                            PostgresBind(PostgresTextArray(values.map { String($0.0) })),
                            PostgresBind(PostgresTextArray(values.map { String($0.1) })),
                        ]))
                #expect(rows.count == groups.count)
                for row in rows {
                    let group = try row.decode(Int.self, at: 0)
                    let sorted = groups[group].sorted()
                    #expect(try row.decode(Double.self, at: 1) == Self.mean(sorted), "group \(group) \(sorted)")
                    #expect(try row.decode(Double.self, at: 2) == Self.median(sorted), "group \(group) \(sorted)")
                    #expect(try row.decode(Int.self, at: 3) == Self.p90(sorted), "group \(group) \(sorted)")
                }
            }
        }
    }
}
