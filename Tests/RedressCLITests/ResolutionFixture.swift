import Foundation
import Postgres
import RedressTesting
import Testing

/// Helpers for the resolution tests, over the case tests' `OfficeFixture`.
extension OfficeFixture {
    /// The clock of `kind` belonging to `subject` (a remedy item or request number) in a shown case.
    func clock(_ document: [String: Any], _ kind: String, subject: Int) -> [String: Any] {
        let clocks = document["clocks"] as? [[String: Any]] ?? []
        return clocks.last { $0["kind"] as? String == kind && $0["subject"] as? Int == subject } ?? [:]
    }

    /// The remedy item `number` of a shown case.
    func remedy(_ document: [String: Any], _ number: Int) -> [String: Any] {
        (document["remedies"] as? [[String: Any]] ?? []).first { $0["number"] as? Int == number } ?? [:]
    }

    /// The notices queued for a case, as (kind, audience) pairs in the order queued.
    func notices(_ reference: String) throws -> [String] {
        try db.withConnection { connection in
            try connection.query(
                """
                SELECT n.kind || '/' || n.audience FROM notice n JOIN complaint_case c ON c.id = n.case_id
                WHERE c.reference = \(reference) ORDER BY n.id
                """
            ).map { try $0.decode(String.self, at: 0) }
        }
    }

    /// The data of the first notice of `kind` to `audience` on a case.
    func noticeData(_ reference: String, _ kind: String, _ audience: String) throws -> [String: Any] {
        let text = try db.withConnection { connection in
            try connection.query(
                """
                SELECT n.data::text FROM notice n JOIN complaint_case c ON c.id = n.case_id
                WHERE c.reference = \(reference) AND n.kind = \(kind) AND n.audience = \(audience) ORDER BY n.id LIMIT 1
                """
            ).first?.decode(String.self, at: 0) ?? "{}"
        }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// Row counts of the resolution tables, besides the case tables of `counts()`.
    func resolutionCounts() throws -> [String: Int] {
        var counts = try self.counts()
        try db.withConnection { connection in
            for table in [
                "mediation", "mediation_answer", "mediation_session", "arbitration", "arbitration_consent",
                "arbitrator",
                "arbitration_hearing", "investigation", "respondent_request", "decision", "remedy_item", "remedy_entry",
            ] {
                counts[table] = try connection.query("SELECT count(*) FROM \(identifier: table)").first!.decode(
                    Int.self, at: 0)
            }
        }
        return counts
    }

    /// Runs `redress ARGS` as the owner and expects exit code 4 with a sentence containing `phrase`,
    /// and nothing written.
    func refused(_ arguments: [String], saying phrase: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let before = try resolutionCounts()
        let result = try owner.run(arguments)
        #expect(
            result.status == 4, "redress \(arguments.joined(separator: " ")): \(result)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.contains(phrase), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.split(separator: "\n").count == 1, "one sentence: \(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(try resolutionCounts() == before, "nothing written", sourceLocation: sourceLocation)
    }
}
