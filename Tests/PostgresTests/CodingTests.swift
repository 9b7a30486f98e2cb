import Foundation
import Postgres
import RedressTesting
import Testing

/// Each type is written as a bind and read back, and checked against what
/// the server itself makes of it, so that a bug shared by the encoder and
/// the decoder cannot hide behind a symmetric round trip.
@Suite("Encoding and decoding")
struct CodingTests {
    /// Sends `value` as a bind cast to `sqlType` and decodes it again.
    func echo<T: PostgresCodable>(_ value: T?, _ sqlType: String, on connection: PostgresConnection) throws -> T? {
        try connection.query("SELECT \(value)::\(unsafeSQL: sqlType)").first!.decode(T?.self, at: 0)
    }

    /// What the server prints for a bind, as text.
    func serverText(_ value: some PostgresEncodable, _ sqlType: String, on connection: PostgresConnection) throws
        -> String
    {
        try scalar(connection, "SELECT (\(value)::\(unsafeSQL: sqlType))::text")
    }

    @Test func everyTypeIsStoredAndReadBackWithNulls() throws {
        struct Payload: Codable, Equatable, Sendable {
            var reference: String
            var rights: [String]
            var urgent: Bool
        }
        try withEmptyDatabase { c throws in
            try c.execute(
                """
                CREATE TABLE every_type (
                    id integer PRIMARY KEY, t text, i8 bigint, i64 bigint, i4 integer, b boolean,
                    f float8, n numeric, ts timestamptz, d date, u uuid, j jsonb, a text[], y bytea)
                """)
            let instant = Date(timeIntervalSince1970: 1_772_368_496.123456)
            let day = Date(timeIntervalSince1970: 1_772_323_200)
            let id = UUID()
            let json = PostgresJSON(Payload(reference: "HRC-2026-000042", rights: ["housing", "주거"], urgent: true))
            let array = PostgresTextArray(["a", nil, "b,c"])
            let bytes: [UInt8] = [0, 1, 127, 128, 255]
            try c.execute(
                """
                INSERT INTO every_type (id, t, i8, i64, i4, b, f, n, ts, d, u, j, a, y)
                VALUES (1, \("text"), \(42), \(Int64(-7)), \(Int32(7)), \(true), \(2.5), \(Decimal(string: "12.50")!),
                        \(instant), \(day), \(id), \(json), \(array), \(bytes))
                """)
            try c.execute(
                """
                INSERT INTO every_type (id, t, i8, i64, i4, b, f, n, ts, d, u, j, a, y)
                VALUES (2, \(String?.none), \(Int?.none), \(Int64?.none), \(Int32?.none), \(Bool?.none), \(Double?.none),
                        \(Decimal?.none), \(Date?.none), \(Date?.none), \(UUID?.none), \(PostgresJSON<Payload>?.none),
                        \(PostgresTextArray?.none), \([UInt8]?.none))
                """)
            let rows = try c.query("SELECT t, i8, i64, i4, b, f, n, ts, d, u, j, a, y FROM every_type ORDER BY id")
            #expect(rows.count == 2)
            let full = rows[0]
            #expect(try full.decode(String.self, "t") == "text")
            #expect(try full.decode(Int.self, "i8") == 42)
            #expect(try full.decode(Int64.self, "i64") == -7)
            #expect(try full.decode(Int32.self, "i4") == 7)
            #expect(try full.decode(Bool.self, "b") == true)
            #expect(try full.decode(Double.self, "f") == 2.5)
            #expect(try full.decode(Decimal.self, "n") == Decimal(string: "12.5")!)
            #expect(try microseconds(full.decode(Date.self, "ts")) == microseconds(instant))
            #expect(try full.decode(Date.self, "d") == day)
            #expect(try full.decode(UUID.self, "u") == id)
            #expect(try full.decode(PostgresJSON<Payload>.self, "j").value == json.value)
            #expect(try full.decode(PostgresTextArray.self, "a") == array)
            #expect(try full.decode([UInt8].self, "y") == bytes)

            let empty = rows[1]
            for column in 0..<empty.columnCount {
                #expect(empty.isNull(column))
            }
            #expect(try empty.decode(String?.self, "t") == nil)
            #expect(try empty.decode(Int?.self, "i8") == nil)
            #expect(try empty.decode(Int64?.self, "i64") == nil)
            #expect(try empty.decode(Int32?.self, "i4") == nil)
            #expect(try empty.decode(Bool?.self, "b") == nil)
            #expect(try empty.decode(Double?.self, "f") == nil)
            #expect(try empty.decode(Decimal?.self, "n") == nil)
            #expect(try empty.decode(Date?.self, "ts") == nil)
            #expect(try empty.decode(Date?.self, "d") == nil)
            #expect(try empty.decode(UUID?.self, "u") == nil)
            #expect(try empty.decode(PostgresJSON<Payload>?.self, "j") == nil)
            #expect(try empty.decode(PostgresTextArray?.self, "a") == nil)
            #expect(try empty.decode([UInt8]?.self, "y") == nil)

            // NULL where a value is required is an error naming the column, not a crash.
            let error = #expect(throws: PostgresError.self) { try empty.decode(String.self, "t") }
            #expect(error?.kind == .decoding)
            #expect(error?.message == "column t is NULL where String was expected")
        }
    }

