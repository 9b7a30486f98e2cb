import Foundation
import Postgres
import RedressTesting
import Testing

/// Streaming a million wide rows must not make the process grow: the same
/// rows buffered would take hundreds of MiB.
///
/// Peak resident memory (`VmHWM`) is a property of a whole process, and the
/// other tests run in parallel in this one. So the test starts this test
/// runner again, told to run only this test, with `REDRESS_STREAM_PROBE`
/// naming a file: that child streams the rows and writes its own figures
/// there, and the parent checks them.
@Suite("Streaming memory")
struct StreamingMemoryTests {
    static let rows = 1_000_000
    static let limitKiB = 64 * 1024
    static let probeVariable = "REDRESS_STREAM_PROBE"

    @Test func aMillionRowsStreamInUnder64MiB() throws {
        if let output = ProcessInfo.processInfo.environment[Self.probeVariable] {
            try Self.probe(writingTo: output)
            return
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("redress-stream-probe-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: output) }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", "aMillionRowsStreamInUnder64MiB"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.probeVariable] = output.path
        child.environment = environment
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)

        let figures = try String(contentsOf: output, encoding: .utf8)
        var values: [String: Int] = [:]
        for pair in figures.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        let streamed = try #require(values["rows"])
        let bytes = try #require(values["bytes"])
        let peak = try #require(values["peak_kib"])
        let before = try #require(values["before_kib"])
        #expect(streamed == Self.rows)
        // Buffered, the text alone would be several times the limit.
        #expect(bytes > 4 * Self.limitKiB * 1024)
        #expect(peak < Self.limitKiB, "peak resident memory \(peak) KiB")
        print(
            "streamed \(streamed) rows (\(bytes / 1_048_576) MiB of text): peak resident memory \(peak / 1024) MiB (\(peak) KiB; \(before) KiB before streaming)"
        )
    }

    /// Runs in the child: streams the rows, decoding every column, and writes
    /// the figures.
    static func probe(writingTo output: String) throws {
        try withTestDatabase(migrated: false) { db in
            try db.withConnection { c in
                let before = try peakResidentKiB()
                var count = 0
                var bytes = 0
                var outOfOrder = 0
                try c.stream(
                    """
                    SELECT n, repeat(\("인권 remedy "), 24) || n::text
                    FROM (SELECT generate_series(1, \(rows)) AS n) AS g
                    """
                ) { row in
                    count += 1
                    if try row.decode(Int.self, at: 0) != count { outOfOrder += 1 }
                    bytes += try row.decode(String.self, at: 1).utf8.count
                }
                #expect(outOfOrder == 0)
                let peak = try peakResidentKiB()
                try "rows=\(count) bytes=\(bytes) before_kib=\(before) peak_kib=\(peak)\n"
                    .write(toFile: output, atomically: true, encoding: .utf8)
            }
        }
    }

    /// `VmHWM` of this process, from /proc/self/status.
    static func peakResidentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            if let value = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Int($0) }) {
                return value
            }
        }
        throw PostgresError(kind: .client, message: "/proc/self/status has no VmHWM line")
    }
}
