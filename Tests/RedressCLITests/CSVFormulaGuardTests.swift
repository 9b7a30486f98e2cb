import Foundation
import RedressTesting
import Testing

/// Names that a spreadsheet would run as formulas leave every CSV with a leading apostrophe
/// (issue 15): the case list, which names complainants, and the deadline report, which names
/// respondents.
@Suite struct CSVFormulaGuardTests {
    static let names = ["=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1", "@SUM(A1)"]

    /// The fields of one CSV line, quotes undone.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
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

    /// Checks that no field starts a formula and that each name came out neutralised in `column`.
    static func expectGuarded(
        _ csv: String, lineEnd: String, column: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = csv.components(separatedBy: lineEnd).filter { !$0.isEmpty }
        let header = lines.first.map(fields) ?? []
        let index = header.firstIndex(of: column)
        #expect(index != nil, "no \(column) column in \(header)", sourceLocation: sourceLocation)
        var values: Set<String> = []
        for line in lines.dropFirst() {
            let cells = fields(line)
            for cell in cells {
                #expect(
                    !"=+-@\t\r".contains(cell.first ?? " "), "unguarded cell \(cell) in \(line)",
                    sourceLocation: sourceLocation)
            }
            if let index, index < cells.count { values.insert(cells[index]) }
        }
        for name in names {
            #expect(
                values.contains("'" + name), "\(column) \(name) missing or not neutralised: \(values.sorted())",
                sourceLocation: sourceLocation)
        }
    }

    @Test func caseListAndDeadlineReportNeutraliseFormulas() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.useSeoulCalendar()
            for name in Self.names {
                // `--option=value`, since "-1" after a space would read as an option.
                try office.ok(
                    "case", "open", "--complainant=\(name)", "--respondent=\(name)", "--summary", "Formula in a name",
                    "--category", "housing", "--received-at", "2026-02-26T10:00+09:00")
            }

            let list = try office.ok("case", "list", "--as-of", "2026-03-16", "--format", "csv")
            Self.expectGuarded(list, lineEnd: "\n", column: "complainant")
            Self.expectGuarded(list, lineEnd: "\n", column: "respondent")
            #expect(list.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""))

            // Acknowledge (due 03-04) and triage (due 03-13) are overdue on 03-16.
            let report = try office.ok("report", "deadlines", "--as-of", "2026-03-16", "--format", "csv")
            Self.expectGuarded(report, lineEnd: "\r\n", column: "respondent")
        }
    }
}
