import Crypto

/// Random secrets for tokens, and the digests the database keeps of them.
public enum Secret {
    /// 32 random bytes from the system's cryptographic generator, as 64 hex digits.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var out = ""
        out.reserveCapacity(64)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            out += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return out
    }

    /// Whether `text` looks like a secret `make()` gives: 64 lowercase hex digits.
    public static func isWellFormed(_ text: Substring) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The SHA-256 of a secret: all the database is ever sent or keeps, so no secret appears
    /// in a statement, a server log or a copy of the database.
    public static func digest(_ secret: some StringProtocol) -> [UInt8] {
        Array(SHA256.hash(data: Array(secret.utf8)))
    }
}
