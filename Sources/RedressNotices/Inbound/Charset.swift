#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text in a named character set, decoded to a Swift string. UTF-8, US-ASCII and ISO-8859-1
/// are decoded here; every other charset (EUC-KR, ISO-2022-KR, Shift_JIS, …) goes through the C
/// library's iconv. Bytes a charset does not define become U+FFFD, never an error: a message
/// is filed whatever it holds.
public enum Charset {
    /// `bytes` decoded as `name`; `known` is false when no decoder knows the name (the bytes
    /// are then read as UTF-8).
    public static func decode<C: Collection>(_ bytes: C, charset name: String?) -> (text: String, known: Bool)
    where C.Element == UInt8 {
        let label = (name ?? "us-ascii").trimmingCharacters(in: " \t\"'").lowercased()
        switch label {
        case "", "utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8":
            return (String(decoding: bytes, as: UTF8.self), true)
        case "iso-8859-1", "latin1", "iso_8859-1", "l1", "iso8859-1":
            var text = String.UnicodeScalarView()
            for byte in bytes { text.append(Unicode.Scalar(byte)) }
            return (String(text), true)
        default:
            guard label.utf8.count <= 40, label.utf8.allSatisfy({ $0 > 32 && $0 < 127 }),
                let text = iconvDecode(Array(bytes), from: label)
            else {
                return (String(decoding: bytes, as: UTF8.self), false)
            }
            return (text, true)
        }
    }

    /// Decodes with iconv, a byte it cannot read becoming U+FFFD; nil when iconv does not know
    /// the charset.
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inputPointer = inputBuffer.baseAddress
            var inputLeft = inputBuffer.count
            while true {
                let (result, written, failure): (Int, Int, Int32) = buffer.withUnsafeMutableBufferPointer { out in
                    var outputPointer = out.baseAddress
                    var outputLeft = out.count
                    let result =
                        inputLeft == 0
                        ? iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
                        : iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    return (result, out.count - outputLeft, result == -1 ? errno : 0)
                }
                output.append(contentsOf: buffer[0..<written].map { UInt8(bitPattern: $0) })
                if result != -1 {
                    if inputLeft == 0 { break }
                    continue
                }
                if failure == E2BIG { continue }
                // EILSEQ or EINVAL (a sequence cut short): one replacement character, and on.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                guard inputLeft > 0 else { break }
                inputPointer = inputPointer.map { $0 + 1 }
                inputLeft -= 1
                if inputLeft == 0 { break }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let unwanted = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, unwanted.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, unwanted.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
