/// What the database worked out about one row of the audit log, for `AuditChainCheck`.
///
/// Hashes and comparisons are computed by the database, so a row whose stored values are
/// NULL or of the wrong length arrives as `nil`s and `false`s, never as bytes to decode.
public struct AuditChainRow: Sendable, Hashable {
    /// The row's id.
    public var id: Int
    /// The stored hash in hexadecimal; nil when it is NULL or not 32 bytes.
    public var hash: String?
    /// Whether the stored link (`previous_hash`) is 32 bytes; nil when it is NULL.
    public var linkWellFormed: Bool?
    /// Whether the stored link is the stored hash of the row before (32 zero bytes for the
    /// first row); nil when either is NULL.
    public var linked: Bool?
    /// Whether the stored hash is the hash of the row's content and its stored link; nil when
    /// either is NULL.
    public var contentMatches: Bool?
    /// The row's hash recomputed from its content and the hash recomputed the same way for the
    /// row before, from the first row on: what the stored hash is when nothing was rewritten.
    public var rechained: String

    /// A row as the database described it.
    public init(
        id: Int, hash: String?, linkWellFormed: Bool?, linked: Bool?, contentMatches: Bool?, rechained: String
    ) {
        self.id = id
        self.hash = hash
        self.linkWellFormed = linkWellFormed
        self.linked = linked
        self.contentMatches = contentMatches
        self.rechained = rechained
    }
}

/// Checks the audit log's hash chain a row at a time, as the store streams it in id order.
///
/// Each row's link is checked against the stored hash of the row before, not against a hash
/// recomputed for it, so a row whose content was altered is found once, by its content, and
/// the rows after it still check: three altered rows are three findings. Memory stays flat:
/// the first `limit` findings are kept and the rest only counted.
///
/// With a kept head (a hash kept outside the database), the check also looks for the row whose
/// recomputed hash is that hash. The recomputed chain depends on nothing stored but the rows'
/// content, so a log rewritten before that row is found even when every stored hash and the
/// chain head were recomputed to match, as the owner of the database could.
public struct AuditChainCheck: Sendable {
    /// What the chain head (`audit_chain_head`) holds.
    public struct StoredHead: Sendable, Hashable {
        /// The last row it names.
        public var row: Int
        /// Its hash in hexadecimal; nil when NULL or not 32 bytes.
        public var hash: String?
        /// Whether its hash is the stored hash of the row it names (32 zero bytes for row 0);
        /// nil when either is missing.
        public var matchesRow: Bool?

        /// A head as the database described it.
        public init(row: Int, hash: String?, matchesRow: Bool?) {
            self.row = row
            self.hash = hash
            self.matchesRow = matchesRow
        }
    }

    /// How many findings are kept; those past it are counted.
    public static let defaultLimit = 1_000

    private let limit: Int
    private let keptHead: String?
    private var findings: [AuditFinding] = []
    private var unlisted = 0
    private var checked = 0
    private var lastID = 0
    private var lastHash: String? = AuditChainHead.emptyLogHash
    private var keptHeadRow: Int?

    /// A check that keeps the first `limit` findings and looks for the row whose recomputed hash
    /// is `keptHead` (64 hexadecimal digits, see `AuditChainHead.hash(parsing:)`) when given.
    public init(keptHead: String? = nil, limit: Int = Self.defaultLimit) {
        self.limit = max(limit, 0)
        self.keptHead = keptHead.flatMap(AuditChainHead.hash(parsing:))
        // The empty log's head: a head kept before the first row was written.
        if self.keptHead == AuditChainHead.emptyLogHash { keptHeadRow = 0 }
    }

    /// Checks the next row (rows come in id order).
    public mutating func check(_ row: AuditChainRow) {
        checked += 1
        var problems: [AuditProblem] = []
        let expected = lastID + 1
        // The link is judged against the row before, unless rows are missing in between or
        // that row's own hash is unreadable (it was reported already).
        var linkJudged = lastHash != nil
        if row.id > expected {
            record(AuditFinding(row: expected, problems: [.missing(through: row.id - 1)]))
            linkJudged = false
        } else if row.id < expected {
            problems.append(.outOfOrder(after: lastID))
            linkJudged = false
        }
        if row.hash == nil { problems.append(.hashMalformed) }
        if row.linkWellFormed != true {
            problems.append(.linkMalformed)
        } else if row.linked == false, linkJudged {
            problems.append(.linkBroken(previous: lastID))
        }
        if row.hash != nil, row.linkWellFormed == true, row.contentMatches != true {
            problems.append(.contentChanged)
        }
        if !problems.isEmpty { record(AuditFinding(row: row.id, problems: problems)) }
        if keptHeadRow == nil, row.rechained == keptHead { keptHeadRow = row.id }
        if row.id >= lastID {
            lastID = row.id
            lastHash = row.hash
        }
    }

    /// Checks the chain head against the last row, and returns the outcome.
    public mutating func finish(head: StoredHead?) -> AuditVerification {
        if let head {
            if head.row > lastID {
                record(AuditFinding(row: lastID + 1, problems: [.removedAtEnd(head: head.row)]))
            } else if head.row < lastID {
                record(AuditFinding(row: head.row + 1, problems: [.pastHead(through: lastID)]))
            } else if head.hash == nil {
                record(AuditFinding(row: lastID, problems: [.headMalformed]))
            } else if head.matchesRow != true {
                record(AuditFinding(row: lastID, problems: [.headHashDiffers]))
            }
        } else {
            record(AuditFinding(row: lastID, problems: [.headMissing]))
        }
        return AuditVerification(
            checked: checked, findings: findings, unlisted: unlisted,
            head: lastHash.map { AuditChainHead(row: lastID, hash: $0) },
            keptHead: keptHead.map { hash in keptHeadRow.map { .reached(row: $0) } ?? .notReached(hash: hash) })
    }

    private mutating func record(_ finding: AuditFinding) {
        if findings.count < limit {
            findings.append(finding)
        } else {
            unlisted += 1
        }
    }
}
