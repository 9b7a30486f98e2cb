import Foundation
import Postgres
import RedressTesting
import Testing

/// Text for people never carries a control character or a bidi override from the data: a name
/// cannot plant a link, clear the screen or reverse what a caseworker reads.
@Suite struct TerminalOutputTests {
    @Test func caseShowAndListShowControlsVisibly() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            // As if it came in before intake refused such names, or through psql.
            let hostile = "Kim \u{1B}]8;;http://evil.example\u{07}Minji\u{1B}]8;;\u{07}\u{1B}[2J\r\u{202E}nimda"
            _ = try db.withConnection { connection in
                try connection.execute("UPDATE party SET name = \(hostile) WHERE role = 'complainant'")
            }
            for arguments in [["case", "show", reference], ["case", "list"], ["case", "list", "--format", "table"]] {
                let output = try office.ok(arguments)
                #expect(
                    !output.unicodeScalars.contains {
                        $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D || $0.value == 0x202E
                    },
                    "\(arguments.joined(separator: " ")) printed a control: \(output.debugDescription)")
            }
            let shown = try office.ok("case", "show", reference)
            #expect(shown.contains(#"Kim \u{1B}]8;;http://evil.example\u{7}Minji"#), "\(shown)")
            #expect(shown.contains(#"\u{202E}nimda"#))
            // JSON keeps the data as it is, escaped by JSON's own rules.
            let json = try office.show(reference)
            let complainants = json["complainants"] as? [[String: Any]] ?? []
            #expect(complainants.first?["name"] as? String == hostile)
        }
    }
}
