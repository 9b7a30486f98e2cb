public import Foundation

/// What one run of the built `redress` printed and returned.
public struct CommandResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the `redress` binary the test build produced, as a new process.
public struct RedressBinary: Sendable {
    public var url: URL
    /// Passed as `--database` to every command.
    public var database: String?
    public var environment: [String: String]

    public init(database: String? = nil, environment: [String: String] = [:]) {
        url = Self.builtBinary()
        self.database = database
        self.environment = environment
    }

    /// The binary next to the test bundle (`.build/debug/redress`).
    public static func builtBinary() -> URL {
        if let path = ProcessInfo.processInfo.environment["REDRESS_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("redress")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        // swift test puts the test runner beside the products of the build.
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/redress")
        return fromSource
    }

    /// Runs `redress ARGUMENTS` with `input` on stdin and waits for it.
    @discardableResult
    public func run(_ arguments: [String], input: Data? = nil, extraEnvironment: [String: String] = [:]) throws
        -> CommandResult
    {
        let process = Process()
        process.executableURL = url
        var args = arguments
        if let database { args += ["--database", database] }
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment.merging(extraEnvironment, uniquingKeysWith: { $1 }) { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes at once so a full one never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    public func run(_ arguments: String...) throws -> CommandResult {
        try run(arguments)
    }
}
