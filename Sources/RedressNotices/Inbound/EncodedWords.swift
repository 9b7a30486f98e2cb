/// RFC 2047 encoded words in header text (`=?EUC-KR?B?x9GxyQ==?=`), decoded; whitespace between
/// two adjacent encoded words is dropped, as the RFC asks. A word that does not decode is left
/// as written.
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var rest = Substring(text)
        var pendingSpace = ""
        var lastWasEncoded = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (word, after) = encodedWord(rest) {
                if !lastWasEncoded { result += pendingSpace }
                result += word
                pendingSpace = ""
                lastWasEncoded = true
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
                continue
            }
            result += pendingSpace
            pendingSpace = ""
            result.append(character)
            lastWasEncoded = false
        }
        return result + pendingSpace
    }

    /// The decoded text of the encoded word at the start of `text`, and what follows it.
    static func encodedWord(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2)
        guard let charsetEnd = parts.firstIndex(of: "?") else { return nil }
        let charset = parts[..<charsetEnd].split(separator: "*").first.map(String.init) ?? ""
        let afterCharset = parts[parts.index(after: charsetEnd)...]
        guard let encoding = afterCharset.first, afterCharset.dropFirst().first == "?" else { return nil }
        let payloadStart = afterCharset.dropFirst(2)
        guard let end = payloadStart.firstRange(of: "?=") else { return nil }
        let payload = payloadStart[..<end.lowerBound]
        guard !charset.isEmpty, !payload.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B", "b": bytes = TransferDecoding.base64(payload.utf8)
        case "Q", "q":
            bytes = TransferDecoding.quotedPrintable(payload.utf8.map { $0 == UInt8(ascii: "_") ? 32 : $0 })
        default: return nil
        }
        return (Charset.decode(bytes, charset: charset).text, payloadStart[end.upperBound...])
    }
}
