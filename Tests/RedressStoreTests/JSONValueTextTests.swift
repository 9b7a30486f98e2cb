import Foundation
import Testing

@testable import RedressStore

/// The hand-written JSON of audit data reads back as the value it was written from, and the
/// Foundation-free trimming keeps Foundation's idea of whitespace.
@Suite struct JSONValueTextTests {
    static let strings = [
        "", "plain", "quote \" and backslash \\", "slash / stays", "new\nline\ttab\rreturn",
        "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
        "한국어 민원", "emoji 🧑🏽‍⚖️ and combining e\u{301}", "\u{2028}\u{2029}", "'; DROP TABLE case_event; --",
    ]

    @Test(arguments: strings) func stringsReadBack(_ text: String) throws {
        let value: JSONValue = ["text": .string(text), "list": [.string(text), .null, true, 42, .number(-0.5)]]
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.jsonText.utf8))
        #expect(decoded == value)
    }

    @Test func nestedValuesReadBackWithSortedKeys() throws {
        let value: JSONValue = [
            "reference": "HRC-2026-000042", "urgent": false, "line": .int(7), "late_filing_reason": .text(nil),
            "clocks": [["kind": "acknowledge", "due_date": "2026-03-05"], ["kind": "triage", "due_date": .null]],
            "amount": .number(1234.5), "tiny": .number(1e-7), "large": .number(1e20), "empty": [:], "none": [],
        ]
        let text = value.jsonText
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
        #expect(
            text.hasPrefix("{\"amount\":1234.5,\"clocks\":[{\"due_date\":\"2026-03-05\",\"kind\":\"acknowledge\"}"),
            "\(text)")
        #expect(JSONValue.number(.nan).jsonText == "null")
    }

    @Test func blankAndTrimmingFollowFoundation() {
        let samples = [
            "", " ", "\t\n", "\u{A0}", "\u{3000}name\u{3000}", " a b ", "\u{2028}", "\u{85}", "x", "\u{200B}",
            " \u{301}", "\r\n x \r\n",
            "\u{2003}Kim Minji\u{2003}", "\u{FEFF}", "\u{180E}", "\u{200B}x\u{200B}", "\u{1F}",
        ]
        for sample in samples {
            #expect(
                sample.isBlankText == sample.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "\(sample.unicodeScalars.map(\.value))")
            #expect(
                sample.trimmingSpaces() == sample.trimmingCharacters(in: .whitespaces),
                "\(sample.unicodeScalars.map(\.value))")
        }
    }
}
