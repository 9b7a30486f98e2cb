import Foundation
import RedressTesting
import Testing

/// `redress report stats` run as a new process: exit codes, and the four formats telling the same story.
@Suite("report stats")
struct StatisticsCLITests {
    @Test(arguments: [
        (["--from", "2026-13-01", "--to", "2026-12-31"], "--from \"2026-13-01\" is not a date"),
        (
            ["--from", "2026-12-01", "--to", "2026-01-31"],
            "The period ends on 2026-01-31, before it starts on 2026-12-01"
        ),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--by", "body"], "'body' is invalid for '--by"),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--format", "pdf"], "'pdf' is invalid for '--format"),
        (["--from", "2026-01-01';DROP TABLE case_event;--", "--to", "2026-12-31"], "is not a date"),
        (["--to", "2026-12-31"], "Missing expected argument '--from"),
    ])
    func refusesBadArguments(_ arguments: [String], _ message: String) throws {
        try withTestDatabase { db in
            let result = try RedressBinary(database: db.url).run(["report", "stats"] + arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(message), "\(result)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func emptyOffice() throws {
        try withTestDatabase { db in
            let redress = RedressBinary(database: db.url)
            let json = try redress.run([
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json",
            ])
            #expect(json.status == 0, "\(json)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((object["volume"] as? [String: Any])?["received"] as? Int == 0)
            #expect((object["timeliness"] as? [String: Any])?["clocks"] as? [Any] != nil)
            let html = try redress.run([
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "html",
            ])
            #expect(html.status == 0)
            #expect(html.stdout.contains("Nothing in this period."))
            try StatisticsAgreement.checkHTML(html.stdout, json: object)
        }
    }

    @Test func unreachableDatabase() throws {
        let result = try RedressBinary(database: "postgresql:///redress?host=/nonexistent-socket-folder").run(
            ["report", "stats", "--from", "2026-01-01", "--to", "2026-12-31"])
        #expect(result.status == 6, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func formatsAgreeOnASmallOffice() throws {
        try withTestDatabase { db in
            let redress = RedressBinary(database: db.url)
            func ok(_ arguments: String...) throws -> String { try run(arguments) }
            func run(_ arguments: [String]) throws -> String {
                let result = try redress.run(arguments)
                #expect(result.status == 0, "redress \(arguments.joined(separator: " ")): \(result)")
                return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            _ = try ok("office", "set", "--time-zone", "Asia/Seoul", "--name", "Gwangju Human Rights Office")
            _ = try ok("calendar", "add", "2026-05-05", "Children's Day")
            func open(_ at: String, _ channel: String, _ respondent: String, _ category: String) throws -> String {
                try ok(
                    "case", "open", "--complainant", "Kim Minji", "--respondent", respondent, "--summary",
                    "A complaint",
                    "--category", category, "--channel", channel, "--received-at", at)
            }
            let first = try open("2026-04-28T10:00", "web", "Gwangju Housing Corporation", "housing")
            _ = try ok("case", "acknowledge", first, "--at", "2026-04-30T10:00")
            _ = try ok("case", "request-info", first, "--what", "the lease", "--at", "2026-05-04T10:00")
            _ = try ok("case", "info-received", first, "--at", "2026-05-08T10:00")
            _ = try ok(
                "case", "extend", first, "--clock", "triage", "--days", "5", "--reason", "records arrived late", "--at",
                "2026-05-11T10:00")
            _ = try ok("case", "move", first, "--to", "investigation", "--at", "2026-05-20T10:00")
            let second = try open("2026-05-04T10:00", "email", "Gwangju Transit Authority", "mobility")
            _ = try ok("case", "acknowledge", second, "--at", "2026-05-08T10:00")
            _ = try ok("case", "close", second, "--outcome", "out_of_jurisdiction", "--at", "2026-05-12T10:00")
            let third = try open("2026-05-06T10:00", "post", "Gwangju Housing Corporation", "housing")
            _ = try ok("case", "acknowledge", third, "--at", "2026-05-12T10:00")
            _ = try ok(
                "case", "close", third, "--outcome", "withdrawn", "--reason", "no longer needed", "--at",
                "2026-05-15T10:00")

            let period = ["report", "stats", "--from", "2026-04-01", "--to", "2026-06-30", "--by", "respondent"]
            let json = try run(period + ["--format", "json"])
            let text = try run(period + ["--format", "text"])
            let csv = try run(period + ["--format", "csv"])
            let html = try run(period + ["--format", "html"])
            #expect(try run(period) == text)

            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let volume = try #require(object["volume"] as? [String: Any])
            #expect(volume["received"] as? Int == 3)
            #expect(volume["closed"] as? Int == 2)
            #expect(volume["open_at_end"] as? Int == 1)
            let timeliness = try #require(object["timeliness"] as? [String: Any])
            let clocks = try #require(timeliness["clocks"] as? [[String: Any]])
            let acknowledge = try #require(clocks.first { $0["kind"] as? String == "acknowledge" })
            // 2, 3 and 4 working days (the third spans Children's Day): one late.
            #expect(acknowledge["ended"] as? Int == 3)
            #expect((acknowledge["late"] as? [String: Any])?["count"] as? Int == 1)
            #expect(acknowledge["mean_working_days"] as? Double == 3)
            #expect(acknowledge["median_working_days"] as? Double == 3)
            #expect(acknowledge["p90_working_days"] as? Int == 4)
            // Triage: 15 − 3 paused = 12 (within 10 + 5 extended), 5 and 7.
            let triage = try #require(clocks.first { $0["kind"] as? String == "triage" })
            #expect((triage["within_allowance"] as? [String: Any])?["count"] as? Int == 3)
            #expect(triage["median_working_days"] as? Double == 7)
            #expect(triage["p90_working_days"] as? Int == 12)
            #expect(triage["extensions_granted"] as? Int == 1)
            let paused = try #require(timeliness["paused_by_reason"] as? [[String: Any]])
            #expect(paused.count == 1)
            #expect(paused.first?["working_days"] as? Int == 3)
            #expect(paused.first?["calendar_days"] as? Int == 4)

            try StatisticsAgreement.check(text: text, json: object)
            #expect(csv.hasPrefix("section,dimension,key,metric,value\r\n"))
            #expect(csv.contains("\r\nvolume,,,received,3\r\n"))
            #expect(csv.contains("\r\ntimeliness,clock,triage,p90_working_days,12\r\n"))
            try StatisticsAgreement.checkHTML(html, json: object)
        }
    }
}

extension StatisticsCLITests {
    /// On a seeded demo office (a year of cases in every state, with pauses, extensions and
    /// breaches) the text, CSV and HTML outputs state what the JSON output says.
    @Test func formatsAgreeOnTheDemoOffice() throws {
        try withTestDatabase { db in
            let redress = RedressBinary(database: db.url)
            let seeded = try redress.run(["demo", "seed", "--cases", "600", "--seed", "11", "--as-of", "2026-12-31"])
            #expect(seeded.status == 0, "\(seeded)")
            for by in ["respondent", "category", "channel", "assignee"] {
                let period = ["report", "stats", "--from", "2026-04-01", "--to", "2026-12-31", "--by", by]
                let json = try redress.run(period + ["--format", "json"])
                let text = try redress.run(period)
                let csv = try redress.run(period + ["--format", "csv"])
                let html = try redress.run(period + ["--format", "html"])
                for result in [json, text, csv, html] {
                    #expect(result.status == 0, "\(result)")
                    #expect(result.stderr.isEmpty)
                }
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
                let volume = try #require(object["volume"] as? [String: Any])
                // The demo office has a year of cases: some carried in, most received, many closed.
                #expect(volume["open_at_start"] as? Int ?? 0 > 0)
                #expect(volume["closed"] as? Int ?? 0 > 100)
                #expect(
                    (volume["open_at_start"] as! Int) + (volume["received"] as! Int) + (volume["reopened"] as! Int)
                        - (volume["closed"] as! Int) == volume["open_at_end"] as? Int)
                let clocks = try #require((object["timeliness"] as? [String: Any])?["clocks"] as? [[String: Any]])
                #expect(clocks.count >= 5)
                #expect((object["groups"] as? [String: Any])?["grouping"] as? String == by)
                try StatisticsAgreement.check(text: text.stdout, json: object)
                try StatisticsAgreement.checkHTML(html.stdout, json: object)
                #expect(csv.stdout.contains("\r\nvolume,,,received,\(volume["received"] as! Int)\r\n"))
            }
        }
    }
}

extension StatisticsCLITests {
    /// A seeded demo office has outcomes, remedies and compliance to report, in an office's
    /// proportions, and the same seed gives the same statistics.
    @Test func demoOfficeHasResolutionStatistics() throws {
        func stats(seed: String) throws -> (json: String, object: [String: Any]) {
            try withTestDatabase { db in
                let redress = RedressBinary(database: db.url)
                let seeded = try redress.run([
                    "demo", "seed", "--cases", "2500", "--seed", seed, "--as-of", "2026-12-31",
                ])
                #expect(seeded.status == 0, "\(seeded)")
                #expect(try redress.run(["audit", "verify"]).status == 0)
                let json = try redress.run([
                    "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json",
                ])
                #expect(json.status == 0, "\(json)")
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
                return (json.stdout, object)
            }
        }
        let (first, object) = try stats(seed: "5")
        let outcomes = try #require(object["outcomes"] as? [String: Any])
        let byOutcome = try #require(outcomes["by_outcome"] as? [[String: Any]])
        func outcome(_ key: String) -> Int { byOutcome.first { $0["key"] as? String == key }?["count"] as? Int ?? 0 }
        let closed = try #require(outcomes["closed"] as? Int)
        for key in ["upheld", "partly_upheld", "not_upheld", "settled", "out_of_jurisdiction"] {
            #expect(outcome(key) > 0 && outcome(key) < closed / 2, "\(key): \(outcome(key)) of \(closed)")
        }
        let mediation = try #require(object["mediation"] as? [String: Any])
        #expect(mediation["offered"] as? Int ?? 0 > 20)
        #expect(mediation["settled"] as? Int ?? 0 > 5)
        #expect(mediation["failed"] as? Int ?? 0 > 0)
        #expect(mediation["median_working_days_to_settlement"] as? Double ?? 0 > 5)
        let remedies = try #require(object["remedies"] as? [String: Any])
        let total = try #require(remedies["total"] as? Int)
        #expect(total > 200)
        let byClass = try #require(remedies["by_class"] as? [[String: Any]])
        #expect(byClass.filter { $0["count"] as? Int ?? 0 > 0 }.count >= 2)
        let byKind = try #require(remedies["by_kind"] as? [[String: Any]])
        #expect(byKind.filter { $0["count"] as? Int ?? 0 > 0 }.count >= 8)
        let compliance = try #require(object["compliance"] as? [String: Any])
        func share(_ key: String) -> Double? { (compliance[key] as? [String: Any])?["share"] as? Double }
        let implemented = try #require(share("implemented"))
        let late = try #require(share("implemented_late"))
        let accepted = try #require(share("accepted"))
        #expect((0.6...0.97).contains(implemented), "implemented \(implemented)")
        #expect((0.05...0.5).contains(late), "late \(late)")
        #expect((0.75...0.99).contains(accepted), "accepted \(accepted)")
        let rows = try #require(compliance["by_respondent"] as? [[String: Any]])
        #expect(rows.count > 5)
        #expect(rows.contains { $0["not_implemented"] as? Int ?? 0 > 0 })
        #expect(rows.contains { $0["non_compliance_at_end"] as? Int ?? 0 > 0 || $0["overdue_at_end"] as? Int ?? 0 > 0 })
        // The same seed, the same statistics (but for the moment of the report).
        func stable(_ text: String) -> String {
            text.components(separatedBy: "\n").filter { !$0.contains("generated") }.joined(separator: "\n")
        }
        let (again, _) = try stats(seed: "5")
        #expect(stable(again) == stable(first))
    }
}

/// Checks that the text and HTML outputs of `report stats` state the figures of its JSON output.
enum StatisticsAgreement {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// The lines of one upper-case section of the text output.
    static func section(_ title: String, of text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
        var body: [String] = []
        for line in lines[(start + 1)...] {
            if let first = line.first, first.isUppercase, line == line.uppercased() { break }
            body.append(line)
        }
        return body
    }

    /// The whitespace-separated cells of the first line of `lines` whose first cell(s) are `label`.
    static func row(_ label: String, in lines: [String]) -> [String]? {
        for line in lines where line.hasPrefix("  " + label + " ") {
            let rest = line.dropFirst(2 + label.count)
            return [label] + rest.split(separator: " ").map(String.init)
        }
        return nil
    }

    static func int(_ value: Any?) -> Int? { value as? Int }

    static func days(_ value: Any?) -> String {
        guard let number = value as? Double else { return "–" }
        let hundredths = Int((number * 100).rounded())
        if hundredths % 100 == 0 { return String(hundredths / 100) }
        if hundredths % 10 == 0 { return "\(hundredths / 100).\(hundredths % 100 / 10)" }
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
    }

    static func label(_ code: String) -> String {
        let words = code.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func expectEqual(_ found: String?, _ wanted: String, _ what: String) throws {
        guard found == wanted else {
            throw Mismatch(description: "\(what): the text says \(found ?? "nothing"), the JSON \(wanted)")
        }
    }

    static func check(text: String, json: [String: Any]) throws {
        let volume = json["volume"] as? [String: Any] ?? [:]
        let volumeText = section("VOLUME", of: text)
        for (label, key) in [
            ("Open at start", "open_at_start"), ("Received", "received"), ("Reopened", "reopened"),
            ("Closed", "closed"), ("Open at end", "open_at_end"),
        ] {
            try expectEqual(row(label, in: volumeText)?.last, String(int(volume[key]) ?? -1), "volume \(key)")
        }
        for (heading, key) in [("Channel", "by_channel"), ("Category", "by_category"), ("Respondent", "by_respondent")]
        {
            let rows = volume[key] as? [[String: Any]] ?? []
            let table = volumeText.drop { !$0.hasPrefix("  \(heading) ") }
            for entry in rows {
                let name = entry["key"] as? String ?? ""
                let cells = row(name, in: Array(table))
                try expectEqual(
                    cells.map { $0.suffix(3).joined(separator: " ") },
                    "\(int(entry["received"])!) \(int(entry["closed"])!) \(int(entry["open_at_end"])!)",
                    "volume \(key) \(name)")
            }
        }

        let outcomes = json["outcomes"] as? [String: Any] ?? [:]
        let outcomeText = section("OUTCOMES", of: text)
        for entry in outcomes["by_outcome"] as? [[String: Any]] ?? [] {
            let code = entry["key"] as? String ?? ""
            try expectEqual(
                row(label(code), in: outcomeText)?.dropLast().last, String(int(entry["count"])!), "outcome \(code)")
        }
        let stageText = section("STAGE OF CLOSURE", of: text)
        let stageLabels = [
            "triage": "Triage", "early_resolution": "Early resolution", "mediation": "Mediation",
            "investigation": "Investigation", "arbitration": "Arbitration",
        ]
        for entry in outcomes["by_stage"] as? [[String: Any]] ?? [] {
            let code = entry["key"] as? String ?? ""
            try expectEqual(
                row(stageLabels[code] ?? code, in: stageText)?.dropLast().last, String(int(entry["count"])!),
                "stage \(code)")
        }

        let timeliness = json["timeliness"] as? [String: Any] ?? [:]
        let timelinessText = section("TIMELINESS", of: text)
        for clock in timeliness["clocks"] as? [[String: Any]] ?? [] {
            let kind = clock["kind"] as? String ?? ""
            guard let cells = row(kind, in: timelinessText) else {
                throw Mismatch(description: "no text row for clock \(kind)")
            }
            let wanted = [
                String(int(clock["ended"])!), String(int((clock["within_allowance"] as? [String: Any])?["count"])!),
                days(clock["mean_working_days"]), days(clock["median_working_days"]),
                int(clock["p90_working_days"]).map(String.init) ?? "–",
                String(int(clock["extensions_granted"])!), String(int(clock["breached_at_end"])!),
            ].joined(separator: " ")
            try expectEqual(
                [cells[1], cells[2], cells[5], cells[6], cells[7], cells[8], cells[9]].joined(separator: " "), wanted,
                "clock \(kind)")
        }
        let age = timeliness["age_profile"] as? [String: Any] ?? [:]
        try expectEqual(row("All", in: timelinessText)?[1], String(int(age["open"])!), "open cases")
        for (label, key) in [
            ("Over 3 months", "over_3_months"), ("Over 6 months", "over_6_months"),
            ("Over 12 months", "over_12_months"),
        ] {
            try expectEqual(
                row(label, in: timelinessText)?.dropLast().last, String(int((age[key] as? [String: Any])?["count"])!),
                key)
        }
        for pause in timeliness["paused_by_reason"] as? [[String: Any]] ?? [] {
            let reason = pause["reason"] as? String ?? ""
            try expectEqual(
                row(label(reason), in: timelinessText)?.suffix(3).joined(separator: " "),
                "\(int(pause["pauses"])!) \(int(pause["working_days"])!) \(int(pause["calendar_days"])!)",
                "pause \(reason)")
        }

        if let compliance = json["compliance"] as? [String: Any] {
            let complianceText = section("COMPLIANCE", of: text)
            try expectEqual(
                complianceText.first { $0.hasPrefix("  Open non-compliance at end: ") }.map {
                    String($0.split(separator: " ").last!)
                },
                String(int(compliance["open_non_compliance"])!), "open non-compliance")
        }
        if let mediation = json["mediation"] as? [String: Any] {
            let mediationText = section("MEDIATION", of: text)
            for key in ["offered", "accepted", "declined", "settled", "failed", "withdrawn"] {
                try expectEqual(
                    row(label(key), in: mediationText)?.last, String(int(mediation[key])!), "mediation \(key)")
            }
        }
        if let remedies = json["remedies"] as? [String: Any] {
            let remedyText = section("REMEDIES", of: text)
            try expectEqual(
                remedyText.first { $0.hasPrefix("  Remedy items: ") }.map { String($0.split(separator: " ").last!) },
                String(int(remedies["total"])!), "remedy items")
        }
    }

    /// Every chart the page should have is there once, as an accessible SVG image.
    static func checkHTML(_ html: String, json: [String: Any]) throws {
        var ids = [
            "chart-volume", "chart-channel", "chart-category", "chart-respondent", "chart-stage", "chart-outcome",
            "chart-within-allowance", "chart-timeliness-distribution", "chart-paused", "chart-age",
        ]
        if !(json["mediation"] is NSNull) { ids.append("chart-mediation") }
        if !(json["remedies"] is NSNull) { ids += ["chart-remedy-class", "chart-remedy-kind"] }
        if !(json["compliance"] is NSNull) { ids.append("chart-compliance") }
        if !(json["groups"] is NSNull) { ids.append("chart-groups") }
        for id in ids {
            guard
                html.components(
                    separatedBy:
                        "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
                ).count == 2,
                html.contains("<title id=\"\(id)-title\">"), html.contains("<desc id=\"\(id)-desc\">")
            else { throw Mismatch(description: "the page lacks the accessible chart \(id)") }
        }
        let charts = html.components(separatedBy: "<svg ").count - 1
        guard charts == ids.count else {
            throw Mismatch(description: "the page has \(charts) charts, expected \(ids.count)")
        }
        let volume = json["volume"] as? [String: Any] ?? [:]
        guard html.contains("<th scope=\"row\">Received</th><td class=\"n\">\(int(volume["received"])!)</td>") else {
            throw Mismatch(description: "the page's volume table does not state the received figure")
        }
    }
}
