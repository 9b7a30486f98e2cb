import Foundation
import Postgres
import RedressTesting
import Testing

/// Helpers for the notice tests: the rows of the outbox, Python's strict MIME checker
/// (Tests/RedressNoticesTests/check_mime.py), an SMTP sink on 127.0.0.1, and background runs of
/// the binary that a test can kill.
enum NoticeFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// One outbox row, as the tests read it.
    struct Row: Hashable {
        var id: Int
        var kind: String
        var audience: String
        var channel: String
        var language: String
        var state: String
        var attempts: Int
        var lastError: String?
    }

    static func rows(_ db: TestDatabase, where condition: String = "true") throws -> [Row] {
        try db.withConnection { connection in
            try connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT id, kind, audience, channel, language, state, attempts, last_error FROM notice WHERE \(condition) ORDER BY id
                        """)
            ).map { row in
                Row(
                    id: try row.decode(Int.self, at: 0), kind: try row.decode(String.self, at: 1),
                    audience: try row.decode(String.self, at: 2),
                    channel: try row.decode(String.self, at: 3), language: try row.decode(String.self, at: 4),
                    state: try row.decode(String.self, at: 5), attempts: try row.decode(Int.self, at: 6),
                    lastError: try row.decode(String?.self, at: 7))
            }
        }
    }

    /// The Message-ID every email notice of the database has: `<notice-ID.REFERENCE@DOMAIN>`.
    static func messageIDs(_ db: TestDatabase, domain: String) throws -> [Int: String] {
        try db.withConnection { connection in
            var ids: [Int: String] = [:]
            for row in try connection.query(
                """
                SELECT n.id, c.reference FROM notice n JOIN complaint_case c ON c.id = n.case_id WHERE n.channel = 'email'
                """)
            {
                let id = try row.decode(Int.self, at: 0)
                ids[id] = "<notice-\(id).\(try row.decode(String.self, at: 1))@\(domain)>"
            }
            return ids
        }
    }

    // MARK: Strict MIME checking

    /// One message for check_mime.py and what it must hold (see that script for the keys).
    struct MIMECase {
        var message: Data
        var expectations: [String: Any]
    }

    /// Runs check_mime.py over the messages; returns its exit status and output.
    static func checkMIME(_ cases: [MIMECase]) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder("mime")
        defer { try? FileManager.default.removeItem(at: folder) }
        var manifest: [[String: Any]] = []
        for (index, item) in cases.enumerated() {
            let file = folder.appendingPathComponent("message-\(index).eml")
            try item.message.write(to: file)
            var entry = item.expectations
            entry["file"] = file.path
            manifest.append(entry)
        }
        let manifestFile = folder.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestFile)
        let script = packageRoot.appendingPathComponent("Tests/RedressNoticesTests/check_mime.py").path
        return try runTool("/usr/bin/env", ["python3", script, manifestFile.path])
    }

    /// The decoded text body and subject of a message, read by Python's strict parser.
    static func decoded(_ message: Data) throws -> (subject: String, body: String) {
        let folder = try temporaryFolder("decode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.eml")
        try message.write(to: file)
        let result = try runTool(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import email, email.policy, json, sys
                m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.strict)
                print(json.dumps({"subject": str(m["Subject"]), "body": m.get_content().replace("\\r\\n", "\\n")}))
                """, file.path,
            ])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String] ?? [:]
        return (object["subject"] ?? "", object["body"] ?? "")
    }

    /// Runs a tool to the end; its stdout and stderr together.
    static func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    // MARK: Background runs

    /// Starts `redress ARGUMENTS` without waiting for it (stdout and stderr to files in
    /// `folder`), so a test can run several at once or kill one.
    static func start(_ binary: RedressBinary, _ arguments: [String], folder: URL, label: String) throws -> Process {
        let process = Process()
        process.executableURL = binary.url
        process.arguments = arguments + (binary.database.map { ["--database", $0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("\(label).out").path, contents: nil)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("\(label).err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("\(label).out"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("\(label).err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// An SMTP server on 127.0.0.1 (Python's aiosmtpd) that writes each message it accepts into a
/// folder, byte for byte as received, for the test that sends through a real mail chain. It
/// stops when its standard input closes, and by itself after `lifetime` seconds.
final class SMTPSink {
    let folder: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    static let script = """
        import os, socket, sys, threading, time
        from aiosmtpd.controller import Controller
        folder, lifetime = sys.argv[1], float(sys.argv[2])
        lock = threading.Lock()
        class Handler:
            async def handle_DATA(self, server, session, envelope):
                with lock:
                    name = os.path.join(folder, "%06d.eml" % len(os.listdir(folder)))
                    with open(name + ".tmp", "wb") as out:
                        out.write(envelope.original_content)
                    os.rename(name + ".tmp", name)
                return "250 Message accepted"
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        print(port, flush=True)
        stop = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        stop.wait(lifetime)
        controller.stop()
        """

    init(lifetime: TimeInterval = 300) throws {
        folder = try NoticeFixture.temporaryFolder("smtp")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", SMTPSink.script, folder.path, String(Int(lifetime))]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw SMTPSinkError.didNotStart
        }
        self.port = port
    }

    /// The messages received so far, in order.
    func messages() throws -> [Data] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

enum SMTPSinkError: Error {
    case didNotStart
}
