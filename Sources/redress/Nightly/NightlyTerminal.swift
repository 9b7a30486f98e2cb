import Foundation
import Glibc

/// Standard output, or another open file, through a 64 KiB buffer: reports are written a row
/// at a time.
struct BufferedOutput: TextOutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Whether a write failed (a full disk, a closed pipe): what followed was lost.
    private(set) var failed = false

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file: for an output made on a file of its own.
    mutating func close() {
        flush()
        if Glibc.close(descriptor) != 0 { failed = true }
    }
}

/// What the terminal can show: progress only when stderr is a terminal, colour only when
/// stdout is one and NO_COLOR is not set.
enum Terminal {
    static var showsProgress: Bool { isatty(2) == 1 }
    static var usesColour: Bool {
        isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr
/// is not a terminal.
final class ProgressLine {
    private let label: String
    private let enabled = Terminal.showsProgress
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(_ label: String) {
        self.label = label
    }

    /// Shows `done` of `total` (a bar), or of an unknown total (a count).
    func update(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
        lastDraw = now
        var line = "\r\(label) "
        if let total, total > 0 {
            let width = 30
            let filled = min(width, done * width / total)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += "\(done * 100 / total)% \(grouped(done))/\(grouped(total))"
        } else {
            line += grouped(done)
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the line.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// 1234567 as "1,234,567".
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return number < 0 ? "-" + out : out
}
