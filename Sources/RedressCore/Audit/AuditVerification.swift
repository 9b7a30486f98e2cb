/// The outcome of checking the audit log's hash chain (`AuditChainCheck`).
public struct AuditVerification: Sendable, Hashable {
    /// Whether the chain recomputed from the first row reached a head kept outside the database.
    public enum KeptHead: Sendable, Hashable {
        /// Row `row`'s recomputed hash is the kept head: the log up to it is as it was when the
        /// head was kept (row 0: the head of the empty log).
        case reached(row: Int)
        /// No row's recomputed hash is the kept head `hash`: the log was rewritten before the
        /// point whose head was kept, or the head comes from another database.
        case notReached(hash: String)
    }

    /// Rows checked.
    public var checked: Int
    /// The rows that do not fit the chain, in id order, the chain head's last; at most
    /// `AuditChainCheck.defaultLimit` (or the limit the check was given).
    public var findings: [AuditFinding]
    /// Findings past the limit, counted but not kept.
    public var unlisted: Int
    /// The last row and its stored hash (row 0 and 32 zero bytes for the empty log); nil when
    /// the last row's stored hash is unreadable.
    public var head: AuditChainHead?
    /// The kept head's outcome; nil when none was given.
    public var keptHead: KeptHead?

    /// An outcome as `AuditChainCheck.finish` reports it.
    public init(
        checked: Int, findings: [AuditFinding], unlisted: Int = 0, head: AuditChainHead?, keptHead: KeptHead? = nil
    ) {
        self.checked = checked
        self.findings = findings
        self.unlisted = unlisted
        self.head = head
        self.keptHead = keptHead
    }

    /// Every finding, listed or not.
    public var findingCount: Int { findings.count + unlisted }

    /// Whether every row fits the chain, the head matches the last row and, when a head was
    /// kept, the recomputed chain reaches it.
    public var isIntact: Bool {
        if findingCount > 0 { return false }
        if case .notReached = keptHead { return false }
        return true
    }
}
