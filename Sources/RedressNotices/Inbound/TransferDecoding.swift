/// The content transfer encodings of RFC 2045, decoded leniently: what cannot be read is
/// skipped, never refused, so a damaged part still yields what it holds.
public enum TransferDecoding {
    /// The decoded bytes of a base64 body; characters outside the alphabet (line breaks,
    /// spaces, junk) are skipped and a cut-short final group gives the bytes it has.
    public static func base64<C: Collection>(_ encoded: C) -> [UInt8] where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in encoded {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - 71)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte) + 4
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                // Padding ends a group: whatever bits are left over are dropped.
                accumulator = 0
                bits = 0
                continue
            default: continue
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return output
    }

    /// How many bytes a base64 body decodes to, at most, without decoding it.
    public static func base64Size<C: Collection>(_ encoded: C) -> Int where C.Element == UInt8 {
        var symbols = 0
        for byte in encoded where byte > 32 && byte != UInt8(ascii: "=") { symbols += 1 }
        return symbols * 3 / 4
    }

    /// The decoded bytes of a quoted-printable body (RFC 2045 §6.7): `=XX` escapes, soft line
    /// breaks (`=` at the end of a line) removed, a malformed escape kept as written.
    public static func quotedPrintable<C: Collection>(_ encoded: C) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(encoded)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            // A soft line break: `=`, optional trailing whitespace, then CRLF or LF.
            var end = index + 1
            while end < bytes.count, bytes[end] == 32 || bytes[end] == 9 { end += 1 }
            if end < bytes.count, bytes[end] == 13 || bytes[end] == 10 {
                if bytes[end] == 13, end + 1 < bytes.count, bytes[end + 1] == 10 { end += 1 }
                index = end + 1
                continue
            }
            if end == bytes.count {
                index = end
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
        default: return nil
        }
    }
}
