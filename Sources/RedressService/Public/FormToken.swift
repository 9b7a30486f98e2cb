import Crypto
public import Foundation

/// The token a public form carries in a hidden field, so that only a form this service served
/// can be posted back (a cross-site post has none) and a form sent twice is known as one.
///
/// `ISSUED.NONCE.MAC`: the issue time in whole seconds, a random nonce (the form's submission
/// key, see `PublicSubmissionStore`) and the HMAC-SHA256 of the purpose, time and nonce under
/// the server's secret. Nothing is kept on the server or in a cookie until a form is filed.
public struct FormTokens: Sendable {
    private let key: SymmetricKey
    /// How long a served form may be sent back.
    public let lifetime: TimeInterval

    /// Tokens signed with `secret`; every instance that shares a secret accepts the others' forms.
    public init(secret: some Sequence<UInt8>, lifetime: TimeInterval = 4 * 3600) {
        self.key = SymmetricKey(data: Array(SHA256.hash(data: Array(secret))))
        self.lifetime = lifetime
    }

    /// A token for a form of `purpose` (`complain`, `status`) served at `now`: with a new nonce,
    /// or with the nonce of the form it shows again (after errors), so that every version of
    /// one form files one case.
    public func issue(purpose: String, nonce: String? = nil, now: Date = Date()) -> String {
        let issued = Int(now.timeIntervalSince1970)
        var generator = SystemRandomNumberGenerator()
        let nonce = nonce ?? (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
        return "\(issued).\(nonce).\(mac(purpose: purpose, issued: issued, nonce: nonce))"
    }

    /// The nonce of `token` when it is one this service issued for `purpose` and has not expired.
    public func check(_ token: String?, purpose: String, now: Date = Date()) -> String? {
        guard let token, token.utf8.count <= 200 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let issued = Int(parts[0]), parts[1].count == 32,
            parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        let age = now.timeIntervalSince1970 - Double(issued)
        guard age >= -60, age <= lifetime else { return nil }
        let expected = mac(purpose: purpose, issued: issued, nonce: parts[1])
        // Compared in constant time.
        guard expected.utf8.count == parts[2].utf8.count else { return nil }
        let difference = zip(expected.utf8, parts[2].utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        return difference == 0 ? parts[1] : nil
    }

    private func mac(purpose: String, issued: Int, nonce: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(purpose)|\(issued)|\(nonce)".utf8), using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Tokens under a random secret of this process: forms served before a restart are refused
    /// (and shown again to be sent once more).
    public static func random() -> FormTokens {
        var generator = SystemRandomNumberGenerator()
        return FormTokens(secret: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}

/// The fields of an `application/x-www-form-urlencoded` body; the first value of a name wins.
struct FormFields: Sendable {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The value as sent, line breaks made `\n`.
    subscript(name: String) -> String? {
        values[name].map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
    }

    /// The value with spaces trimmed, or nil when that leaves nothing.
    func trimmed(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }
}
