public import Foundation

extension StatisticsReport {
    /// The report as one pretty-printed JSON object with snake_case keys in a stable order.
    public func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value in the report encodes; a failure here is a programming error.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a report back from its JSON, as `renderJSON()` writes it.
    public static func decodeJSON(_ data: Data) throws -> StatisticsReport {
        try JSONDecoder().decode(StatisticsReport.self, from: data)
    }
}
