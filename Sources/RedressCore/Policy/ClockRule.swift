/// The policy for one kind of clock: its allowance, how it may be extended and its cap.
public struct ClockRule: Sendable, Hashable, Codable {
    /// The clock kind the rule governs.
    public var kind: ClockKind
    /// For remedy rules, the remedy scale the rule applies to; `nil` for every other kind.
    public var remedyScale: RemedyScale?
    /// The normal allowance.
    public var allowance: Allowance
    /// How the clock may be extended, or `nil` when it may not.
    public var extensionRule: ExtensionRule?
    /// The most the allowance plus extensions may reach, in the allowance's unit, before the
    /// complainant's consent is needed; `nil` for no cap.
    public var cap: Int?
    /// Whether a new clock of this kind starts when one ends (periodic reviews and updates).
    public var repeating: Bool
    /// A remark for people reading the policy ("then deemed declined").
    public var note: String?

    /// Makes a rule.
    public init(
        kind: ClockKind,
        remedyScale: RemedyScale? = nil,
        allowance: Allowance,
        extensionRule: ExtensionRule? = nil,
        cap: Int? = nil,
        repeating: Bool = false,
        note: String? = nil
    ) {
        self.kind = kind
        self.remedyScale = remedyScale
        self.allowance = allowance
        self.extensionRule = extensionRule
        self.cap = cap
        self.repeating = repeating
        self.note = note
    }

    /// The cap as an allowance in the rule's unit, if there is one.
    public var capAllowance: Allowance? {
        cap.map { Allowance($0, allowance.unit) }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case remedyScale = "remedy_scale"
        case allowance
        case extensionRule = "extension_rule"
        case cap
        case repeating
        case note
    }
}
