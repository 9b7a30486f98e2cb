import Foundation

/// Reading a file a piece at a time, for messages whose parts are too large to hold.
enum FileLines {
    /// Calls `body` with each chunk of at most `size` bytes of the file, in order.
    static func chunks(of file: URL, size: Int, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        while let data = try handle.read(upToCount: size), !data.isEmpty {
            try body(Array(data)[...])
        }
    }

    /// Calls `body` with each line of the file, without its line break, split as
    /// `QuotedPrintable.lines(of:)` splits text: at CRLF, CR or LF, a final line break ending
    /// the last line rather than starting an empty one, and an empty file one empty line.
    static func read(_ file: URL, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var line: [UInt8] = []
        var previousCR = false
        var lines = 0
        try chunks(of: file, size: 1 << 16) { chunk in
            for byte in chunk {
                if byte == 10, previousCR {
                    previousCR = false
                    continue
                }
                previousCR = byte == 13
                if byte == 10 || byte == 13 {
                    try body(line[...])
                    lines += 1
                    line.removeAll(keepingCapacity: true)
                } else {
                    line.append(byte)
                }
            }
        }
        if !line.isEmpty || lines == 0 { try body(line[...]) }
    }
}
