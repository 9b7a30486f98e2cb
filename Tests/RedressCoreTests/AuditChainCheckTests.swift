import RedressCore
import Testing

/// The audit chain check on rows as the database describes them: every bad row found once,
/// the rows after it still checked, and a kept head reached only by the recomputed chain.
@Suite struct AuditChainCheckTests {
    /// A stand-in hash for row `id` (the check compares hashes, it does not compute them);
    /// `rewritten` gives the row another one.
    static func hash(_ id: Int, rewritten: Bool = false) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: rewritten ? "e" : "0", count: 64 - digits.count) + digits
    }

    /// Rows 1 to `count` that fit the chain.
    static func intact(_ count: Int) -> [AuditChainRow] {
        (1...count).map {
            AuditChainRow(
                id: $0, hash: hash($0), linkWellFormed: true, linked: true, contentMatches: true, rechained: hash($0))
        }
    }

    static func head(_ row: Int, _ hash: String? = nil, matches: Bool? = true) -> AuditChainCheck.StoredHead {
        AuditChainCheck.StoredHead(row: row, hash: hash ?? Self.hash(row), matchesRow: matches)
    }

    static func verify(
        _ rows: [AuditChainRow], head: AuditChainCheck.StoredHead?, keptHead: String? = nil, limit: Int = 1_000
    ) -> AuditVerification {
        var check = AuditChainCheck(keptHead: keptHead, limit: limit)
        for row in rows { check.check(row) }
        return check.finish(head: head)
    }

    @Test func anIntactLogHasNoFindingsAndNamesItsHead() {
        let result = Self.verify(Self.intact(5), head: Self.head(5))
        #expect(result.isIntact)
        #expect(result.checked == 5)
        #expect(result.head == AuditChainHead(row: 5, hash: Self.hash(5)))
    }

    @Test func theEmptyLogIsIntactAtRowZero() {
        let zero = AuditChainHead.emptyLogHash
        let result = Self.verify([], head: Self.head(0, zero), keptHead: zero)
        #expect(result.isIntact)
        #expect(result.head == AuditChainHead(row: 0, hash: zero))
        #expect(result.keptHead == .reached(row: 0))
    }

    /// Links are checked against stored hashes, so each altered row is one finding.
    @Test func threeAlteredRowsAreThreeFindings() {
        var rows = Self.intact(8)
        for id in [2, 3, 7] {
            rows[id - 1].contentMatches = false
            rows[id - 1].rechained = Self.hash(id, rewritten: true)
        }
        // The recomputed chain differs from the first altered row on.
        for id in 4...8 where id != 7 { rows[id - 1].rechained = Self.hash(id, rewritten: true) }
        let result = Self.verify(rows, head: Self.head(8))
        #expect(result.findings.map(\.row) == [2, 3, 7])
        #expect(result.findings.allSatisfy { $0.problems == [.contentChanged] })
        #expect(!result.isIntact)
        #expect(result.findings[0].description.hasPrefix("row 2: its content does not match its hash"))
    }

    @Test func aRowRehashedInPlaceIsFoundByTheLinkAfterIt() {
        var rows = Self.intact(4)
        rows[2].linked = false // row 3 links to row 2's old hash
        let result = Self.verify(rows, head: Self.head(4))
        #expect(result.findings == [AuditFinding(row: 3, problems: [.linkBroken(previous: 2)])])
    }

    @Test func missingRowsAreOneFindingAndTheLinkAfterThemIsNotJudged() {
        var rows = Self.intact(6)
        rows.removeSubrange(2..<4) // rows 3 and 4
        rows[2].linked = false
        let result = Self.verify(rows, head: Self.head(6))
        #expect(result.findings == [AuditFinding(row: 3, problems: [.missing(through: 4)])])
        #expect(result.findings[0].description == "rows 3 to 4: missing")
    }

    @Test func unreadableHashesAreFindingsNotFailures() {
        var rows = Self.intact(5)
        rows[1].hash = nil
        rows[1].contentMatches = false
        rows[2].linked = false // against row 2's unreadable hash: not judged
        rows[3].linkWellFormed = nil
        rows[3].linked = nil
        rows[3].contentMatches = nil
        let result = Self.verify(rows, head: Self.head(5))
        #expect(
            result.findings == [
                AuditFinding(row: 2, problems: [.hashMalformed]), AuditFinding(row: 4, problems: [.linkMalformed]),
            ])
    }

    @Test func theFirstRowLinksToZeros() {
        var rows = Self.intact(2)
        rows[0].linked = false
        let result = Self.verify(rows, head: Self.head(2))
        #expect(result.findings == [AuditFinding(row: 1, problems: [.linkBroken(previous: 0)])])
    }

    @Test(arguments: [
        (
            AuditChainCheckTests.head(7) as AuditChainCheck.StoredHead?,
            AuditFinding(row: 6, problems: [.removedAtEnd(head: 7)])
        ),
        (AuditChainCheckTests.head(3), AuditFinding(row: 4, problems: [.pastHead(through: 5)])),
        (AuditChainCheckTests.head(5, matches: false), AuditFinding(row: 5, problems: [.headHashDiffers])),
        (
            AuditChainCheck.StoredHead(row: 5, hash: nil, matchesRow: nil),
            AuditFinding(row: 5, problems: [.headMalformed])
        ),
        (nil, AuditFinding(row: 5, problems: [.headMissing])),
    ])
    func theHeadIsCheckedAgainstTheLastRow(_ head: AuditChainCheck.StoredHead?, _ finding: AuditFinding) {
        #expect(Self.verify(Self.intact(5), head: head).findings == [finding])
    }

    @Test func findingsPastTheLimitAreCounted() {
        var rows = Self.intact(10)
        for index in rows.indices { rows[index].contentMatches = false }
        let result = Self.verify(rows, head: Self.head(10), limit: 3)
        #expect(result.findings.map(\.row) == [1, 2, 3])
        #expect(result.unlisted == 7)
        #expect(result.findingCount == 10)
    }

    @Test func aKeptHeadIsReachedByTheRecomputedChain() {
        let result = Self.verify(Self.intact(5), head: Self.head(5), keptHead: Self.hash(3))
        #expect(result.keptHead == .reached(row: 3))
        #expect(result.isIntact)
    }

    /// The owner recomputed every stored hash after changing row 2: the stored chain agrees
    /// with itself, but the chain recomputed from content no longer reaches the kept head.
    @Test func aRewrittenLogDoesNotReachTheKeptHead() {
        var rows = Self.intact(5)
        for index in 1..<5 {
            rows[index].hash = Self.hash(index + 1, rewritten: true)
            rows[index].rechained = Self.hash(index + 1, rewritten: true)
        }
        let result = Self.verify(rows, head: Self.head(5, Self.hash(5, rewritten: true)), keptHead: Self.hash(4))
        #expect(result.findings.isEmpty)
        #expect(result.keptHead == .notReached(hash: Self.hash(4)))
        #expect(!result.isIntact)
    }

    @Test(arguments: [
        (String(repeating: "ab", count: 32), String(repeating: "ab", count: 32)),
        (String(repeating: "AB", count: 32), String(repeating: "ab", count: 32)),
        (String(repeating: "a", count: 63), nil),
        (String(repeating: "a", count: 65), nil),
        (String(repeating: "g", count: 64), nil),
        (" " + String(repeating: "a", count: 63), nil),
        ("", nil),
    ])
    func keptHeadsAreSixtyFourHexadecimalDigits(_ text: String, _ hash: String?) {
        #expect(AuditChainHead.hash(parsing: text) == hash)
    }
}
