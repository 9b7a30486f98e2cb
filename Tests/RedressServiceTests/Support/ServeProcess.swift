import Foundation
import RedressTesting

/// A real `redress serve` process on a free loopback port, for the tests
/// that need a real server: graceful shutdown, database outages, fuzzing.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let logURL: URL
    private let stdout = Pipe()

    /// Starts `redress serve --host 127.0.0.1 --port 0 ARGUMENTS` and waits
    /// for the line that says where it listens.
    init(arguments: [String]) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("redress-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = RedressBinary.builtBinary()
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()

        var line = Data()
        let reader = stdout.fileHandleForReading
        let deadline = Date().addingTimeInterval(30)
        while !line.contains(UInt8(ascii: "\n")) {
            guard Date() < deadline, process.isRunning else {
                process.terminate()
                throw ServeFailure("redress serve did not start: \(Self.read(logURL))")
            }
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw ServeFailure("redress serve printed \(text) and logged \(Self.read(logURL))")
        }
        self.port = port
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var http: LoopbackHTTP { LoopbackHTTP(port: port) }

    /// What the service logged on stderr so far.
    var log: String { Self.read(logURL) }

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Sends SIGTERM and waits for the process to exit; its exit status, or nil on timeout.
    func terminate(within seconds: TimeInterval = 20) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        return waitForExit(within: seconds)
    }

    func waitForExit(within seconds: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logURL)
    }
}
