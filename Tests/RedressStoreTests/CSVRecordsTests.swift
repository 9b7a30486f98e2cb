import CSV
@testable import RedressStore
import Testing

/// The import's byte-level CSV reading gives exactly what the CSV package's reader gives,
/// quirks included, on texts made of the characters that matter to CSV and some that do not.
@Suite struct CSVRecordsTests {
    static func library(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var records: [[String]] = []
        while let record = reader.next() { records.append(record) }
        return records
    }

    @Test(arguments: [
        "", "a", "a,b\nc,d", "a,b\r\nc,d\r\n", "a\rb", "\n\n", "a,\n", "a,", ",", "\"q\"", "\"q\"\"x\",y", "\"a,b\nc\",d",
        "\"open", "\"ab\"cd\",e", "\"ab\"한x\",e", "\"\"", "x\"y,z", "\"q\"\r\n\"r\"", "é,한,😀\r\n", " \"a\",b",
    ])
    func knownTextsReadAsTheLibraryReadsThem(_ text: String) throws {
        #expect(CSVRecords.records(text) == (try Self.library(text)))
    }

    @Test func randomTextsReadAsTheLibraryReadsThem() throws {
        let pieces = ["a", "bc", "é", "한", "😀", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(CSVRecords.records(text) == (try Self.library(text)), "\(Array(text.unicodeScalars).map(\.value))")
        }
    }
}
