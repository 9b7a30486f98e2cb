import Foundation
import Postgres
import RedressStore
import RedressTesting
import Testing

/// A large file is checked on several threads; what comes back is as if it were checked in
/// one pass: rows in file order, every problem in line order.
@Suite struct ImportValidationTests {
    @Test func largeFilesComeBackInFileOrderWithEveryProblem() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let context = try OfficeContext.load(connection)
                let known = Set(try CaseStore(connection).categoryCodes())
                var lines = ["received_at,complainant,respondent,categories,summary"]
                let bad: Set<Int> = [7, 5_003, 11_998, 12_001]
                for index in 0..<12_000 {
                    let line = index + 2
                    lines.append(
                        bad.contains(line)
                            ? "2026-02-30,Person \(index),City,housing,Impossible date"
                            : "2026-03-\(String(format: "%02d", index % 28 + 1)),Person \(index),City \(index % 7),housing,Summary \(index)"
                    )
                }
                let rows = try CaseImporter.rows(of: lines.joined(separator: "\n") + "\n", format: .csv)
                let (valid, problems) = CaseImporter(connection).complaints(
                    rows, context: context, knownCategories: known)
                #expect(valid.count == 12_000 - bad.count)
                #expect(problems.map(\.line) == bad.sorted())
                #expect(valid.map(\.line) == (2...12_001).filter { !bad.contains($0) })
                #expect(valid.first?.new.complainants.first?.name == "Person 0")
                #expect(valid.last?.new.complainants.first?.name == "Person 11998")
            }
        }
    }
}
