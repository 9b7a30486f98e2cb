extension String {
    /// Whether the text is empty or only whitespace and newlines, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` judges it, without bridging through
    /// NSString on every call.
    var isBlankText: Bool { unicodeScalars.allSatisfy { $0.isSpace || $0.isNewline } }

    /// The text without leading and trailing spaces and tabs (not newlines), as
    /// `trimmingCharacters(in: .whitespaces)` leaves it, without NSString.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}

extension Unicode.Scalar {
    /// What Foundation's `CharacterSet.whitespaces` holds: tab, the space separators, and the
    /// zero-width space that it still counts among them.
    var isSpace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What `CharacterSet.newlines` holds.
    var isNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
