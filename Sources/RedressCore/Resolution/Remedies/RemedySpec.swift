/// What a new remedy item asks for, before it is recorded: from `remedy add`, from each term of
/// a settlement, each recommendation of a decision, each remedy of an award.
public struct RemedySpec: Sendable, Hashable, Codable {
    /// What the item asks for.
    public var kind: RemedyKind
    /// What exactly is to be done, in words.
    public var text: String
    /// The reporting class; the kind's default unless given.
    public var remedyClass: RemedyClass
    /// The policy rule for its clock; the kind's default unless given.
    public var scale: RemedyScale
    /// The amount, for a financial remedy.
    public var amount: Money?
    /// The due date set by hand, instead of the policy's.
    public var dueOn: LocalDate?
    /// The body responsible, when it is not the case's respondent.
    public var body: String?

    /// Makes a spec, refusing blank text, a financial remedy without an amount and an amount on
    /// any other kind.
    public init(
        kind: RemedyKind,
        text: String,
        remedyClass: RemedyClass? = nil,
        scale: RemedyScale? = nil,
        amount: Money? = nil,
        dueOn: LocalDate? = nil,
        body: String? = nil
    ) throws {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { throw ResolutionError.remedyTextMissing(kind) }
        if kind.needsAmount, amount == nil { throw ResolutionError.amountMissing }
        if !kind.needsAmount, amount != nil { throw ResolutionError.amountNotAllowed(kind) }
        if let body, body.isBlank { throw ResolutionError.blankBody }
        self.kind = kind
        self.text = text
        self.remedyClass = remedyClass ?? kind.defaultClass
        self.scale = scale ?? kind.defaultScale
        self.amount = amount
        self.dueOn = dueOn
        self.body = body?.trimmingWhitespace()
    }

    /// Reads a term, recommendation or award remedy written on the command line.
    ///
    /// The form is `KIND: text`, or for a payment `financial AMOUNT CURRENCY: text`; the kind
    /// may be written in any case. Text with no kind before a colon is an item of kind `other`,
    /// so plain settlement terms read naturally ("The council repairs the ramp."). A word before
    /// the colon that looks like a kind but is not one is refused, so that a typing slip does
    /// not silently become `other`.
    public init(parsing line: String) throws {
        let line = line.trimmingWhitespace()
        guard !line.isEmpty else { throw ResolutionError.remedyTextMissing(.other) }
        guard let colon = line.firstIndex(of: ":") else {
            try self.init(kind: .other, text: line)
            return
        }
        let head = line[..<colon].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let text = String(line[line.index(after: colon)...])
        guard let first = head.first, let kind = RemedyKind(rawValue: first.lowercased()) else {
            if head.count == 1, RemedySpec.looksLikeKind(head[0]) {
                throw ResolutionError.unknownRemedyKind(head[0])
            }
            try self.init(kind: .other, text: line)
            return
        }
        switch (kind.needsAmount, head.count) {
        case (true, 3):
            try self.init(kind: kind, text: text, amount: Money(amount: head[1], currency: head[2].uppercased()))
        case (true, _):
            throw ResolutionError.amountMissing
        case (false, 1):
            try self.init(kind: kind, text: text)
        case (false, _):
            // "apology by the director: ..." is a sentence, not a kind with an amount.
            try self.init(kind: .other, text: line)
        }
    }

    /// Whether `word` has the shape of a kind name: lower-case letters and underscores only.
    private static func looksLikeKind(_ word: String) -> Bool {
        word.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "_") }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case text
        case remedyClass = "class"
        case scale
        case amount
        case dueOn = "due_on"
        case body
    }
}
