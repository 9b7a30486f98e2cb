import Foundation
import Postgres
import RedressTesting
import Testing

/// Duplicates and related cases: the intake warning, links both ways, closing as a duplicate
/// with its original, and statistics by linked issue.
@Suite struct CaseLinkTests {
    /// The same complainant against the same respondent twice: the second intake warns and
    /// names the first, as does `case show`, until the two are linked.
    @Test func aSecondComplaintWithTheSameContactIsFlagged() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let first = try office.openCase(extra: ["--phone", "010-5555-1234"])
            // Another respondent, the same contact: not a duplicate.
            let elsewhere = try office.ok(
                "case", "open", "--complainant", "Kim Minji", "--email", "minji@example.org", "--respondent",
                "Gwangju Metropolitan Transit", "--summary", "Bus pass refused", "--category", "housing",
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            // The same respondent, the email in other letter case and the phone with other punctuation.
            let again = try office.run(
                "case", "open", "--complainant", "Kim Min-ji", "--email", "Minji@Example.ORG", "--phone",
                "010 5555 1234", "--respondent", "Gwangju City Housing Corporation", "--summary", "Eviction again",
                "--category", "housing")
            #expect(again.status == 0, "\(again)")
            let second = again.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(
                again.stderr.contains("warning: \(second) has the respondent and a complainant contact of \(first)"))
            #expect(again.stderr.contains("redress case link \(second) \(first) --as duplicate"), "\(again)")
            // By phone alone.
            let byPhone = try office.run(
                "case", "open", "--complainant", "Someone", "--phone", "(010) 5555-1234", "--respondent",
                "Gwangju City Housing Corporation", "--summary", "Again", "--category", "housing")
            #expect(byPhone.stderr.contains(first) && byPhone.stderr.contains(second), "\(byPhone)")

            // A caseworker who may not see identities is told of it too, by reference only.
            let reader = try office.staff("reader", roles: ["caseworker"])
            let shown = try office.show(second, binary: reader.binary)
            #expect(shown["identity_redacted"] as? Bool == true)
            #expect((shown["possible_duplicates"] as? [String])?.contains(first) == true)
            #expect((shown["possible_duplicates"] as? [String])?.contains(elsewhere) == false)
            let text = try reader.binary.run(["case", "show", second])
            #expect(text.stdout.contains("Duplicate?:   \(first)"), "\(text)")

            // Linked, it is no longer flagged.
            try office.ok("case", "link", second, first, "--as", "duplicate")
            let linked = try office.show(second)
            #expect((linked["possible_duplicates"] as? [String])?.contains(first) == false)
        }
    }

    /// Links read both ways; a duplicate has one original; links end without being deleted.
    @Test func linksReadBothWaysAndEnd() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let a = try office.openCase()
            let b = try office.openCase(complainant: "Oh Jisu")
            let c = try office.openCase(complainant: "Lee Sora")
            try office.ok("case", "link", b, a, "--as", "duplicate")
            try office.ok("case", "link", a, c, "--as", "related")
            var shown = try office.show(a)
            let links = shown["links"] as? [[String: Any]] ?? []
            #expect(links.map { $0["kind"] as? String } == ["has_duplicate", "related"])
            #expect(links.map { $0["reference"] as? String } == [b, c])
            #expect(links.first?["linked_by"] as? String == office.login)
            #expect(
                ((try office.show(b))["links"] as? [[String: Any]])?.first?["kind"] as? String == "duplicate_of")
            let text = try office.ok("case", "show", a)
            #expect(text.contains("Links:        has duplicate \(b)"), "\(text)")
            #expect(text.contains("\n              related \(c)"), "\(text)")

            // Both cases' histories record the link.
            #expect(try office.ok("case", "history", a).contains("case_linked"))
            #expect(try office.ok("case", "history", b).contains("case_linked"))

            let before = try office.counts()
            try office.refused(["case", "link", b, c, "--as", "duplicate"], saying: "already")
            try office.refused(["case", "link", a, c, "--as", "related"], saying: "already")
            try office.refused(["case", "link", c, a, "--as", "related"], saying: "already")
            let selfLink = try office.run("case", "link", a, a, "--as", "related")
            #expect(selfLink.status == 2 && selfLink.stderr.contains("cannot be linked to itself"), "\(selfLink)")
            let unknown = try office.run("case", "link", a, "HRC-2026-999999", "--as", "related")
            #expect(unknown.status == 3, "\(unknown)")
            let badKind = try office.run("case", "link", a, b, "--as", "sibling")
            #expect(badKind.status == 2, "\(badKind)")
            let noLink = try office.run("case", "unlink", b, c)
            #expect(noLink.status == 4 && noLink.stderr.contains("is not linked to"), "\(noLink)")
            #expect(try office.counts() == before, "refusals write nothing")

            try office.ok("case", "unlink", c, a)
            shown = try office.show(a)
            #expect((shown["links"] as? [[String: Any]])?.map { $0["reference"] as? String } == [b])
            let kept = try db.withConnection {
                try $0.query("SELECT count(*) FROM case_link WHERE unlinked_at IS NOT NULL").first!.decode(
                    Int.self, at: 0)
            }
            #expect(kept == 1, "an ended link stays on record")
        }
    }

    /// Closing as a duplicate names the original: given on closing, or linked before.
    @Test func closingAsDuplicateNeedsTheOriginal() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let original = try office.openCase()
            let copy = try office.openCase()
            let other = try office.openCase(complainant: "Oh Jisu")
            for reference in [original, copy, other] { try office.ok("case", "acknowledge", reference) }

            let before = try office.counts()
            let bare = try office.run("case", "close", copy, "--outcome", "duplicate")
            #expect(bare.status == 2 && bare.stderr.contains("needs its original"), "\(bare)")
            #expect(try office.counts() == before)

            try office.ok("case", "close", copy, "--outcome", "duplicate", "--original", original)
            let closed = try office.show(copy)
            #expect(closed["outcome"] as? String == "duplicate")
            #expect(
                (closed["links"] as? [[String: Any]])?.map { "\($0["kind"] ?? "") \($0["reference"] ?? "")" } == [
                    "duplicate_of \(original)"
                ])
            let history = try office.ok("case", "history", copy, "--format", "json")
            #expect(
                history.contains("\"original\" : \"\(original)\"") || history.contains("\"original\":\"\(original)\""))

            // Linked first, closing needs nothing more; naming another original is refused.
            try office.ok("case", "link", other, original, "--as", "duplicate")
            let third = try office.openCase(complainant: "Lee Sora")
            try office.ok("case", "acknowledge", third)
            try office.refused(
                ["case", "close", other, "--outcome", "duplicate", "--original", third], saying: "already")
            try office.ok("case", "close", other, "--outcome", "duplicate")
        }
    }

    /// `report stats --by issue` counts the cases linked as one systemic issue together.
    @Test func statisticsGroupByLinkedIssue() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let at = ["--received-at", "2026-03-03T10:00+09:00"]
            let a = try office.openCase(extra: at)
            let b = try office.openCase(complainant: "Oh Jisu", extra: at)
            let c = try office.openCase(complainant: "Lee Sora", extra: at)
            _ = try office.openCase(complainant: "Park Jun", extra: at)
            try office.ok("case", "link", b, a, "--as", "same-issue")
            try office.ok("case", "link", c, b, "--as", "same-issue")
            #expect((try office.show(c))["issue"] as? String == a)

            let json = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--by", "issue", "--format", "json")
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            let groups = (object["groups"] as? [String: Any])?["rows"] as? [[String: Any]] ?? []
            let received = Dictionary(
                uniqueKeysWithValues: groups.map { ($0["key"] as? String ?? "", $0["received"] as? Int ?? -1) })
            #expect(received == [a: 3, "(no linked issue)": 1], "\(json)")
        }
    }
}