    @Test func textKeepsEveryCharacter() throws {
        try withEmptyDatabase { c throws in
            let korean = "광주 인권헌장: 모든 시민은 구제받을 권리가 있다"
            let emoji = "Complaint ✊🏿 about 🏠 eviction 👩🏽‍⚖️ — résumé"
            for text in [korean, emoji, "", " leading and trailing ", "quote ' and \" and \\ and \t and \n and \r"] {
                #expect(try echo(text, "text", on: c) == text)
            }
            // The server sees characters, not mangled bytes.
            #expect(try scalar(c, "SELECT char_length(\("광주 인권"))") as Int == 5)
            #expect(try scalar(c, "SELECT \("✊🏿") = U&'\\270A\\+01F3FF'") as Bool)

            let mebibyte = String(repeating: "인권abcd", count: (1 << 20) / 10 + 1) // 10 bytes a repeat
            try c.execute("CREATE TABLE note (body text)")
            try c.execute("INSERT INTO note (body) VALUES (\(mebibyte))")
            #expect(try scalar(c, "SELECT octet_length(body) FROM note") as Int == mebibyte.utf8.count)
            #expect(try scalar(c, "SELECT body FROM note") as String == mebibyte)
        }
    }

    @Test func integersAtTheirLimits() throws {
        try withEmptyDatabase { c throws in
            for value in [Int.min, -1, 0, 1, Int.max] {
                #expect(try echo(value, "bigint", on: c) == value)
                #expect(try serverText(value, "bigint", on: c) == String(value))
            }
            for value in [Int64.min, Int64.max] {
                #expect(try echo(value, "bigint", on: c) == value)
            }
            for value in [Int32.min, -1, 0, Int32.max] {
                #expect(try echo(value, "integer", on: c) == value)
            }
            // A bigint that does not fit an Int32 is an error, not a wrapped number.
            #expect(throws: PostgresError.self) {
                try c.query("SELECT 4294967296::bigint").first!.decode(Int32.self, at: 0)
            }
            #expect(throws: PostgresError.self) {
                try c.query("SELECT '99999999999999999999'::numeric::text").first!.decode(Int.self, at: 0)
            }
        }
    }

    @Test func booleansAndDoubles() throws {
        try withEmptyDatabase { c throws in
            #expect(try echo(true, "boolean", on: c) == true)
            #expect(try echo(false, "boolean", on: c) == false)
            #expect(try scalar(c, "SELECT \(true) AND NOT \(false)") as Bool)

            for value in [
                0.0, -0.0, 0.1, -2.5, 1e-300, .leastNonzeroMagnitude, 1.7976931348623157e308, Double.pi, .infinity,
                -.infinity,
            ] {
                let back = try echo(value, "float8", on: c)
                #expect(back == value)
                #expect(back?.sign == value.sign)
            }
            #expect(try echo(Double.nan, "float8", on: c)?.isNaN == true)
            #expect(try scalar(c, "SELECT \(0.1) = 0.1::float8") as Bool)
        }
    }

    @Test func decimalsAreExact() throws {
        try withEmptyDatabase { c throws in
            for text in [
                "0", "12.50", "-0.000001", "1234567.89", "99999999999999999999999999999999999999",
                "0.00000000000000000000000000000000000001", "-123456789012345678.123456789",
            ] {
                let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
                #expect(try echo(value, "numeric", on: c) == value)
                // The server reads the same number that was meant.
                #expect(try scalar(c, "SELECT \(value) = \(text)::numeric") as Bool)
            }
            #expect(try scalar(c, "SELECT 12.50::numeric(10,2)") as Decimal == Decimal(string: "12.5")!)
            #expect(try echo(Decimal.nan, "numeric", on: c)?.isNaN == true)
            #expect((try scalar(c, "SELECT 'NaN'::numeric") as Decimal).isNaN)

            // What a Decimal cannot hold exactly is refused, never rounded or zeroed.
            for text in [
                "Infinity", "-Infinity", "1.000000000000000000000000000000000000000000001",
                "123456789012345678901234567890123456789012",
            ] {
                let error = #expect(throws: PostgresError.self, "\(text)") {
                    try c.query("SELECT \(text)::numeric").first!.decode(Decimal.self, at: 0)
                }
                #expect(error?.kind == .decoding)
            }
        }
    }

    @Test func instantsKeepMicroseconds() throws {
        try withEmptyDatabase { c throws in
            let epoch = try scalar(
                c, "SELECT extract(epoch FROM timestamptz '2026-03-01 12:34:56.123456+00')::text", as: String.self)
            #expect(epoch == "1772368496.123456")
            let instant = Date(timeIntervalSince1970: 1_772_368_496.123456)

            // Written: the server reads the exact microsecond.
            #expect(try scalar(c, "SELECT \(instant) = timestamptz '2026-03-01 12:34:56.123456+00'") as Bool)
            // Read: whatever offset the value is printed with.
            for literal in [
                "2026-03-01 12:34:56.123456+00", "2026-03-01 21:34:56.123456+09", "2026-03-01 07:04:56.123456-05:30",
            ] {
                let read = try c.query("SELECT \(literal)::timestamptz").first!.decode(Date.self, at: 0)
                #expect(microseconds(read) == microseconds(instant), "\(literal)")
                let rawRead = try c.query("SELECT \(literal)").first!.decode(Date.self, at: 0)
                #expect(microseconds(rawRead) == microseconds(instant), "\(literal)")
            }
            // Before 1970, whole seconds, and the last microsecond of a day.
            for instant in [
                Date(timeIntervalSince1970: -1.000001), Date(timeIntervalSince1970: 0),
                Date(timeIntervalSince1970: 1_772_409_599.999999), Date(timeIntervalSince1970: -2_208_988_800),
            ] {
                let back = try #require(try echo(instant, "timestamptz", on: c))
                #expect(microseconds(back) == microseconds(instant))
            }
            #expect(
                try scalar(c, "SELECT \(Date(timeIntervalSince1970: -1.000001))::text") as String
                    == "1969-12-31 23:59:58.999999+00")
        }
    }

    @Test func datesAreLocalDaysAtMidnightUTC() throws {
        try withEmptyDatabase { c throws in
            try c.execute("CREATE TABLE due (on_date date)")
            let midnight = Date(timeIntervalSince1970: 1_772_323_200) // 2026-03-01 00:00 UTC
            let lateEvening = Date(timeIntervalSince1970: 1_772_409_599.5) // 2026-03-01 23:59:59.5 UTC
            try c.execute("INSERT INTO due (on_date) VALUES (\(midnight)), (\(lateEvening))")
            #expect(
                try c.query("SELECT on_date::text FROM due").map { try $0.decode(String.self, at: 0) } == [
                    "2026-03-01", "2026-03-01",
                ])
            #expect(try scalar(c, "SELECT on_date FROM due LIMIT 1") as Date == midnight)
            #expect(try scalar(c, "SELECT date '2024-02-29'") as Date == Date(timeIntervalSince1970: 1_709_164_800))
            #expect(try scalar(c, "SELECT date '1900-01-01'") as Date == Date(timeIntervalSince1970: -2_208_988_800))
        }
    }

    @Test func uuidsAndJSON() throws {
        struct Complaint: Codable, Equatable, Sendable {
            var summary: String
            var rights: [String]
            var amount: Double?
        }
        try withEmptyDatabase { c throws in
            let id = UUID()
            #expect(try echo(id, "uuid", on: c) == id)
            #expect(try serverText(id, "uuid", on: c) == id.uuidString.lowercased())
            #expect(
                try scalar(c, "SELECT '6ECD8C99-4036-403D-BF84-CF8400F67836'::uuid") as UUID
                    == UUID(uuidString: "6ecd8c99-4036-403d-bf84-cf8400f67836")!)

            let complaint = Complaint(
                summary: "퇴거 \"notice\" \\ served </script>", rights: ["housing", "주거권"], amount: nil)
            let json = PostgresJSON(complaint)
            #expect(try echo(json, "jsonb", on: c)?.value == complaint)
            #expect(try scalar(c, "SELECT \(json)->>'summary'") as String == complaint.summary)
            #expect(try scalar(c, "SELECT jsonb_array_length(\(json)->'rights')") as Int == 2)
            // A document the server built decodes too.
            let built = try scalar(
                c, "SELECT jsonb_build_object('summary', 'x', 'rights', ARRAY['a'], 'amount', 1.5)",
                as: PostgresJSON<Complaint>.self)
            #expect(built.value == Complaint(summary: "x", rights: ["a"], amount: 1.5))
            #expect(throws: PostgresError.self) {
                try c.query("SELECT '{\"summary\": 1}'::jsonb").first!.decode(PostgresJSON<Complaint>.self, at: 0)
            }
            // Numbers JSON cannot spell do not turn the whole document into null.
            for amount in [Double.nan, .infinity, -.infinity] {
                let odd = PostgresJSON(Complaint(summary: "odd amount", rights: [], amount: amount))
                #expect(try scalar(c, "SELECT \(odd)->>'summary'") as String == "odd amount")
                let back = try #require(try echo(odd, "jsonb", on: c))
                #expect(back.value.amount?.isNaN == amount.isNaN)
                #expect(amount.isNaN || back.value.amount == amount)
            }
        }
    }

    @Test func textArraysWithAwkwardElements() throws {
        try withEmptyDatabase { c throws in
            let awkward: [String?] = [
                "plain", "with \"quotes\"", "back\\slash", "comma, inside", nil, "NULL", "null", "",
                " spaced ", "{braces}", "인권", "tab\there", "new\nline", "\\\"", "a,b\"c\\d{e}",
            ]
            let array = PostgresTextArray(awkward)
            #expect(try echo(array, "text[]", on: c) == array)
            #expect(try scalar(c, "SELECT cardinality(\(array))") as Int == awkward.count)
            for (index, element) in awkward.enumerated() {
                let server = try c.query("SELECT (\(array))[\(Int32(index + 1))]").first!.decode(String?.self, at: 0)
                #expect(server == element, "element \(index + 1)")
            }
            // Arrays the server built.
            let built = try scalar(
                c, "SELECT ARRAY['a', NULL, 'NULL', '', 'x\"y', 'p\\q', 'r,s']::text[]", as: PostgresTextArray.self)
            #expect(built.elements == ["a", nil, "NULL", "", "x\"y", "p\\q", "r,s"])
            #expect(try echo(PostgresTextArray([]), "text[]", on: c) == PostgresTextArray([]))
            #expect(try echo(PostgresTextArray([nil]), "text[]", on: c) == PostgresTextArray([nil]))
        }
    }

    @Test func byteaCarriesEveryByte() throws {
        try withEmptyDatabase { c throws in
            let every = (0...255).map { UInt8($0) }
            #expect(try echo(every, "bytea", on: c) == every)
            #expect(try scalar(c, "SELECT length(\(every))") as Int == 256)
            #expect(try scalar(c, "SELECT get_byte(\(every), 200)") as Int == 200)
            #expect(try echo([UInt8](), "bytea", on: c) == [])
            #expect(try scalar(c, "SELECT '\\xDEADbeef'::bytea") as [UInt8] == [0xde, 0xad, 0xbe, 0xef])
        }
    }

    /// The bind text of an instant, written digit by digit, is what a formatted reference
    /// writes, across centuries, leap days, the epoch and negative fractions.
    @Test func instantBindTextMatchesAReferenceFormatting() {
        func reference(_ date: Date) -> String {
            let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
            var seconds = micros / 1_000_000
            var fraction = micros % 1_000_000
            if fraction < 0 {
                fraction += 1_000_000
                seconds -= 1
            }
            let components = Calendar(identifier: .gregorian).dateComponents(
                in: TimeZone(identifier: "UTC")!,
                from: Date(timeIntervalSince1970: Double(seconds)))
            return String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", components.year!, components.month!, components.day!,
                components.hour!, components.minute!, components.second!, Int(fraction))
        }
        var instants = [
            -2_208_988_800.0, -1.000001, -0.5, 0, 0.000001, 951_782_400, 1_772_368_496.123456, 1_772_409_599.999999,
            4_102_444_799.999999, 253_402_300_799,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            instants.append(
                Double(Int64.random(in: -2_000_000_000_000_000...7_000_000_000_000_000, using: &generator)) / 1_000_000)
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(date.postgresText == reference(date), "\(seconds)")
        }
    }
}

/// Instants beyond years 1 to 9999 come back as the nearest end, not as an error.
@Suite struct OutOfRangeCodingTests {
    @Test(arguments: [
        ("'infinity'::timestamptz", true), ("'-infinity'::timestamptz", false),
        ("'10000-01-05 10:00:00+00'::timestamptz", true), ("'0044-03-15 12:00:00+00 BC'::timestamptz", false),
    ])
    func instantsBeyondTheRangeAreClamped(_ sql: String, _ late: Bool) throws {
        try withEmptyDatabase { connection in
            let value = try scalar(connection, "SELECT \(unsafeSQL: sql)", as: Date.self)
            #expect(value == (late ? Date.storableRange.upperBound : Date.storableRange.lowerBound))
        }
        // The ends are 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, proleptic Gregorian.
        #expect(Date.storableRange.upperBound.timeIntervalSince1970 == 253_402_300_799)
        #expect(Date.storableRange.lowerBound.timeIntervalSince1970 == -62_135_596_800)
    }
}
