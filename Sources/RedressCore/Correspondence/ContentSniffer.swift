/// The content type of a document, told from its first bytes, never from its name or from what
/// a sender declared: PDF, PNG, JPEG, GIF, ZIP (and Office files, which are ZIP), plain text,
/// else `application/octet-stream`. What it says is recorded and served as an attachment; it is
/// never used to render the document.
public enum ContentSniffer {
    /// How many leading bytes `sniff` looks at.
    public static let prefixLength = 4096

    public static func sniff<C: Collection>(_ prefix: C) -> String where C.Element == UInt8 {
        let head = Array(prefix.prefix(prefixLength))
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return officeType(head) ?? "application/zip"
        }
        if isText(head) { return "text/plain" }
        return "application/octet-stream"
    }

    /// An Office Open XML file names its main part in the first entries of its ZIP.
    static func officeType(_ head: [UInt8]) -> String? {
        func contains(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            guard head.count >= needle.count else { return false }
            return (0...(head.count - needle.count)).contains { head[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        if contains("word/") { return "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
        if contains("xl/") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
        if contains("ppt/") { return "application/vnd.openxmlformats-officedocument.presentationml.presentation" }
        return nil
    }

    /// Text: valid UTF-8 (a character cut at the end of the prefix allowed) without control
    /// characters other than tab, line breaks and form feed; empty content counts as text.
    static func isText(_ head: [UInt8]) -> Bool {
        for byte in head where byte < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains(byte) || byte == 0x7F {
            return false
        }
        var check = head[...]
        // Up to three bytes of a character the prefix cut off.
        for _ in 0..<3 where String(validating: check, as: UTF8.self) == nil && !check.isEmpty {
            check = check.dropLast()
        }
        return String(validating: check, as: UTF8.self) != nil
    }
}
