import Foundation
import RedressCore

/// Header value encoding: single-line sanitising, RFC 2047 encoded-words and folding.
///
/// Every value that reaches a header goes through `singleLine`, so no text can end a header
/// line and start another: line breaks of any kind become spaces.
enum HeaderText {
    /// Lines are folded to at most this many characters where the value allows (RFC 5322 §2.1.1).
    static let lineLimit = 78
    /// UTF-8 bytes per encoded-word: 42 bytes are 56 base64 characters, so a word is 68
    /// characters and fits after `Subject: ` within 78.
    static let encodedWordBytes = 42
    /// Plain words longer than this are encoded so that they can be split across lines.
    static let longestPlainWord = 60

    /// The text on one line: every run of whitespace (line breaks included) becomes one space,
    /// other control characters are dropped, and the ends are trimmed.
    static func singleLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else if scalar.isControlCharacter {
                continue
            } else {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the scalar has the Unicode White_Space property (the set is small and fixed, and
    /// this is much faster than looking the property up).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether the text has `=?` or `?=`, so a decoder could take it for (part of) an encoded-word.
    static func looksEncoded<S: StringProtocol>(_ text: S) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?"))
                || (previous == UInt8(ascii: "?") && byte == UInt8(ascii: "="))
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// Whether every character is printable US-ASCII (space through tilde).
    static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    /// The text as RFC 2047 "B" encoded-words in UTF-8, split between characters so that no
    /// word is longer than the line allows.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        func add(_ bytes: [UInt8]) {
            if !current.isEmpty, current.count + bytes.count > encodedWordBytes {
                chunks.append(current)
                current = []
            }
            current += bytes
        }
        for character in text {
            let bytes = Array(character.utf8)
            if bytes.count <= encodedWordBytes {
                add(bytes)
            } else {
                // A cluster too long for one word (a long emoji sequence): split between scalars.
                for scalar in character.unicodeScalars {
                    add(Array(String(scalar).utf8))
                }
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }
    }

    /// Tokens for an unstructured value such as a Subject: plain ASCII words as they are, and
    /// each run of words that need encoding as encoded-words.
    static func unstructuredTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var run: [Substring] = []
        func flush() {
            if !run.isEmpty {
                tokens += encodedWords(run.joined(separator: " "))
                run = []
            }
        }
        for word in singleLine(text).split(separator: " ") {
            let needsEncoding =
                !isPrintableASCII(word) || looksEncoded(word)
                || word.utf8.count > longestPlainWord
            if needsEncoding {
                run.append(word)
            } else {
                flush()
                tokens.append(String(word))
            }
        }
        flush()
        return tokens
    }

    /// Tokens for a display name: a quoted string when it is short ASCII, encoded-words otherwise.
    static func phraseTokens(_ name: String) -> [String] {
        let line = singleLine(name)
        if line.isEmpty { return [] }
        if isPrintableASCII(line), line.utf8.count <= longestPlainWord, !looksEncoded(line) {
            var quoted = "\""
            for character in line {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            quoted.append("\"")
            return [quoted]
        }
        return encodedWords(line)
    }

    /// A header field, `Name: tokens`, folded between tokens so lines stay within the limit
    /// where they can. Lines are separated by CRLF; there is no CRLF at the end.
    static func fold(name: String, tokens: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for (index, token) in tokens.enumerated() {
            if index > 0, line.utf8.count + 1 + token.utf8.count > lineLimit {
                lines.append(line)
                line = " " + token
            } else {
                line += " " + token
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }
}
