import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("COPY")
struct CopyTests {
    @Test func loadsAHundredThousandRows() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE complaint (id bigint PRIMARY KEY, summary text NOT NULL, amount numeric)")
            let count = 100_000
            let loaded = try c.copyFrom("COPY complaint (id, summary, amount) FROM STDIN") { writer in
                for id in 1...count {
                    try writer.write([
                        String(id), "complaint number \(id) about housing", id % 10 == 0 ? nil : "\(id).50",
                    ])
                }
                #expect(writer.rowCount == count)
            }
            #expect(loaded == count)
            let row = try #require(
                try c.query("SELECT count(*), sum(id), count(amount), max(summary) FROM complaint").first)
            #expect(try row.decode(Int.self, at: 0) == count)
            #expect(try row.decode(Int.self, at: 1) == count * (count + 1) / 2)
            #expect(try row.decode(Int.self, at: 2) == count - count / 10)
            #expect(try row.decode(String.self, at: 3) == "complaint number 99999 about housing")
            #expect(
                try scalar(c, "SELECT amount FROM complaint WHERE id = 12345") as Decimal == Decimal(string: "12345.5")!
            )
        }
    }

    @Test func anAbortedCopyLoadsNothing() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE complaint (id bigint PRIMARY KEY, summary text NOT NULL)")
            var written = 0
            #expect(throws: Deliberate.self) {
                try c.copyFrom("COPY complaint (id, summary) FROM STDIN") { writer in
                    // Enough rows that several buffers reach the server before the abort.
                    for id in 1...30_000 {
                        try writer.write([String(id), String(repeating: "x", count: 20)])
                        written += 1
                    }
                    throw Deliberate()
                }
            }
            #expect(written == 30_000)
            #expect(try scalar(c, "SELECT count(*) FROM complaint") as Int == 0)
            // The connection left COPY mode and works.
            let loaded = try c.copyFrom("COPY complaint (id, summary) FROM STDIN") { writer in
                try writer.write(["1", "after the abort"])
            }
            #expect(loaded == 1)
            #expect(try scalar(c, "SELECT summary FROM complaint") as String == "after the abort")
        }
    }

    @Test func aRowTheServerRejectsLoadsNothing() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE complaint (id bigint PRIMARY KEY, summary text NOT NULL)")
            let error = #expect(throws: PostgresError.self) {
                try c.copyFrom("COPY complaint (id, summary) FROM STDIN") { writer in
                    for id in 1...5_000 {
                        try writer.write([id == 4_000 ? "Secret-Not-A-Number" : String(id), "ok"])
                    }
                }
            }
            #expect(error?.sqlState == "22P02")
            #expect(error?.description.contains("Secret") == false)
            let duplicate = #expect(throws: PostgresError.self) {
                try c.copyFrom("COPY complaint (id, summary) FROM STDIN") { writer in
                    try writer.write(["1", "first"])
                    try writer.write(["1", "again"])
                }
            }
            #expect(duplicate?.isUniqueViolation == true)
            #expect(try scalar(c, "SELECT count(*) FROM complaint") as Int == 0)
            #expect(throws: PostgresError.self) {
                try c.copyFrom("SELECT 1") { _ in }
            }
            #expect(try scalar(c, "SELECT 1 + \(1)") as Int == 2)
        }
    }

    @Test func awkwardValuesArriveIntact() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE note (id integer PRIMARY KEY, body text, extra text)")
            let values: [String?] = [
                "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", nil, "", "\\.", "\\",
                "end of data?\n\\.\n", "한국어 ✊🏿", "mixed\t\\\n\r\"'", "NULL", " ",
            ]
            try c.copyFrom("COPY note (id, body, extra) FROM STDIN") { writer in
                for (index, value) in values.enumerated() {
                    try writer.write([String(index), value, index % 2 == 0 ? nil : "x\ty"])
                }
            }
            let rows = try c.query("SELECT id, body, extra FROM note ORDER BY id")
            #expect(rows.count == values.count)
            for row in rows {
                let index = try row.decode(Int.self, at: 0)
                #expect(try row.decode(String?.self, at: 1) == values[index], "row \(index)")
                #expect(try row.decode(String?.self, at: 2) == (index % 2 == 0 ? nil : "x\ty"))
            }
        }
    }

    @Test func copyRunsInsideATransaction() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE note (body text)")
            #expect(throws: Deliberate.self) {
                try c.withTransaction { tx in
                    try tx.copyFrom("COPY note (body) FROM STDIN") { writer in try writer.write(["kept?"]) }
                    #expect(try scalar(tx, "SELECT count(*) FROM note") as Int == 1)
                    throw Deliberate()
                }
            }
            #expect(try scalar(c, "SELECT count(*) FROM note") as Int == 0)
        }
    }
}
