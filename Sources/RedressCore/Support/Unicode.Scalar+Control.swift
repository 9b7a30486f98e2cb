extension Unicode.Scalar {
    /// Whether the scalar is a C0 or C1 control character or DEL (general category Cc): what
    /// no text Redress keeps, prints or sends may carry, except line breaks and tabs where a
    /// field allows them.
    public var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
