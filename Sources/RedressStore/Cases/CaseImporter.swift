import CSV
import Crypto
import Dispatch
public import Foundation
public import Postgres
import RedressCore

/// Bulk intake from CSV or JSON Lines (`case import`): every row is validated first; then, in
/// one transaction, the cases, their parties, categories, clocks and audit rows go in by COPY.
/// All or nothing: one bad row and nothing is written.
///
/// Columns (CSV header) or keys (JSON Lines), as `case open` names its options:
/// `received_at`, `channel`, `complainant` (several separated by `;`), `email`, `phone`,
/// `address`, `language`, `contact_preference`, `group_size`, `representative`,
/// `representative_email`, `respondent`, `respondent_email`, `head_of_body`,
/// `head_of_body_email`, `categories` (separated by `;`), `summary`, `urgent`, `confidential`,
/// `incident_date`, `accept_late_reason`. `received_at`, `complainant`, `respondent` and
/// `summary` are required.
public struct CaseImporter {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// A file format.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case jsonl
    }

    /// A row that cannot be imported, by the line it starts on.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Why an import was refused: the bad rows, every one of them.
    public struct Rejected: Error, Sendable, CustomStringConvertible {
        public var problems: [Problem]
        public var rows: Int
        public var description: String {
            let first = problems[0]
            return
                "\(problems.count) of \(rows) \(rows == 1 ? "row is" : "rows are") bad, so nothing was imported; the first is line \(first.line): \(first.reason)"
        }
    }

    /// What an import did (or, dry, would do).
    public struct Summary: Sendable {
        public var rows: Int
        public var firstReference: String?
        public var lastReference: String?
    }

    public static let columns: Set<String> = [
        "received_at", "channel", "complainant", "email", "phone", "address", "language", "contact_preference",
        "group_size",
        "representative", "representative_email", "respondent", "respondent_email", "head_of_body",
        "head_of_body_email",
        "categories", "summary", "urgent", "confidential", "incident_date", "accept_late_reason",
    ]

    /// The format of a file by its content (a `{` first) or else its name.
    public static func detect(text: String, path: String) -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".csv") { return .csv }
        return text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" ? .jsonl : .csv
    }

    /// Splits the file into rows of named fields, each with the line it starts on.
    public static func rows(of text: String, format: Format) throws -> [(line: Int, fields: [String: String])] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        switch format {
        case .csv: return try csvRows(body)
        case .jsonl: return try jsonRows(body)
        }
    }

    static func csvRows(_ text: String) throws -> [(line: Int, fields: [String: String])] {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw StoreError.invalid("The file holds no complaints.")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw StoreError.invalid("The CSV file's header cannot be read: \(error).")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingSpaces().lowercased() }
        let unknown = header.filter { !columns.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError.invalid(
                "The CSV header names unknown columns \(unknown.joined(separator: ", ")); use \(columns.sorted().joined(separator: ", "))."
            )
        }
        var rows: [(line: Int, fields: [String: String])] = []
        var line = 2
        while let values = reader.next() {
            let start = line
            line += 1 + values.reduce(0) { $0 + $1.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
            if values.count == 1, values[0].isEmpty { continue }
            var fields: [String: String] = [:]
            for (index, value) in values.enumerated() where index < header.count && !value.isEmpty {
                fields[header[index]] = value
            }
            if values.count != header.count {
                fields["\u{0}columns"] = "\(values.count)"
            }
            rows.append((start, fields))
        }
        if let error = reader.error {
            throw StoreError.invalid("The CSV file cannot be read near line \(line): \(error).")
        }
        return rows
    }

    static func jsonRows(_ text: String) throws -> [(line: Int, fields: [String: String])] {
        let decoder = JSONDecoder()
        var rows: [(line: Int, fields: [String: String])] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            var fields: [String: String] = [:]
            guard case .object(let object)? = try? decoder.decode(JSONValue.self, from: Data(line.utf8)) else {
                fields["\u{0}json"] = "not a JSON object"
                rows.append((index + 1, fields))
                continue
            }
            for (key, value) in object {
                switch value {
                case .string(let text): fields[key] = text
                case .bool(let flag): fields[key] = flag ? "true" : "false"
                case .number(let number):
                    fields[key] =
                        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
                case .array(let list): fields[key] = list.compactMap(\.stringValue).joined(separator: ";")
                case .null: break
                case .object: fields[key] = "{…}"
                }
            }
            rows.append((index + 1, fields))
        }
        return rows
    }

    /// Turns rows into complaints, collecting every problem with its line. Large files are
    /// checked on every core at once: the server has nothing to do until they are.
    public func complaints(
        _ rows: [(line: Int, fields: [String: String])], context: OfficeContext, knownCategories: Set<String>
    )
        -> (valid: [(line: Int, new: NewCase, intake: IntakeValidator.Intake)], problems: [Problem])
    {
        let validator = IntakeValidator(context: context, knownCategories: knownCategories)
        let zone = context.calendar.timeZone
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 5_000))
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var valid: [(line: Int, new: NewCase, intake: IntakeValidator.Intake)] = []
            var problems: [Problem] = []
            let range = (rows.count * chunk / chunks)..<(rows.count * (chunk + 1) / chunks)
            valid.reserveCapacity(range.count)
            for (line, fields) in rows[range] {
                do {
                    let new = try Self.complaint(fields, timeZone: zone)
                    valid.append((line, new, try validator.validate(new)))
                } catch {
                    problems.append(Problem(line: line, reason: Self.reason(error)))
                }
            }
            results.set(chunk, (valid, problems))
        }
        var valid: [(line: Int, new: NewCase, intake: IntakeValidator.Intake)] = []
        var problems: [Problem] = []
        valid.reserveCapacity(rows.count)
        for chunk in results.all() {
            valid.append(contentsOf: chunk.valid)
            problems.append(contentsOf: chunk.problems)
        }
        return (valid, problems)
    }

    /// The results of checking each chunk of rows, filled in from several threads.
    final class ChunkResults: @unchecked Sendable {
        typealias Result = (valid: [(line: Int, new: NewCase, intake: IntakeValidator.Intake)], problems: [Problem])
        private let lock = NSLock()
        private var results: [Result?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        func all() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return results.map { $0! }
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    static func complaint(_ fields: [String: String], timeZone: TimeZone) throws -> NewCase {
        if let count = fields["\u{0}columns"] {
            throw StoreError.invalid("it has \(count) fields, not one per header column")
        }
        if let why = fields["\u{0}json"] { throw StoreError.invalid("it is \(why)") }
        let unknown = fields.keys.filter { !columns.contains($0) }.sorted()
        guard unknown.isEmpty else { throw StoreError.invalid("unknown field \(unknown.joined(separator: ", "))") }
        func required(_ key: String) throws -> String {
            guard let value = fields[key], !value.trimmingSpaces().isEmpty else {
                throw StoreError.invalid("\(key) is missing")
            }
            return value
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = fields[key]?.lowercased() else { return false }
            switch value {
            case "true", "yes", "1", "t", "y": return true
            case "false", "no", "0", "f", "n", "": return false
            default: throw StoreError.invalid("\(key) is \"\(value)\", not true or false")
            }
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T?
        where T.RawValue == String {
            guard let value = fields[key] else { return nil }
            guard let parsed = T(rawValue: value) else {
                throw StoreError.invalid(
                    "\(key) is \"\(value)\"; use \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return parsed
        }
        let receivedAt = try EventTime.instant(parsing: try required("received_at"), timeZone: timeZone)
        var complainants = try required("complainant").split(separator: ";").map { Party(name: $0.trimmingSpaces()) }
        complainants[0].email = fields["email"]
        complainants[0].phone = fields["phone"]
        complainants[0].postalAddress = fields["address"]
        complainants[0].language = fields["language"]
        complainants[0].contactPreference = try choice("contact_preference", ContactPreference.self)
        var groupSize: Int? = nil
        if let text = fields["group_size"] {
            guard let size = Int(text) else {
                throw StoreError.invalid("group_size is \"\(text)\", not a whole number")
            }
            groupSize = size
        }
        var incident: LocalDate? = nil
        if let text = fields["incident_date"] {
            guard let date = LocalDate(iso: text) else { throw CalendarError.invalidDate(text) }
            incident = date
        }
        return NewCase(
            receivedAt: receivedAt, channel: try choice("channel", Channel.self) ?? .web, complainants: complainants,
            groupSize: groupSize,
            representative: fields["representative"].map { Party(name: $0, email: fields["representative_email"]) },
            respondent: RespondentBody(
                name: try required("respondent"), email: fields["respondent_email"],
                headOfBodyName: fields["head_of_body"], headOfBodyEmail: fields["head_of_body_email"]),
            categories: (fields["categories"] ?? "").split(separator: ";").map { $0.trimmingSpaces() }.filter {
                !$0.isEmpty
            },
            summary: try required("summary"), language: fields["language"], urgent: try flag("urgent"),
            confidential: try flag("confidential"),
            incidentDate: incident, acceptLateReason: fields["accept_late_reason"])
    }

    /// A row checked and ready to write, with the line it starts on.
    public typealias Checked = (line: Int, new: NewCase, intake: IntakeValidator.Intake)

    /// Validates and, unless `dryRun`, imports the rows of `text` as `actor`, all in the
    /// caller's transaction; throws `Rejected` listing every bad row.
    public func run(
        text: String, format: Format, source: String, dryRun: Bool, actor: Actor, at instant: Date,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        let valid = try check(text: text, format: format, actor: actor)
        if dryRun { return Summary(rows: valid.count, firstReference: nil, lastReference: nil) }
        return try write(
            valid[...], source: source, digest: Self.digest(text), actor: actor, at: instant, progress: progress)
    }

    /// Every row of `text` checked, in file order; throws `Rejected` listing every bad row.
    public func check(text: String, format: Format, actor: Actor) throws -> [Checked] {
        try actor.require(Lifecycle.intakePermission)
        let context = try OfficeContext.load(connection, lock: .none)
        let known = Set(try CaseStore(connection).categoryCodes())
        let rows = try Self.rows(of: text, format: format)
        guard !rows.isEmpty else { throw StoreError.invalid("The file holds no complaints.") }
        let (valid, problems) = complaints(rows, context: context, knownCategories: known)
        guard problems.isEmpty else { throw Rejected(problems: problems, rows: rows.count) }
        return valid
    }

    /// The SHA-256 of a file's text, hex: what names the file in its import's audit rows, so
    /// that an import by batches knows, run again, which lines are in.
    public static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Advisory lock class of imports by batches, one session at a time per file ("REDRIMPT").
    static let batchLockClass: Int32 = 0x5244_4954

    /// Takes, for the session, the lock of imports of the file with `digest`; false when another
    /// session holds it (two runs of one file at once would write its rows twice).
    public func lock(digest: String) throws -> Bool {
        try connection.query("SELECT pg_try_advisory_lock(\(Self.batchLockClass), hashtext(\(digest)))").first!.decode(
            Bool.self, at: 0)
    }

    /// The last line of the file with `digest` that an import wrote, or nil when none did.
    public func importedThrough(digest: String) throws -> Int? {
        try connection.query(
            """
            SELECT max((data ->> 'last_line')::int) FROM case_event
            WHERE case_id IS NULL AND kind = 'cases_imported' AND data ->> 'file_sha256' = \(digest)
            """
        ).first?.decode(Int?.self, at: 0)
    }

    /// Writes `valid` (checked rows, in file order) as `actor`, in the caller's transaction,
    /// with one office audit row naming the file, its digest and the lines written.
    public func write(
        _ valid: ArraySlice<Checked>, source: String, digest: String, actor: Actor, at instant: Date,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        try actor.require(Lifecycle.intakePermission)
        let context = try OfficeContext.load(connection, lock: .share)
        let valid = Array(valid)
        guard let first = valid.first, let last = valid.last else {
            return Summary(rows: 0, firstReference: nil, lastReference: nil)
        }
        let total = valid.count
        let store = CaseStore(connection)
        try PolicyStore(connection).storeDefault()
        let prefix = context.settings.referencePrefix

        // References: one counter update per year, numbers in file order.
        var nextNumber: [Int: Int] = [:]
        for year in Set(valid.map(\.intake.receivedOn.year)).sorted() {
            let count = valid.lazy.filter { $0.intake.receivedOn.year == year }.count
            nextNumber[year] = try store.takeReferenceNumbers(prefix: prefix, year: year, count: count)
        }
        var references: [String] = []
        references.reserveCapacity(total)
        for row in valid {
            let year = row.intake.receivedOn.year
            references.append(try CaseReference(prefix: prefix, year: year, number: nextNumber[year]!).formatted)
            nextNumber[year]! += 1
        }

        // Respondent bodies, once each, found as intake finds them (by normalised name or alias).
        var respondentIDs: [String: Int] = [:]
        var bodies: [RespondentBody] = []
        var seen = Set<String>()
        for row in valid where seen.insert(row.new.respondent.name).inserted { bodies.append(row.new.respondent) }
        for chunk in stride(from: 0, to: bodies.count, by: 5_000).map({
            Array(bodies[$0..<min($0 + 5_000, bodies.count)])
        }) {
            let rows = try connection.query(
                """
                SELECT g.name, f.id
                FROM unnest(\(PostgresTextArray(chunk.map(\.name)))::text[], \(PostgresTextArray(chunk.map(\.email)))::text[],
                    \(PostgresTextArray(chunk.map(\.headOfBodyName)))::text[], \(PostgresTextArray(chunk.map(\.headOfBodyEmail)))::text[])
                    WITH ORDINALITY AS g(name, email, head, head_email, position)
                CROSS JOIN LATERAL respondent_for_intake(g.name, g.email, g.head, g.head_email) AS f
                ORDER BY g.position
                """)
            for row in rows { respondentIDs[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1) }
        }

        let ids = try connection.query("SELECT nextval('complaint_case_id_seq') FROM generate_series(1, \(total))").map
        {
            try $0.decode(Int.self, at: 0)
        }
        let login = actor.login
        let t = "t"
        let f = "f"
        progress(0, total)
        // Each complaint opened as `case open` opens it; only the writing is batched.
        var openings: [CaseOpening] = []
        openings.reserveCapacity(total)
        for (index, row) in valid.enumerated() {
            var opening = try CaseOpening(
                row.new, intake: row.intake, reference: references[index], openedBy: login,
                respondent: row.new.respondent, context: context)
            opening.record.id = ids[index]
            openings.append(opening)
        }
        try connection.copyStaged(
            into: "complaint_case",
            columns:
                "id, reference, received_at, received_on, channel, summary, language, incident_date, late_filing, late_filing_reason, urgent, confidential, group_size, respondent_id, opened_by"
        ) { writer in
            for opening in openings {
                let r = opening.record
                try writer.write([
                    String(r.id), r.reference, r.receivedAt.postgresText, r.receivedOn.iso, r.channel.rawValue,
                    r.summary, r.language, r.incidentDate?.iso, r.lateFiling ? t : f, r.lateFilingReason,
                    r.urgent ? t : f,
                    r.confidential ? t : f, r.groupSize.map(String.init), String(respondentIDs[r.respondent.name]!),
                    r.openedBy,
                ])
            }
        }
        try connection.copyStaged(
            into: "party",
            columns: "case_id, role, position, name, email, phone, postal_address, language, contact_preference"
        ) { writer in
            for opening in openings {
                let id = String(opening.record.id)
                for (role, position, party) in opening.record.partyRows {
                    try writer.write([
                        id, role, String(position), party.name, party.email, party.phone, party.postalAddress,
                        party.language, party.contactPreference?.rawValue,
                    ])
                }
            }
        }
        try connection.copyStaged(into: "case_category", columns: "case_id, category_code") { writer in
            for opening in openings {
                for code in opening.record.categories { try writer.write([String(opening.record.id), code]) }
            }
        }
        // The clocks, due dates and statuses from RedressCore, as `case open` makes them.
        try connection.copyStaged(
            into: "clock",
            columns:
                "case_id, kind, start_at, start_date, allowance_amount, allowance_unit, policy_version, urgent, status, due_date, paused_days"
        ) { writer in
            for opening in openings {
                for stored in opening.record.clocks {
                    let clock = stored.clock
                    let result = ClockWriter.results(
                        of: clock, calendar: context.calendar, asOf: opening.record.receivedOn)
                    try writer.write([
                        String(opening.record.id), clock.kind.rawValue, clock.startInstant.postgresText,
                        clock.startDate.iso,
                        String(clock.allowance.amount), clock.allowance.unit.rawValue, String(clock.policyVersion),
                        clock.urgent ? t : f, result.status.rawValue, result.due?.iso, String(result.pausedDays),
                    ])
                }
            }
        }
        try connection.copyStaged(into: "case_event", columns: "case_id, actor, occurred_at, kind, data") { writer in
            for (index, opening) in openings.enumerated() {
                var data = opening.event
                data["imported_from"] = .string(source)
                data["line"] = .int(valid[index].line)
                try writer.write([
                    String(opening.record.id), login, opening.record.receivedAt.postgresText, opening.eventKind,
                    JSONValue.object(data).jsonText,
                ])
                if index % 1_000 == 999 { progress(index + 1, total) }
            }
        }
        try AuditLog(connection).record(
            caseID: nil, actor: login, at: instant, kind: "cases_imported",
            data: [
                "source": .string(source), "file_sha256": .string(digest), "rows": .int(total),
                "first_line": .int(first.line), "last_line": .int(last.line),
                "first_reference": .text(references.first), "last_reference": .text(references.last),
            ])
        progress(total, total)
        return Summary(rows: total, firstReference: references.first, lastReference: references.last)
    }
}
