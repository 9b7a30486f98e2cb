/// Why a row does not fit the audit log's hash chain.
public enum AuditProblem: Sendable, Hashable {
    /// The row and those after it up to `through` are not in the log.
    case missing(through: Int)
    /// The row's id is not above the id of the row before it (`after`).
    case outOfOrder(after: Int)
    /// The stored hash is NULL or not 32 bytes.
    case hashMalformed
    /// The stored link (`previous_hash`) is NULL or not 32 bytes.
    case linkMalformed
    /// The stored link is not the stored hash of the row before (`previous`; 0 for the first
    /// row, which links to 32 zero bytes).
    case linkBroken(previous: Int)
    /// The stored hash is not the hash of the row's content and link.
    case contentChanged
    /// The chain head (`audit_chain_head`) is not there.
    case headMissing
    /// The chain head's hash is NULL or not 32 bytes.
    case headMalformed
    /// The chain head names row `head`, but the log ends before the row (which is missing,
    /// with those after it up to `head`).
    case removedAtEnd(head: Int)
    /// The log goes on past the chain head's row, from the row up to `through`.
    case pastHead(through: Int)
    /// The chain head's hash is not the stored hash of the row it names.
    case headHashDiffers

    /// The last row the problem covers, when it covers several from the finding's row on.
    var through: Int? {
        switch self {
        case let .missing(through), let .pastHead(through): return through
        case let .removedAtEnd(head): return head
        default: return nil
        }
    }

    /// The problem in words, for a finding about `row`.
    public func sentence(row: Int) -> String {
        switch self {
        case .missing: return "missing"
        case let .outOfOrder(after) where after == 0: return "its id is below 1, where the log starts"
        case let .outOfOrder(after): return "its id is not above that of the row before it (row \(after))"
        case .hashMalformed: return "its stored hash is empty or not 32 bytes"
        case .linkMalformed: return "its stored link to the row before is empty or not 32 bytes"
        case let .linkBroken(previous) where previous == 0:
            return "its link is not the 32 zero bytes the first row links to"
        case let .linkBroken(previous):
            return "its link does not match the stored hash of row \(previous): one of the two was rewritten"
        case .contentChanged: return "its content does not match its hash: it was changed after it was written"
        case .headMissing: return "the chain head (audit_chain_head) is missing"
        case .headMalformed: return "the chain head's hash is empty or not 32 bytes"
        case let .removedAtEnd(head):
            return
                "missing: the chain head names row \(head) but the log ends at row \(row - 1), so its newest rows were removed"
        case .pastHead:
            return "past the chain head (row \(row - 1)): rows were added without moving the head"
        case .headHashDiffers: return "the chain head's hash does not match this row's stored hash"
        }
    }
}

/// A row of the audit log that does not fit the hash chain, and why (each reason once).
public struct AuditFinding: Sendable, Hashable, CustomStringConvertible {
    /// The row's id (for rows missing, the first of them).
    public var row: Int
    /// What is wrong with it.
    public var problems: [AuditProblem]

    /// A finding about `row`.
    public init(row: Int, problems: [AuditProblem]) {
        self.row = row
        self.problems = problems
    }

    /// One line: "row 7: its content does not match its hash: …", "rows 8 to 9: missing".
    public var description: String {
        let through = problems.compactMap(\.through).max() ?? row
        let rows = through > row ? "rows \(row) to \(through)" : "row \(row)"
        return rows + ": " + problems.map { $0.sentence(row: row) }.joined(separator: "; ")
    }
}
