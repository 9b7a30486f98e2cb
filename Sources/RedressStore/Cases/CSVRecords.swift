/// The records of a CSV text, read the way the CSV package's `CSVReader(string:)` reads them,
/// but over UTF-8 bytes instead of one Unicode scalar at a time through an iterator: that
/// reader was a quarter of the client's time in a bulk import, all of it before the server had
/// anything to do.
///
/// The reading, quirks included: a field that starts with `"` is quoted and ends at a `"`
/// followed by a comma, a line end or the end of the text; `""` inside it is one quote; any
/// other character after a closing quote keeps the quote and drops that character. A line ends
/// at LF, CR or CRLF. An empty line is a record of one empty field. Every slice is cut at an
/// ASCII byte, so each field is valid UTF-8 when the text is.
enum CSVRecords {
    static func records(_ text: String) -> [[String]] {
        var text = text
        return text.withUTF8 { bytes in
            var records: [[String]] = []
            var index = 0
            let count = bytes.count
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            var field: [UInt8] = []
            field.reserveCapacity(256)

            func string(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            /// Skips the line end at `index` (CR, LF or CRLF).
            func skipLineEnd() {
                if bytes[index] == cr, index + 1 < count, bytes[index + 1] == lf { index += 2 } else { index += 1 }
            }
            /// The length of the UTF-8 sequence whose first byte is `byte`.
            func scalarLength(_ byte: UInt8) -> Int {
                byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            }

            while index < count {
                var record: [String] = []
                while true {
                    var endOfRecord = false
                    if index >= count {
                        record.append("")
                        endOfRecord = true
                    } else if bytes[index] == quote {
                        index += 1
                        field.removeAll(keepingCapacity: true)
                        var closed = false
                        while index < count {
                            let byte = bytes[index]
                            guard byte == quote else { field.append(byte); index += 1; continue }
                            index += 1
                            if index >= count { closed = true; endOfRecord = true; break }
                            let next = bytes[index]
                            if next == cr || next == lf { skipLineEnd(); closed = true; endOfRecord = true; break }
                            if next == comma { index += 1; closed = true; break }
                            field.append(quote)
                            index += next == quote ? 1 : scalarLength(next)
                        }
                        if !closed { endOfRecord = true }
                        record.append(String(decoding: field, as: UTF8.self))
                    } else {
                        let start = index
                        while index < count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf { index += 1 }
                        record.append(string(start, index))
                        if index >= count {
                            endOfRecord = true
                        } else if bytes[index] == comma {
                            index += 1
                        } else {
                            skipLineEnd()
                            endOfRecord = true
                        }
                    }
                    if endOfRecord { break }
                }
                records.append(record)
            }
            return records
        }
    }
}
