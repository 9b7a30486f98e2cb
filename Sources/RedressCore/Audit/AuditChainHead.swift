/// A point of the audit log's hash chain: a row and its hash, which stands for every row up
/// to it. Kept outside the database (printed by the deadline report and by `audit verify`), it
/// lets a later check tell whether the log up to that row was rewritten.
public struct AuditChainHead: Sendable, Hashable {
    /// The row's id; 0 for the empty log.
    public var row: Int
    /// The row's SHA-256 hash, 64 lowercase hexadecimal digits.
    public var hash: String

    /// A head of `row` with `hash` (64 hexadecimal digits).
    public init(row: Int, hash: String) {
        self.row = row
        self.hash = hash
    }

    /// The hash the first row links to: the head of the empty log.
    public static let emptyLogHash = String(repeating: "0", count: 64)

    /// `text` as a hash in the form heads are compared in (64 lowercase hexadecimal digits);
    /// nil when it is not 64 hexadecimal digits.
    public static func hash(parsing text: String) -> String? {
        let digits = text.lowercased()
        guard digits.utf8.count == 64,
            digits.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return digits
    }
}
