/// A `Message-ID` (RFC 5322 §3.6.4): `<left@right>`, both sides dot-atoms.
public struct MessageID: Sendable, Hashable {
    /// The part before the `@`, unique within the domain.
    public let left: String
    /// The domain, e.g. the office's mail domain.
    public let right: String

    /// Makes an id, refusing parts that are not dot-atoms (so they can never break a header).
    public init(left: String, right: String) throws {
        guard Mailbox.isDotAtom(Array(left.utf8)[...]), Mailbox.isDomain(Array(right.utf8)[...]) else {
            throw MIMEError.invalidMessageID("\(left)@\(right)")
        }
        self.left = left
        self.right = right
    }
}

extension MessageID: CustomStringConvertible {
    /// The id with its angle brackets, as headers carry it.
    public var description: String { "<\(left)@\(right)>" }
}
